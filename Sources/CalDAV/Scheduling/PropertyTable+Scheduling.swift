import DAVXML
import Storage

extension PropertyTable {
    /// Scheduling properties of inboxes and scheduling objects (RFC 6638 §3.2.10, §9.2).
    static func schedulingProperties() -> [Row] {
        [
            Row(
                .scheduleDefaultCalendarURL, allprop: false,
                get: { server, scope in
                    guard case .inbox(let principal) = scope.resource else { return nil }
                    let scheduler = Scheduler(
                        store: server.store, urls: server.urls, configuration: server.configuration, now: 0,
                        makeID: { "" })
                    let calendars = try scheduler.ownedCalendars(of: principal)
                    let chosen = try scheduler.chosenDefaultCalendar(of: principal, among: calendars)
                    guard let calendar = chosen ?? calendars.first(where: { $0.components.contains("VEVENT") }) else {
                        return nil
                    }
                    let name = Scheduler<Store>.name(of: principal)
                    return .hrefs(.scheduleDefaultCalendarURL, [server.urls.href(.calendar(name, calendar.uri))])
                },
                set: { server, patch, value in
                    // Kept as a dead property of the inbox; only a calendar the owner owns that takes VEVENT will do.
                    guard let owner = patch.inbox else { return false }
                    if let value {
                        let href = value.children(.href).first?.trimmedText ?? value.trimmedText
                        guard case .calendar(let name, let calendarName) = server.urls.resolve(href),
                            name == Scheduler<Store>.name(of: owner),
                            let calendar = try server.store.calendar(ofPrincipal: owner.uri, named: calendarName),
                            calendar.access == .owner, calendar.components.contains("VEVENT")
                        else {
                            throw DAVError(403, .calDAV("valid-schedule-default-calendar-URL"), "\(href)")
                        }
                        patch.dead.append(
                            (
                                .scheduleDefaultCalendarURL,
                                XMLElement.hrefs(
                                    .scheduleDefaultCalendarURL, [server.urls.href(.calendar(name, calendarName))])
                            ))
                    } else {
                        patch.dead.append((.scheduleDefaultCalendarURL, nil))
                    }
                    return true
                }),
            Row(.scheduleTag, allprop: false) { _, scope in
                guard case .object(_, let object) = scope.resource, let tag = ScheduleTag.current(of: object) else {
                    return nil
                }
                return .text(.scheduleTag, ETag.quoted(tag))
            },
        ]
    }
}
