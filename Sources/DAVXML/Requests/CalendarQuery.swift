/// The `CALDAV:calendar-query` REPORT (RFC 4791 §7.8).
public struct CalendarQuery: Hashable, Sendable {
    /// Which properties to return for each match.
    public var properties: PropertySelection
    /// The calendar-data details if `CALDAV:calendar-data` is among the properties.
    public var calendarData: CalendarDataRequest?
    /// The filter, rooted at the VCALENDAR comp-filter.
    public var filter: CompFilter
    /// `CALDAV:timezone` text (a VCALENDAR with one VTIMEZONE) for floating times.
    public var timezone: String?
    /// `CALDAV:timezone-id` (RFC 7809 §5.2).
    public var timezoneID: String?
    /// `DAV:limit/DAV:nresults` if present (RFC 5323 style, sent by some clients).
    public var limit: Int?

    /// Creates a query.
    public init(properties: PropertySelection, calendarData: CalendarDataRequest? = nil, filter: CompFilter, timezone: String? = nil, timezoneID: String? = nil, limit: Int? = nil) {
        self.properties = properties
        self.calendarData = calendarData
        self.filter = filter
        self.timezone = timezone
        self.timezoneID = timezoneID
        self.limit = limit
    }

    /// Parses a calendar-query body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarQuery {
        try CalendarQuery(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `calendar-query` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.calendarQuery)
        let filterElement = try element.require(.filter)
        guard let top = filterElement.child(.compFilter) else { throw .missingElement(.compFilter) }
        self.init(
            properties: PropertySelection(in: element) ?? .allprop(include: []),
            calendarData: try CalendarDataRequest.inSelection(of: element),
            filter: try CompFilter(element: top),
            timezone: element.child(.timezone)?.text,
            timezoneID: element.child(.timezoneID)?.trimmedText,
            limit: element.nresults(in: .limit))
    }
}

extension XMLElement {
    /// The integer in `<limit><nresults>N</nresults></limit>` under this element, for a limit element name.
    func nresults(in limitName: PropertyName) -> Int? {
        guard let limit = child(limitName) else { return nil }
        guard let count = limit.children.first(where: { $0.name.local == "nresults" }) else { return nil }
        return Int(count.trimmedText)
    }
}
