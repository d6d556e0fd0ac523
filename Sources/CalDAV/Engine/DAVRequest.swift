/// One HTTP request as the engine sees it, independent of FastCGI or tests.
public struct DAVRequest: Sendable {
    /// Upper-case method, e.g. `PROPFIND`.
    public var method: String
    /// The request target as sent (`REQUEST_URI`: percent-encoded path plus optional query).
    public var uri: String
    /// Header fields with lower-cased names; repeated fields joined with ", ".
    public var headers: [String: String]
    /// The request body.
    public var body: [UInt8]
    /// The client's address, for logs.
    public var remoteAddress: String?
    /// `REMOTE_USER` as the web server set it; used only when configured to trust it.
    public var remoteUser: String?

    /// Creates a request.
    public init(
        method: String, uri: String, headers: [String: String] = [:], body: [UInt8] = [], remoteAddress: String? = nil,
        remoteUser: String? = nil
    ) {
        self.method = method.uppercased()
        self.uri = uri
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
        self.remoteAddress = remoteAddress
        self.remoteUser = remoteUser
    }

    /// A header value by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
