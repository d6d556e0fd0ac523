/// One body part or multipart of an outgoing message, already transfer-encoded (RFC 2045, RFC 2046).
struct MIMEPart: Sendable {
    /// Header fields in order, values already RFC 2047-encoded where needed.
    var headers: [(name: String, value: String)]
    /// The encoded body (CRLF line breaks) of a leaf part.
    var body: String
    /// The boundary and children of a multipart.
    var boundary: String?
    var children: [MIMEPart]

    /// A leaf part.
    init(headers: [(name: String, value: String)], body: String) {
        self.headers = headers
        self.body = body
        self.boundary = nil
        self.children = []
    }

    /// A multipart; its Content-Type header carries the boundary (RFC 2046 §5.1.1).
    init(multipart subtype: String, boundary: String, children: [MIMEPart], extraHeaders: [(name: String, value: String)] = []) {
        self.headers = extraHeaders + [("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")]
        self.body = ""
        self.boundary = boundary
        self.children = children
    }

    /// The part as text: folded headers, blank line, body or children (CRLF throughout).
    func serialized(isRoot: Bool = true) -> String {
        var out = ""
        for header in headers { out += HeaderLine.fold(header.name, header.value) + "\r\n" }
        out += "\r\n"
        if let boundary {
            // A preamble for readers without MIME support, on the outermost multipart only (RFC 2046 §5.1.1).
            if isRoot { out += "This is a multipart message in MIME format.\r\n" }
            for child in children {
                out += "\r\n--\(boundary)\r\n" + child.serialized(isRoot: false)
            }
            out += "\r\n--\(boundary)--\r\n"
        } else {
            out += body
            if !body.hasSuffix("\r\n") { out += "\r\n" }
        }
        return out
    }
}
