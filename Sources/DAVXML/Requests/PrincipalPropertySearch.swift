/// Whether all or any of several searches must match (RFC 3744 §9.4, `test` attribute).
public enum SearchTest: Hashable, Sendable {
    /// All must match (default).
    case allof
    /// Any may match.
    case anyof
}

/// The `DAV:principal-property-search` REPORT (RFC 3744 §9.4).
public struct PrincipalPropertySearch: Hashable, Sendable {
    /// One `DAV:property-search`.
    public struct Search: Hashable, Sendable {
        /// The properties whose values are searched.
        public var properties: [PropertyName]
        /// The text to match (caseless substring per RFC 3744).
        public var match: String
        /// `match-type` attribute (CalendarServer extension): `starts-with`, `equals`, `contains`.
        public var matchType: TextMatchType

        /// Creates a search.
        public init(properties: [PropertyName], match: String, matchType: TextMatchType = .contains) {
            self.properties = properties
            self.match = match
            self.matchType = matchType
        }
    }

    /// The searches.
    public var searches: [Search]
    /// `test="anyof"` or `allof`.
    public var test: SearchTest
    /// Search the principal-collection-set instead of the request URI.
    public var applyToPrincipalCollectionSet: Bool
    /// Properties to return.
    public var properties: [PropertyName]
    /// `DAV:limit/DAV:nresults` if present.
    public var limit: Int?

    /// Creates a request.
    public init(searches: [Search], test: SearchTest = .allof, applyToPrincipalCollectionSet: Bool = false, properties: [PropertyName] = [], limit: Int? = nil) {
        self.searches = searches
        self.test = test
        self.applyToPrincipalCollectionSet = applyToPrincipalCollectionSet
        self.properties = properties
        self.limit = limit
    }

    /// Parses a principal-property-search body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> PrincipalPropertySearch {
        try PrincipalPropertySearch(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `principal-property-search` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.principalPropertySearch)
        var searches: [Search] = []
        for search in element.children(.propertySearch) {
            let match = try search.require(.match)
            var matchType = TextMatchType.contains
            if let raw = match.attribute("match-type") {
                guard let parsed = TextMatchType(rawValue: raw) else { throw .invalidValue(element: .match, value: raw) }
                matchType = parsed
            }
            searches.append(
                Search(properties: search.child(.prop)?.childNames ?? [], match: match.trimmedText, matchType: matchType))
        }
        self.init(
            searches: searches, test: element.attribute("test") == "anyof" ? .anyof : .allof,
            applyToPrincipalCollectionSet: element.has(.applyToPrincipalCollectionSet),
            properties: element.child(.prop)?.childNames ?? [], limit: element.nresults(in: .limit))
    }
}
