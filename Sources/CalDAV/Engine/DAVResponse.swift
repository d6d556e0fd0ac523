/// One HTTP response from the engine.
public struct DAVResponse: Sendable {
    /// HTTP status code.
    public var status: Int
    /// Header fields in order; a name may repeat (two WWW-Authenticate challenges).
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header by case-insensitive name.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }
}

/// Something that answers requests; one per worker thread.
public protocol RequestHandler {
    /// Answers one request.
    func handle(_ request: DAVRequest) -> DAVResponse
}
