/// A REPORT body, dispatched on its root element (RFC 3253 §3.6).
public enum ReportRequest: Hashable, Sendable {
    /// `CALDAV:calendar-query` (RFC 4791 §7.8).
    case calendarQuery(CalendarQuery)
    /// `CALDAV:calendar-multiget` (RFC 4791 §7.9).
    case calendarMultiget(CalendarMultiget)
    /// `CALDAV:free-busy-query` (RFC 4791 §7.10).
    case freeBusyQuery(FreeBusyQuery)
    /// `DAV:sync-collection` (RFC 6578).
    case syncCollection(SyncCollection)
    /// `DAV:expand-property` (RFC 3253 §3.8).
    case expandProperty(ExpandProperty)
    /// `DAV:principal-property-search` (RFC 3744 §9.4).
    case principalPropertySearch(PrincipalPropertySearch)
    /// `DAV:principal-search-property-set` (RFC 3744 §9.5).
    case principalSearchPropertySet
    /// `DAV:principal-match` (RFC 3744 §9.3).
    case principalMatch(PrincipalMatch)
    /// `CS:calendarserver-principal-search`.
    case calendarServerPrincipalSearch(CalendarServerPrincipalSearch)
    /// Any other report: the engine answers 403 with `DAV:supported-report` (RFC 3253 §3.6).
    case unknown(PropertyName)

    /// The root element name of the report.
    public var name: PropertyName {
        switch self {
        case .calendarQuery: return .calendarQuery
        case .calendarMultiget: return .calendarMultiget
        case .freeBusyQuery: return .freeBusyQuery
        case .syncCollection: return .syncCollection
        case .expandProperty: return .expandProperty
        case .principalPropertySearch: return .principalPropertySearch
        case .principalSearchPropertySet: return .principalSearchPropertySet
        case .principalMatch: return .principalMatch
        case .calendarServerPrincipalSearch: return .calendarServerPrincipalSearch
        case .unknown(let name): return name
        }
    }

    /// Parses a REPORT body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> ReportRequest {
        let root = try XMLElement.parse(bytes, limits: limits)
        switch root.name {
        case .calendarQuery: return .calendarQuery(try CalendarQuery(element: root))
        case .calendarMultiget: return .calendarMultiget(try CalendarMultiget(element: root))
        case .freeBusyQuery: return .freeBusyQuery(try FreeBusyQuery(element: root))
        case .syncCollection: return .syncCollection(try SyncCollection(element: root))
        case .expandProperty: return .expandProperty(try ExpandProperty(element: root))
        case .principalPropertySearch: return .principalPropertySearch(try PrincipalPropertySearch(element: root))
        case .principalSearchPropertySet: return .principalSearchPropertySet
        case .principalMatch: return .principalMatch(try PrincipalMatch(element: root))
        case .calendarServerPrincipalSearch: return .calendarServerPrincipalSearch(try CalendarServerPrincipalSearch(element: root))
        default: return .unknown(root.name)
        }
    }
}
