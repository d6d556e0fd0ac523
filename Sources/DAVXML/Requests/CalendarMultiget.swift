/// The `CALDAV:calendar-multiget` REPORT (RFC 4791 §7.9).
public struct CalendarMultiget: Hashable, Sendable {
    /// Which properties to return.
    public var properties: PropertySelection
    /// The calendar-data details if requested.
    public var calendarData: CalendarDataRequest?
    /// The requested hrefs as sent (percent-encoded), in order.
    public var hrefs: [String]

    /// Creates a multiget.
    public init(properties: PropertySelection, calendarData: CalendarDataRequest? = nil, hrefs: [String]) {
        self.properties = properties
        self.calendarData = calendarData
        self.hrefs = hrefs
    }

    /// Parses a calendar-multiget body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarMultiget {
        try CalendarMultiget(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `calendar-multiget` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.calendarMultiget)
        let hrefs = element.hrefs
        guard !hrefs.isEmpty else { throw .missingElement(.href) }
        self.init(
            properties: PropertySelection(in: element) ?? .allprop(include: []),
            calendarData: try CalendarDataRequest.inSelection(of: element), hrefs: hrefs)
    }
}
