/// The `DAV:sync-collection` REPORT (RFC 6578 §3.2).
public struct SyncCollection: Hashable, Sendable {
    /// `DAV:sync-level`.
    public enum Level: Hashable, Sendable {
        /// `1`: direct members only (the only level a calendar supports).
        case one
        /// `infinite`.
        case infinite
    }

    /// The token from the previous sync; empty for the initial sync.
    public var syncToken: String
    /// The depth of the sync.
    public var level: Level
    /// `DAV:limit/DAV:nresults`.
    public var limit: Int?
    /// The properties to return for changed members.
    public var properties: PropertySelection
    /// The calendar-data details if requested.
    public var calendarData: CalendarDataRequest?

    /// Creates a request.
    public init(syncToken: String, level: Level = .one, limit: Int? = nil, properties: PropertySelection, calendarData: CalendarDataRequest? = nil) {
        self.syncToken = syncToken
        self.level = level
        self.limit = limit
        self.properties = properties
        self.calendarData = calendarData
    }

    /// Parses a sync-collection body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> SyncCollection {
        try SyncCollection(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `sync-collection` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.syncCollection)
        let token = try element.require(.syncToken).trimmedText
        var level = Level.one
        if let levelElement = element.child(.syncLevel) {
            switch levelElement.trimmedText {
            case "1": level = .one
            case "infinite", "infinity": level = .infinite
            case let other: throw .invalidValue(element: .syncLevel, value: other)
            }
        }
        self.init(
            syncToken: token, level: level, limit: element.nresults(in: .limit),
            properties: PropertySelection(in: element) ?? .prop([]),
            calendarData: try CalendarDataRequest.inSelection(of: element))
    }
}
