/// The scope of a WebDAV lock (RFC 4918 §14.13).
public enum LockScope: Hashable, Sendable {
    /// `DAV:exclusive`.
    case exclusive
    /// `DAV:shared`.
    case shared
}

/// The body of a LOCK request (RFC 4918 §9.10, §14.11); only write locks exist.
public struct LockInfo: Hashable, Sendable {
    /// Exclusive or shared.
    public var scope: LockScope
    /// The `DAV:owner` element as sent (echoed back in lockdiscovery), if any.
    public var owner: XMLElement?

    /// Creates lock info.
    public init(scope: LockScope, owner: XMLElement? = nil) {
        self.scope = scope
        self.owner = owner
    }

    /// Parses a LOCK body; returns nil for an empty body (a lock refresh, RFC 4918 §9.10.2).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> LockInfo? {
        if bytes.isEmpty || bytes.allSatisfy(\.isXMLWhitespace) { return nil }
        let root = try XMLElement.parse(bytes, limits: limits)
        try root.expect(.lockInfo)
        guard let scope = try root.require(.lockScope).children.first else { throw .missingElement(.exclusive) }
        guard let type = try root.require(.lockType).children.first else { throw .missingElement(.write) }
        guard type.name == .write else { throw .invalidValue(element: .lockType, value: type.name.clark) }
        switch scope.name {
        case .exclusive: return LockInfo(scope: .exclusive, owner: root.child(.owner))
        case .shared: return LockInfo(scope: .shared, owner: root.child(.owner))
        default: throw .invalidValue(element: .lockScope, value: scope.name.clark)
        }
    }
}
