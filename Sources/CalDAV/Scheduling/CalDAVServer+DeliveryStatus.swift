import ICalendar
import ITIP
import Storage

extension CalDAVServer {
    /// Records the outcome of an external delivery (iMIP mail) on `principal`'s copy of `uid`:
    /// the recipient's SCHEDULE-STATUS — on its ATTENDEE in an organizer's copy, on the
    /// ORGANIZER in a replying attendee's copy — becomes `status` (RFC 6638 §3.2.9), written through
    /// the server's object write path (new etag, change log, synctoken; Schedule-Tag kept,
    /// RFC 6638 §3.3). Runs in its own transaction.
    ///
    /// Only a status still saying "in transit" (absent, 1.x) is replaced, so a reply that
    /// came back first (2.0) or a newer outcome is never overwritten by an older one.
    /// - Returns: whether the object changed.
    @discardableResult
    public func recordDeliveryStatus(
        _ status: ScheduleStatus, recipient: String, uid: String, principal principalURI: String
    ) throws -> Bool {
        let scheduler = Scheduler(store: store, urls: urls, configuration: configuration, now: now(), makeID: makeID)
        guard let principal = try store.principal(uri: principalURI),
            let (instance, found) = try scheduler.copy(uid: uid, of: principal)
        else { return false }
        // The mail sender runs beside client requests: lock and re-read the latest version
        // so a change committed meanwhile (a reply, an edit) is kept, not overwritten.
        return try store.transaction { () throws -> Bool in
            guard let stored = try store.objectForUpdate(named: found.uri, in: instance.calendarID),
                let calendar = try scheduler.parse(stored)
            else { return false }
            let target = CalendarAddress(recipient.contains(":") ? recipient : "mailto:" + recipient)
            var current: [String] = []
            for component in calendar.components where component.name == "VEVENT" || component.name == "VTODO" {
                for property in component.properties
                where (property.name == "ATTENDEE" || property.name == "ORGANIZER")
                    && CalendarAddress(property.rawValue) == target
                {
                    current.append(property[parameter: "SCHEDULE-STATUS"] ?? "")
                }
            }
            guard !current.isEmpty, current.contains(where: { $0.isEmpty || $0.hasPrefix("1.") }) else { return false }
            guard !current.allSatisfy({ $0 == status.code }) else { return false }
            let updated = ITIPEngine.withScheduleStatus([target.normalized: status], on: calendar)
            try scheduler.writeServerCopy(
                updated, uri: stored.uri, in: instance, existing: stored, changesScheduleTag: false)
            return true
        }
    }

    /// The organizer's copy of `uid` among local users' own calendars in which `attendee`
    /// is an ATTENDEE: where an emailed REPLY belongs when it lacks ORGANIZER (Outlook does
    /// this, RFC 5546 §3.2.3 requires it). Returns the principal uri and the ORGANIZER value.
    public func organizerCopy(uid: String, attendee: String) throws -> (principalURI: String, organizer: String)? {
        let scheduler = Scheduler(store: store, urls: urls, configuration: configuration, now: now(), makeID: makeID)
        let wanted = CalendarAddress(attendee.contains(":") ? attendee : "mailto:" + attendee)
        for principal in try store.principals(withPrefix: "principals/")
        where principal.uri.split(separator: "/").count == 2 {
            guard let (_, stored) = try scheduler.copy(uid: uid, of: principal),
                let calendar = try scheduler.parse(stored),
                let organizer = Scheduler<Store>.organizer(of: calendar)
            else { continue }
            // Only the organizer's own copy: attendees' copies name someone else.
            guard
                scheduler.addresses(of: principal).contains(where: {
                    CalendarAddress($0) == CalendarAddress(organizer)
                })
            else { continue }
            let attendees = calendar.components.flatMap { $0.properties(named: "ATTENDEE") }
            if attendees.contains(where: { CalendarAddress($0.rawValue) == wanted }) {
                return (principal.uri, organizer)
            }
        }
        return nil
    }
}
