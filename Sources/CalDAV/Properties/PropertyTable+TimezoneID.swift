import DAVXML
import ICalendar
import Storage

extension PropertyTable {
    /// `CALDAV:calendar-timezone-id` (RFC 7809 §5.2): the calendar-timezone column read and written by zone name.
    ///
    /// Reading gives the TZID of the stored VTIMEZONE; setting an IANA name stores
    /// a VCALENDAR with that zone's VTIMEZONE, as `calendar-timezone` would.
    static func timezoneIDProperties() -> [Row] {
        [
            Row(.calendarTimezoneID, allprop: false, get: { _, scope in
                guard case .calendar(let instance) = scope.resource, let text = instance.properties.timezone,
                    let calendar = try? ICalComponent.parse(text),
                    let tzid = calendar.components(named: "VTIMEZONE").first?[raw: "TZID"]
                else { return nil }
                return .text(.calendarTimezoneID, tzid)
            }, set: { _, patch, value in
                guard patch.calendar != nil else { return false }
                guard let name = value?.trimmedText, !name.isEmpty else {
                    patch.calendar?.timezone = nil
                    return true
                }
                guard let vtimezone = ICalTimeZone.vtimezone(named: name, covering: 2000...2037) else {
                    throw DAVError(403, .validTimezone, "unknown time zone \(name)")
                }
                let calendar = ICalComponent(
                    "VCALENDAR",
                    properties: [
                        ICalProperty("VERSION", rawValue: "2.0"), ICalProperty("PRODID", rawValue: "-//Almanac//CalDAV//EN"),
                    ],
                    components: [vtimezone])
                patch.calendar?.timezone = calendar.serialized()
                return true
            })
        ]
    }
}
