import CalDAV

/// Encodes a `DAVResponse` as a CGI response (`Status:` line, headers, blank line, body).
public enum CGIResponseEncoder {
    /// The bytes to write to the FastCGI stdout stream. HEAD responses keep Content-Length but drop the body.
    public static func encode(_ response: DAVResponse, forHead: Bool = false) -> [UInt8] {
        var head = "Status: \(response.status) \(reason(for: response.status))\r\n"
        var hasLength = false
        for (name, value) in response.headers {
            // A header value must not smuggle in another header.
            // (Scalars, not Characters: "\r\n" is one Character.)
            var safe = ""
            for scalar in value.unicodeScalars {
                safe.unicodeScalars.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
            }
            if name.lowercased() == "content-length" { hasLength = true }
            head += "\(name): \(safe)\r\n"
        }
        if !hasLength && !(100..<200).contains(response.status) && response.status != 204 && response.status != 304 {
            head += "Content-Length: \(response.body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        if !forHead { bytes += response.body }
        return bytes
    }

    /// The standard reason phrase (RFC 9110, RFC 4918 for the WebDAV codes).
    public static func reason(for status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 207: return "Multi-Status"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 406: return "Not Acceptable"
        case 409: return "Conflict"
        case 410: return "Gone"
        case 411: return "Length Required"
        case 412: return "Precondition Failed"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 415: return "Unsupported Media Type"
        case 416: return "Range Not Satisfiable"
        case 422: return "Unprocessable Content"
        case 423: return "Locked"
        case 424: return "Failed Dependency"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 507: return "Insufficient Storage"
        default: return "Status \(status)"
        }
    }
}
