/// The body of the ACL method (RFC 3744 §8.1).
public struct ACLRequest: Hashable, Sendable {
    /// The new ACEs, in order.
    public var entries: [AccessControlEntry]

    /// Creates a request.
    public init(entries: [AccessControlEntry]) {
        self.entries = entries
    }

    /// Parses an ACL body (`DAV:acl`).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> ACLRequest {
        let root = try XMLElement.parse(bytes, limits: limits)
        try root.expect(.acl)
        var entries: [AccessControlEntry] = []
        for ace in root.children(.ace) { entries.append(try AccessControlEntry(element: ace)) }
        return ACLRequest(entries: entries)
    }
}
