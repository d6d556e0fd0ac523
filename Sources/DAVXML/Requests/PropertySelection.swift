/// Which properties a PROPFIND or REPORT asks for (RFC 4918 §9.1, §14.20).
public enum PropertySelection: Hashable, Sendable {
    /// Named properties, in request order.
    case prop([PropertyName])
    /// All dead and most live properties, plus the named `include` ones.
    case allprop(include: [PropertyName])
    /// Only the names of the properties.
    case propname

    /// The explicitly named properties (`prop` list or `include` list).
    public var names: [PropertyName] {
        switch self {
        case .prop(let names), .allprop(let names): return names
        case .propname: return []
        }
    }

    /// Reads `DAV:prop` / `DAV:allprop` (+ `DAV:include`) / `DAV:propname` among the children of `element`; nil when none is there.
    public init?(in element: XMLElement) {
        var include: [PropertyName] = []
        var sawAllprop = false
        for child in element.children where child.name.namespace == .dav {
            switch child.name.local {
            case "prop": self = .prop(child.childNames); return
            case "propname": self = .propname; return
            case "allprop": sawAllprop = true
            case "include": include = child.childNames
            default: break
            }
        }
        guard sawAllprop else { return nil }
        self = .allprop(include: include)
    }
}

/// The body of PROPFIND (RFC 4918 §9.1); an empty body means allprop.
public typealias PropfindRequest = PropertySelection

extension PropertySelection {
    /// Parses a PROPFIND body; an empty body or an empty `DAV:propfind` is `allprop` (RFC 4918 §9.1).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> PropertySelection {
        if bytes.isEmpty || bytes.allSatisfy(\.isXMLWhitespace) { return .allprop(include: []) }
        let root = try XMLElement.parse(bytes, limits: limits)
        try root.expect(.propfind)
        return PropertySelection(in: root) ?? .allprop(include: [])
    }
}

extension XMLElement {
    /// Throws unless this element has the given name.
    func expect(_ name: PropertyName) throws(DAVXMLError) {
        guard self.name == name else { throw .unexpectedRoot(self.name) }
    }

    /// The required child, or `missingElement`.
    func require(_ name: PropertyName) throws(DAVXMLError) -> XMLElement {
        guard let found = child(name) else { throw .missingElement(name) }
        return found
    }

    /// The trimmed text of every `DAV:href` child (e.g. of a group-member-set value).
    public var hrefs: [String] {
        children.compactMap { $0.name == .href ? $0.trimmedText : nil }
    }
}
