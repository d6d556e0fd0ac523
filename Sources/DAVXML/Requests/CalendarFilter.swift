/// How `text-match` and principal searches compare (RFC 4791 §9.7.5, RFC 6352 §10.5.4 match-type).
public enum TextMatchType: String, Hashable, Sendable {
    /// Substring (the CalDAV default).
    case contains
    /// Whole value.
    case equals
    /// Prefix.
    case startsWith = "starts-with"
    /// Suffix.
    case endsWith = "ends-with"
}

/// A `CALDAV:text-match` (RFC 4791 §9.7.5).
public struct TextMatch: Hashable, Sendable {
    /// The text to look for.
    public var text: String
    /// The collation, `i;ascii-casemap` unless given (`i;octet` also required by RFC 4791 §7.5).
    public var collation: String
    /// `negate-condition="yes"`.
    public var negate: Bool
    /// The match type (an RFC 6352-style extension some clients send); `.contains` by default.
    public var matchType: TextMatchType

    /// Creates a text-match.
    public init(text: String, collation: String = "i;ascii-casemap", negate: Bool = false, matchType: TextMatchType = .contains) {
        self.text = text
        self.collation = collation
        self.negate = negate
        self.matchType = matchType
    }

    init(element: XMLElement) throws(DAVXMLError) {
        var matchType = TextMatchType.contains
        if let raw = element.attribute("match-type") {
            guard let parsed = TextMatchType(rawValue: raw) else { throw .invalidValue(element: element.name, value: raw) }
            matchType = parsed
        }
        self.init(
            text: element.text, collation: element.attribute("collation") ?? "i;ascii-casemap",
            negate: element.attribute("negate-condition") == "yes", matchType: matchType)
    }
}

/// A `CALDAV:param-filter` (RFC 4791 §9.7.3).
public struct ParamFilter: Hashable, Sendable {
    /// Parameter name, e.g. `PARTSTAT`.
    public var name: String
    /// `is-not-defined`: matches when the parameter is absent.
    public var isNotDefined: Bool
    /// The text to match.
    public var textMatch: TextMatch?

    /// Creates a param-filter.
    public init(name: String, isNotDefined: Bool = false, textMatch: TextMatch? = nil) {
        self.name = name
        self.isNotDefined = isNotDefined
        self.textMatch = textMatch
    }
}

/// A `CALDAV:prop-filter` (RFC 4791 §9.7.2).
public struct PropFilter: Hashable, Sendable {
    /// Property name, e.g. `UID`.
    public var name: String
    /// `is-not-defined`: matches when the property is absent.
    public var isNotDefined: Bool
    /// A time-range on the property's value.
    public var timeRange: DAVTimeRange?
    /// The text to match.
    public var textMatch: TextMatch?
    /// Parameter filters, all of which must match.
    public var paramFilters: [ParamFilter]

    /// Creates a prop-filter.
    public init(name: String, isNotDefined: Bool = false, timeRange: DAVTimeRange? = nil, textMatch: TextMatch? = nil, paramFilters: [ParamFilter] = []) {
        self.name = name
        self.isNotDefined = isNotDefined
        self.timeRange = timeRange
        self.textMatch = textMatch
        self.paramFilters = paramFilters
    }
}

/// A `CALDAV:comp-filter`; the filter of a calendar-query is the one for VCALENDAR (RFC 4791 §9.7.1).
public struct CompFilter: Hashable, Sendable {
    /// Component name, e.g. `VEVENT`.
    public var name: String
    /// `is-not-defined`: matches when no such component exists.
    public var isNotDefined: Bool
    /// The component must overlap this range (RFC 4791 §9.9).
    public var timeRange: DAVTimeRange?
    /// Property filters, all of which must match.
    public var propFilters: [PropFilter]
    /// Nested component filters, all of which must match.
    public var compFilters: [CompFilter]

    /// Creates a comp-filter.
    public init(name: String, isNotDefined: Bool = false, timeRange: DAVTimeRange? = nil, propFilters: [PropFilter] = [], compFilters: [CompFilter] = []) {
        self.name = name
        self.isNotDefined = isNotDefined
        self.timeRange = timeRange
        self.propFilters = propFilters
        self.compFilters = compFilters
    }

    /// Reads a `comp-filter` element and everything under it.
    init(element: XMLElement) throws(DAVXMLError) {
        guard let name = element.attribute("name") else { throw .invalidValue(element: element.name, value: "") }
        self.init(name: name.uppercased())
        for child in element.children where child.name.namespace == .calDAV {
            switch child.name.local {
            case "is-not-defined": isNotDefined = true
            case "time-range": timeRange = try DAVTimeRange(element: child)
            case "prop-filter": propFilters.append(try PropFilter(element: child))
            case "comp-filter": compFilters.append(try CompFilter(element: child))
            default: break
            }
        }
    }
}

extension PropFilter {
    init(element: XMLElement) throws(DAVXMLError) {
        guard let name = element.attribute("name") else { throw .invalidValue(element: element.name, value: "") }
        self.init(name: name.uppercased())
        for child in element.children where child.name.namespace == .calDAV {
            switch child.name.local {
            case "is-not-defined": isNotDefined = true
            case "time-range": timeRange = try DAVTimeRange(element: child)
            case "text-match": textMatch = try TextMatch(element: child)
            case "param-filter": paramFilters.append(try ParamFilter(element: child))
            default: break
            }
        }
    }
}

extension ParamFilter {
    init(element: XMLElement) throws(DAVXMLError) {
        guard let name = element.attribute("name") else { throw .invalidValue(element: element.name, value: "") }
        self.init(name: name.uppercased())
        for child in element.children where child.name.namespace == .calDAV {
            switch child.name.local {
            case "is-not-defined": isNotDefined = true
            case "text-match": textMatch = try TextMatch(element: child)
            default: break
            }
        }
    }
}
