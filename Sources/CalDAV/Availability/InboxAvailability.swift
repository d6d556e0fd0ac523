import DAVXML
import ICalendar
import Storage

/// The `CALDAV:calendar-availability` property of a schedule inbox (RFC 7953 §7.2.4), as sabre keeps it in
/// `propertystorage` at `calendars/NAME/inbox`, in any of sabre's three value types.
enum InboxAvailability {
    /// `{urn:ietf:params:xml:ns:caldav}calendar-availability`.
    static let name = PropertyName.calendarAvailability

    /// The `propertystorage` path of a principal's inbox (`principals/alice` → `calendars/alice/inbox`).
    static func path(ofPrincipal principalURI: String) -> String {
        "calendars/" + (principalURI.split(separator: "/").dropFirst().first.map(String.init) ?? "") + "/inbox"
    }

    /// The iCalendar text of a stored row: valuetype 1 as is, 2 the element's text, 3 the serialized string payload.
    static func text(of row: DeadProperty) -> String? {
        let raw = String(decoding: row.value, as: UTF8.self)
        switch row.valueType {
        case 2:
            guard let element = try? XMLElement.parse(name: name, innerXML: raw) else { return nil }
            return textContent(element)
        case 3:
            // PHP serialize(): the iCalendar is one of the `s:N:"…";` payloads.
            return PHPSerialized.stringValues(raw).first { $0.contains("BEGIN:VCALENDAR") }
        default:
            return raw
        }
    }

    /// The text of an element, or of the first descendant carrying text (some clients wrap it in CDATA or a child).
    static func textContent(_ element: XMLElement) -> String {
        if !element.trimmedText.isEmpty { return element.text }
        for child in element.children {
            let text = textContent(child)
            if !text.isEmpty { return text }
        }
        return ""
    }

    /// Parses and checks a value: one VCALENDAR holding VAVAILABILITY components (and their VTIMEZONEs) only
    /// (RFC 7953 §7.2.4), within `limits`; throws 403 `CALDAV:valid-calendar-data` otherwise.
    static func validated(_ text: String, limits: FreeBusyLimits = FreeBusyLimits()) throws -> ICalComponent {
        guard text.utf8.count <= maxSize else {
            throw DAVError(403, .validCalendarData, "calendar-availability larger than \(maxSize) bytes")
        }
        guard let calendar = try? ICalComponent.parse(text), calendar.name == "VCALENDAR" else {
            throw DAVError(403, .validCalendarData, "calendar-availability must be a VCALENDAR")
        }
        let kinds = Set(calendar.components.map(\.name))
        guard kinds.contains("VAVAILABILITY"), kinds.isSubset(of: ["VAVAILABILITY", "VTIMEZONE"]) else {
            throw DAVError(403, .validCalendarData, "calendar-availability must hold VAVAILABILITY components only")
        }
        let availabilities = calendar.components(named: "VAVAILABILITY")
        let available = availabilities.reduce(0) { $0 + $1.components.count }
        guard availabilities.count <= limits.maxAvailabilityComponents, available <= limits.maxAvailableComponents else {
            throw DAVError(
                403, .validCalendarData,
                "at most \(limits.maxAvailabilityComponents) VAVAILABILITY and \(limits.maxAvailableComponents) AVAILABLE")
        }
        for availability in availabilities {
            guard availability.property("UID") != nil, availability.property("DTSTAMP") != nil,
                availability.components.allSatisfy({ $0.name == "AVAILABLE" }),
                availability.components.allSatisfy({ $0.property("DTSTART") != nil && $0.property("UID") != nil })
            else {
                throw DAVError(403, .validCalendarData, "VAVAILABILITY needs UID, DTSTAMP and AVAILABLE with DTSTART and UID")
            }
        }
        return calendar
    }

    /// Largest value accepted by PROPPATCH, in bytes.
    static let maxSize = 256 * 1024

    /// CalendarServer's name for the same property, which older Apple clients write; read as a fallback.
    static let calendarServerName = PropertyName(.calendarServer, "calendar-availability")

    /// The stored availability of a principal, parsed; nil when none is stored or it cannot be read.
    static func calendar<Store: CalendarStore>(ofPrincipal principalURI: String, store: Store) throws -> ICalComponent? {
        let rows = try store.deadProperties(path: path(ofPrincipal: principalURI))
        let row = rows.first { $0.name == name.clark } ?? rows.first { $0.name == calendarServerName.clark }
        guard let row, let text = text(of: row) else { return nil }
        guard let calendar = try? ICalComponent.parse(text), calendar.name == "VCALENDAR" else { return nil }
        return calendar
    }
}
