/// The body of MKCALENDAR (RFC 4791 §5.3.1) or extended MKCOL (RFC 5689 §5.1).
public struct MkcolRequest: Hashable, Sendable {
    /// Which method's body this was.
    public enum Kind: Hashable, Sendable {
        /// `CALDAV:mkcalendar`.
        case mkcalendar
        /// `DAV:mkcol` (extended MKCOL).
        case mkcol
    }

    /// The root element's kind.
    public var kind: Kind
    /// The children of `DAV:resourcetype` if the body sets it (extended MKCOL), else nil.
    public var resourceType: [PropertyName]?
    /// The properties to set, without `DAV:resourcetype`, in document order.
    public var properties: [XMLElement]

    /// Creates a request.
    public init(kind: Kind, resourceType: [PropertyName]? = nil, properties: [XMLElement] = []) {
        self.kind = kind
        self.resourceType = resourceType
        self.properties = properties
    }

    /// Parses the body; an empty MKCALENDAR body is allowed and sets nothing (RFC 4791 §5.3.1).
    public static func parse(_ bytes: [UInt8], kind: Kind, limits: XMLLimits = .default) throws(DAVXMLError) -> MkcolRequest {
        if bytes.isEmpty || bytes.allSatisfy(\.isXMLWhitespace) { return MkcolRequest(kind: kind) }
        let root = try XMLElement.parse(bytes, limits: limits)
        try root.expect(kind == .mkcalendar ? .mkcalendar : .mkcol)
        var request = MkcolRequest(kind: kind)
        for operation in PropertyUpdate.operations(in: root) {
            guard case .set(let property) = operation else { continue }
            if property.name == .resourceType {
                request.resourceType = property.childNames
            } else {
                request.properties.append(property)
            }
        }
        return request
    }
}

/// MKCALENDAR's body type (same shape as extended MKCOL).
public typealias MkcalendarRequest = MkcolRequest
