/// The `DAV:principal-match` REPORT (RFC 3744 §9.3).
public struct PrincipalMatch: Hashable, Sendable {
    /// What to match against the current user.
    public enum Target: Hashable, Sendable {
        /// `DAV:self`: the members that are (or whose groups include) the current principal.
        case selfPrincipal
        /// `DAV:principal-property`: members whose named property points at the current principal.
        case principalProperty(PropertyName)
    }

    /// The match target.
    public var target: Target
    /// Properties to return.
    public var properties: [PropertyName]

    /// Creates a request.
    public init(target: Target, properties: [PropertyName] = []) {
        self.target = target
        self.properties = properties
    }

    /// Parses a principal-match body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> PrincipalMatch {
        try PrincipalMatch(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `principal-match` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.principalMatch)
        let target: Target
        if element.has(.selfPrincipal) {
            target = .selfPrincipal
        } else if let property = element.child(.principalProperty), let name = property.children.first?.name {
            target = .principalProperty(name)
        } else {
            throw .missingElement(.selfPrincipal)
        }
        self.init(target: target, properties: element.child(.prop)?.childNames ?? [])
    }
}
