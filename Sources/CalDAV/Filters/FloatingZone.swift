import ICalendar

/// The zone floating times are read in for a calendar-query or free-busy (RFC 4791 §5.2.2, §7.3, RFC 7809 §5.2).
enum FloatingZone {
    /// The zone of a `calendar-timezone` value (a VCALENDAR with one VTIMEZONE); nil when absent or unreadable.
    static func zone(calendarTimezone text: String?) -> ICalTimeZone? {
        guard let text, !text.isEmpty, let calendar = try? ICalComponent.parse(text) else { return nil }
        guard let vtimezone = calendar.components(named: "VTIMEZONE").first else { return nil }
        // A known name is read from the IANA data, which holds beyond the years a client's VTIMEZONE lists.
        if let tzid = vtimezone[raw: "TZID"], let zone = ICalTimeZone.named(tzid) { return zone }
        return ICalTimeZone.from(vtimezone: vtimezone)
    }

    /// The zone of an RFC 7809 `timezone-id` (an IANA name); nil when unknown.
    static func zone(timezoneID: String?) -> ICalTimeZone? {
        guard let timezoneID, !timezoneID.isEmpty else { return nil }
        return ICalTimeZone.named(timezoneID)
    }
}
