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

    /// The organizer-owned content of a component, as seen by `attendee`.
    static func organizerOwned(_ component: ICalComponent, attendee: CalendarUserAddress) -> [String] {
        var result: [String] = []
        for property in component.properties {
            if personalProperties.contains(property.name) || property.name.hasPrefix("X-") { continue }
            if component.name == "VTODO" && taskProgress.contains(property.name) { continue }
            if property.name == "ATTENDEE" {
                if CalendarUserAddress(property.rawValue) == attendee { continue }
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

    /// Throws when the attendee changed organizer-owned data between `old` and `new`.
    static func validate(old: SchedulingObject, new: SchedulingObject, attendee: CalendarUserAddress) throws(ITIPError) {
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
                guard let master = old.master, let rid = new.recurrenceID(of: component) else {
                    throw .attendeeChangeNotAllowed("an instance was added")
                }
                reference = InstanceDerivation.instance(of: master, at: rid, resolver: old.resolver)
            }
            guard let reference else {
                throw .attendeeChangeNotAllowed("a master component was added")
            }
            let allowed = organizerOwned(reference, attendee: attendee)
            let sent = organizerOwned(component, attendee: attendee)
            if allowed != sent {
                let changed = Set(sent).symmetricDifference(allowed).sorted().first ?? ""
                throw .attendeeChangeNotAllowed("organizer-owned data changed: " + changed)
            }
        }
    }
}
