import ICalendar

/// What an attendee may change in its copy (RFC 6638 §3.2.2.1): its own
/// ATTENDEE, alarms, TRANSP, personal properties, instance exclusions, and for
/// tasks its progress. Everything else belongs to the organizer.
enum AttendeeChangeRules {
    static let personalProperties: Set<String> = [
        "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "CREATED", "TRANSP", "EXDATE", "CATEGORIES", "CLASS",
        "COMMENT", "REQUEST-STATUS",
    ]
    static let taskProgress: Set<String> = ["PERCENT-COMPLETE", "COMPLETED", "STATUS"]

    static let instantProperties: Set<String> = ["DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "RDATE"]

    /// The organizer-owned content of a component, as seen by `attendee`. Times compare as
    /// instants, so a client that rewrites a TZID time in UTC has not moved anything.
    static func organizerOwned(_ component: ICalComponent, attendee: CalendarAddress, resolver: TimeZoneResolver) -> [String] {
        var result: [String] = []
        for property in component.properties {
            if personalProperties.contains(property.name) || property.name.hasPrefix("X-") { continue }
            if component.name == "VTODO" && taskProgress.contains(property.name) { continue }
            if instantProperties.contains(property.name), property.valueType != "PERIOD" {
                let values = property.dateTimeValues
                if !values.isEmpty {
                    let instants = values.map { $0.isDateOnly ? $0.valueText : String(resolver.utcSeconds($0)) }
                    result.append(property.name + ":" + instants.sorted().joined(separator: ","))
                    continue
                }
            }
            if property.name == "ATTENDEE" {
                if CalendarAddress(property.rawValue) == attendee { continue }
                // A delegate the attendee named (RFC 5546 §2.1.5) is the attendee's own change.
                if isDelegate(property, of: attendee) { continue }
                result.append(
                    ComponentComparison.canonical(
                        property, dropping: ["PARTSTAT", "RSVP", "SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND", "SCHEDULE-AGENT"]))
                continue
            }
            result.append(
                ComponentComparison.canonical(property, dropping: ["SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND", "SCHEDULE-AGENT"]))
        }
        for sub in component.components where sub.name != "VALARM" {
            result.append("BEGIN:" + sub.name)
            result.append(contentsOf: ComponentComparison.content(sub, ignoringStatus: false))
            result.append("END:" + sub.name)
        }
        return result.sorted()
    }

    /// Whether an ATTENDEE was delegated to by `delegator` (DELEGATED-FROM names it).
    static func isDelegate(_ property: ICalProperty, of delegator: CalendarAddress) -> Bool {
        property.parameterValues("DELEGATED-FROM").contains { CalendarAddress($0) == delegator }
    }

    /// Throws when the attendee changed organizer-owned data between `old` and `new`.
    static func validate(old: SchedulingObject, new: SchedulingObject, attendee: CalendarAddress) throws(ITIPError) {
        let before = old.byKey
        let after = new.byKey
        if before[.master] != nil && after[.master] == nil {
            throw .attendeeChangeNotAllowed("the master component was removed")
        }
        for (key, component) in after {
            if component.attendee(attendee) == nil && (before[key]?.attendee(attendee) != nil) {
                throw .attendeeChangeNotAllowed("the attendee removed itself")
            }
            var reference = before[key]
            if reference == nil, !key.isMaster {
                guard let master = old.master, let rid = component.recurrenceID,
                    InstanceDerivation.isInstance(of: master, at: rid, resolver: old.resolver)
                else {
                    throw .attendeeChangeNotAllowed("RECURRENCE-ID names no instance of the series")
                }
                reference = InstanceDerivation.instance(of: master, at: rid, resolver: old.resolver)
            }
            guard let reference else {
                throw .attendeeChangeNotAllowed("a master component was added")
            }
            let allowed = organizerOwned(reference, attendee: attendee, resolver: old.resolver)
            let sent = organizerOwned(component, attendee: attendee, resolver: new.resolver)
            if allowed != sent {
                let changed = Set(sent).symmetricDifference(allowed).sorted().first ?? ""
                throw .attendeeChangeNotAllowed("organizer-owned data changed: " + changed)
            }
        }
    }
}
