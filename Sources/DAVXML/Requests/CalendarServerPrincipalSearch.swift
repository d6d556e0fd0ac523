/// The `CS:calendarserver-principal-search` REPORT, the attendee/room lookup of macOS and iOS Calendar (CalendarServer extension).
public struct CalendarServerPrincipalSearch: Hashable, Sendable {
    /// The search tokens; every token must match some searchable property.
    public var tokens: [String]
    /// `context` attribute: `user`, `group`, `location`, `resource` or `attendee`; nil for any.
    public var context: String?
    /// `CS:limit/CS:nresults`.
    public var limit: Int?
    /// Properties to return.
    public var properties: [PropertyName]

    /// Creates a request.
    public init(tokens: [String], context: String? = nil, limit: Int? = nil, properties: [PropertyName] = []) {
        self.tokens = tokens
        self.context = context
        self.limit = limit
        self.properties = properties
    }

    /// Parses a calendarserver-principal-search body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarServerPrincipalSearch {
        try CalendarServerPrincipalSearch(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `calendarserver-principal-search` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.calendarServerPrincipalSearch)
        self.init(
            tokens: element.children(.searchToken).map(\.trimmedText).filter { !$0.isEmpty },
            context: element.attribute("context"),
            limit: element.nresults(in: .csLimit) ?? element.nresults(in: .limit),
            properties: element.child(.prop)?.childNames ?? [])
    }
}
