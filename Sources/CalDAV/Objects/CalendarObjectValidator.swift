import ICalendar

/// A PUT body that passed RFC 4791 §4.1 / §5.3.2.1 checks.
struct ValidatedObject {
    /// The parsed VCALENDAR.
    let calendar: ICalComponent
    /// The name of the components that are not VTIMEZONE (`VEVENT`, `VTODO`, `VJOURNAL`…).
    let componentType: String
    /// Their common UID.
    let uid: String
}

/// The checks of RFC 4791 §5.3.2.1 on a calendar object resource, before anything is stored.
struct CalendarObjectValidator {
    /// Components the calendar accepts (`calendars.components`).
    let supportedComponents: [String]
    let maxResourceSize: Int
    let maxAttendeesPerInstance: Int
    /// Most instances a bounded recurrence may have (CALDAV:max-instances); unbounded rules are not counted.
    var maxInstances: Int = 3000

    /// Validates `body` sent with `contentType`; throws the matching precondition.
    func validate(body: [UInt8], contentType: String?) throws -> ValidatedObject {
        if let contentType {
            let media = contentType.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
            let accepted = ["text/calendar", "application/octet-stream", "application/ics", "text/plain", ""]
            guard accepted.contains(media) else {
                throw DAVError(415, .supportedCalendarData, "\(media) is not text/calendar")
            }
        }
        guard body.count <= maxResourceSize else {
            throw DAVError(403, .maxResourceSize, "object larger than \(maxResourceSize) bytes")
        }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw DAVError(403, .validCalendarData, "body is not UTF-8")
        }
        let calendar: ICalComponent
        do {
            calendar = try ICalComponent.parse(body)
        } catch let error as ICalError {
            throw DAVError(403, .validCalendarData, error.description)
        }
        guard calendar.name == "VCALENDAR" else {
            throw DAVError(403, .validCalendarData, "the top-level component is \(calendar.name), not VCALENDAR")
        }
        guard calendar.property("METHOD") == nil else {
            throw DAVError(403, .validCalendarObjectResource, "a stored calendar object must not have METHOD")
        }
        let members = calendar.components.filter { $0.name != "VTIMEZONE" }
        guard let first = members.first else {
            throw DAVError(403, .validCalendarObjectResource, "no VEVENT, VTODO or VJOURNAL in the object")
        }
        guard members.allSatisfy({ $0.name == first.name }) else {
            throw DAVError(403, .validCalendarObjectResource, "components of different types in one object")
        }
        guard let uid = first[raw: "UID"], !uid.isEmpty else {
            throw DAVError(403, .validCalendarObjectResource, "\(first.name) has no UID")
        }
        guard members.allSatisfy({ $0[raw: "UID"] == uid }) else {
            throw DAVError(403, .validCalendarObjectResource, "more than one UID in one object")
        }
        guard supportedComponents.contains(first.name) else {
            throw DAVError(403, .supportedCalendarComponent, "this calendar does not accept \(first.name)")
        }
        for member in members where member.properties(named: "ATTENDEE").count > maxAttendeesPerInstance {
            throw DAVError(403, .maxAttendeesPerInstance, "more than \(maxAttendeesPerInstance) attendees")
        }
        try checkInstanceCount(calendar, componentType: first.name)
        return ValidatedObject(calendar: calendar, componentType: first.name, uid: uid)
    }

    /// CALDAV:max-instances (RFC 4791 §5.2.8) for bounded series; unbounded ones are stored like sabre stores them.
    private func checkInstanceCount(_ calendar: ICalComponent, componentType: String) throws {
        let set = RecurrenceSet(calendar: calendar, componentName: componentType)
        guard let master = set.master, set.isRecurring else { return }
        let rules = master.properties(named: "RRULE").compactMap { try? RecurrenceRule(parsing: $0.rawValue) }
        guard rules.allSatisfy(\.isBounded) else { return }
        var count = 0
        for _ in set.instances(
            resolver: TimeZoneResolver(calendar: calendar), limits: RecurrenceLimits(maxInstances: maxInstances + 1))
        {
            count += 1
            if count > maxInstances {
                throw DAVError(403, .maxInstances, "more than \(maxInstances) instances")
            }
        }
    }
}
