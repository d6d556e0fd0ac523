import CalDAV

/// Turns CGI/FastCGI parameters and a body source into a `DAVRequest`, enforcing the body limit.
///
/// Kept free of libfcgi so it can be tested with plain dictionaries.
public enum CGIRequestBuilder {
    /// Why a request could not be built; answered directly without the engine.
    public enum Failure: Error, Equatable, Sendable {
        /// CONTENT_LENGTH above the limit, or more bytes than the limit arrived: 413.
        case bodyTooLarge(limit: Int)
        /// Fewer bytes than CONTENT_LENGTH arrived (truncated by the web server), or a bad length: 400.
        case badBody(String)

        /// The response the client gets.
        public var response: DAVResponse {
            switch self {
            case .bodyTooLarge(let limit):
                return DAVResponse(
                    status: 413, headers: [("Content-Type", "text/plain; charset=utf-8")],
                    body: Array("Request body larger than \(limit) bytes\n".utf8))
            case .badBody(let why):
                return DAVResponse(
                    status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("\(why)\n".utf8))
            }
        }
    }

    /// Builds the request. `readBody(max)` returns up to `max` bytes, fewer only at end of input.
    public static func build(
        parameters: [String: String], maxBodySize: Int, readBody: (Int) -> [UInt8]
    ) -> Result<DAVRequest, Failure> {
        var headers: [String: String] = [:]
        for (name, value) in parameters {
            if name.hasPrefix("HTTP_") {
                let header = headerName(fromCGI: name)
                // HTTP_PROXY is the httpoxy attack vector and never a real header for us.
                if header == "proxy" { continue }
                headers[header] = value
            }
        }
        if let type = parameters["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        var body: [UInt8] = []
        if let lengthText = parameters["CONTENT_LENGTH"], !lengthText.isEmpty {
            guard let length = Int(lengthText), length >= 0 else { return .failure(.badBody("Bad Content-Length")) }
            if length > maxBodySize { return .failure(.bodyTooLarge(limit: maxBodySize)) }
            headers["content-length"] = lengthText
            if length > 0 {
                body = readBody(length)
                if body.count < length {
                    return .failure(.badBody("Request body truncated: \(body.count) of \(length) bytes arrived"))
                }
            }
        } else {
            // No length (rare behind nginx/Apache): read to the end, within the limit.
            body = readBody(maxBodySize + 1)
            if body.count > maxBodySize { return .failure(.bodyTooLarge(limit: maxBodySize)) }
        }
        let method = parameters["REQUEST_METHOD"] ?? "GET"
        var uri = parameters["REQUEST_URI"] ?? ""
        if uri.isEmpty {
            uri = (parameters["SCRIPT_NAME"] ?? "") + (parameters["PATH_INFO"] ?? "")
            if let query = parameters["QUERY_STRING"], !query.isEmpty { uri += "?" + query }
            if uri.isEmpty { uri = "/" }
        }
        return .success(
            DAVRequest(
                method: method, uri: uri, headers: headers, body: body, remoteAddress: parameters["REMOTE_ADDR"],
                remoteUser: parameters["REMOTE_USER"].flatMap { $0.isEmpty ? nil : $0 }))
    }
}

/// `HTTP_X_FOO_BAR` → `x-foo-bar`: the header name a CGI parameter stands for (RFC 3875 §4.1.18), byte by byte.
private func headerName(fromCGI name: String) -> String {
    let utf8 = name.utf8.dropFirst(5)
    return String(unsafeUninitializedCapacity: utf8.count) { buffer in
        var count = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): buffer[count] = byte | 0x20
            case UInt8(ascii: "_"): buffer[count] = UInt8(ascii: "-")
            default: buffer[count] = byte
            }
            count += 1
        }
        return count
    }
}
