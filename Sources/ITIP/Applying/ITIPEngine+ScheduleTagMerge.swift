import ICalendar

extension ITIPEngine {
    /// Merges a client write made against an older version that the server changed only
    /// inconsequentially (RFC 6638 §3.2.10: `If-Schedule-Tag-Match` matched, the ETag did not).
    ///
    /// The client's data wins, except other attendees' answers (PARTSTAT, RSVP,
    /// SCHEDULE-STATUS), which come from `stored`: they were written by replies the
    /// client had not seen. `actingUser`'s own ATTENDEE entries stay as the client sent them.
    public static func mergeInconsequentialChanges(
        client: ICalComponent, stored: ICalComponent, actingUser: CalendarUser
    ) -> ICalComponent {
        guard var object = try? SchedulingObject(client), let previous = try? SchedulingObject(stored) else {
            return client
        }
        let storedByKey = previous.byKey
        var components = object.components
        for index in components.indices {
            let key = object.key(of: components[index])
            guard let source = storedByKey[key] else { continue }
            for p in components[index].properties.indices where components[index].properties[p].name == "ATTENDEE" {
                let address = CalendarAddress(components[index].properties[p].rawValue)
                guard !actingUser.addresses.contains(address), let kept = source.attendee(address) else { continue }
                for name in ["PARTSTAT", "RSVP", "SCHEDULE-STATUS"] {
                    components[index].properties[p][parameter: name] = kept[parameter: name]
                }
            }
        }
        object.replaceComponents(components)
        return object.calendar
    }
}
