import DAVXML
import Storage

extension PropertyTable {
    /// `CALDAV:calendar-availability` on a schedule inbox (RFC 7953 §7.2.4), kept in `propertystorage` like sabre.
    ///
    /// Reading decodes any of sabre's value types; writing validates the
    /// VCALENDAR and then stores it as a dead property (valuetype 1).
    static func availabilityProperties() -> [Row] {
        [
            Row(.calendarAvailability, allprop: false, get: { server, scope in
                guard case .inbox(let principal) = scope.resource else { return nil }
                let rows = try server.store.deadProperties(path: InboxAvailability.path(ofPrincipal: principal.uri))
                guard let row = rows.first(where: { $0.name == InboxAvailability.name.clark }),
                    let text = InboxAvailability.text(of: row)
                else { return nil }
                return .text(.calendarAvailability, text)
            }, set: { server, _, value in
                if let value {
                    _ = try InboxAvailability.validated(
                        InboxAvailability.textContent(value), limits: server.configuration.freeBusyLimits)
                }
                return false
            })
        ]
    }
}
