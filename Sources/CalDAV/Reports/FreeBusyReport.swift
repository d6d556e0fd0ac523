import DAVXML
import ICalendar
import Storage

extension CalDAVServer {
    /// free-busy-query (RFC 4791 §7.10): a VFREEBUSY of the calendars' busy time in the range.
    ///
    /// On a calendar: that calendar. On a calendar home: every calendar in it the
    /// user may read free-busy of, except those marked transparent (RFC 6638 §9.1).
    func freeBusyQuery(_ query: FreeBusyQuery, in instances: [CalendarInstance], context: RequestContext) throws
        -> DAVResponse
    {
        guard let start = query.timeRange.start, let end = query.timeRange.end, start < end else {
            throw DAVError.badRequest("free-busy-query needs a time-range with start and end")
        }
        var builder = FreeBusyBuilder(start: start, end: end)
        for instance in instances {
            try store.forEachObject(
                in: instance.calendarID, componentType: nil, overlapping: indexRange(start: start, end: end), withData: true
            ) {
                guard let data = $0.data, let calendar = try? ICalComponent.parse(data) else { return true }
                builder.add(calendar: calendar, resolver: TimeZoneResolver(calendar: calendar))
                return true
            }
        }
        let calendar = ICalComponent(
            "VCALENDAR",
            properties: [
                ICalProperty("VERSION", rawValue: "2.0"), ICalProperty("PRODID", rawValue: "-//Almanac//CalDAV//EN"),
            ],
            components: [builder.component(dtstamp: context.now)])
        let body = calendar.serializedBytes()
        return DAVResponse(
            status: 200,
            headers: [("Content-Type", "text/calendar; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }
}
