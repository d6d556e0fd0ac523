/// The `CALDAV:free-busy-query` REPORT (RFC 4791 §7.10).
public struct FreeBusyQuery: Hashable, Sendable {
    /// The period to report busy time for.
    public var timeRange: DAVTimeRange

    /// Creates a query.
    public init(timeRange: DAVTimeRange) {
        self.timeRange = timeRange
    }

    /// Parses a free-busy-query body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> FreeBusyQuery {
        try FreeBusyQuery(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `free-busy-query` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.freeBusyQuery)
        self.init(timeRange: try DAVTimeRange(element: element.require(.timeRange)))
    }
}
