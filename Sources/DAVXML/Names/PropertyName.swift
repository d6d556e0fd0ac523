/// The expanded name of a WebDAV property or element: namespace plus local name (RFC 4918 §4.3).
public struct PropertyName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace.
    public let namespace: DAVNamespace
    /// The local name, e.g. `getetag`.
    public let local: String

    /// A name in a namespace: `PropertyName(.calDAV, "schedule-inbox-URL")`; `.other` with a known URI is normalized.
    @inlinable
    public init(_ namespace: DAVNamespace, _ local: String) {
        if case .other(let uri) = namespace {
            self.namespace = DAVNamespace(uri: uri)
        } else {
            self.namespace = namespace
        }
        self.local = local
    }

    /// A name from a namespace URI as found in XML.
    @inlinable
    public init(namespace uri: String, local: String) {
        self.namespace = DAVNamespace(uri: uri)
        self.local = local
    }

    /// Clark notation `{namespace}local`, the form sabre uses as the key of stored properties.
    public var clark: String { "{\(namespace.uri)}\(local)" }

    /// Parses Clark notation `{namespace}local`; a string without braces is a name in no namespace.
    public init?(clark: String) {
        guard clark.first == "{" else {
            guard !clark.isEmpty else { return nil }
            self.init(.other(""), clark)
            return
        }
        guard let close = clark.firstIndex(of: "}") else { return nil }
        let uri = String(clark[clark.index(after: clark.startIndex)..<close])
        let local = String(clark[clark.index(after: close)...])
        guard !local.isEmpty else { return nil }
        self.init(namespace: uri, local: local)
    }

    /// The Clark form.
    public var description: String { clark }
}
