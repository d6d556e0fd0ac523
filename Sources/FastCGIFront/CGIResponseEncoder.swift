import CalDAV

/// Encodes a `DAVResponse` as a CGI response (`Status:` line, headers, blank line, body).
public enum CGIResponseEncoder {
    /// The bytes to write to the FastCGI stdout stream. HEAD responses keep Content-Length but drop the body.
    public static func encode(_ response: DAVResponse, forHead: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(192 + (forHead ? 0 : response.body.count))
        append("Status: ", to: &bytes)
        append(String(response.status), to: &bytes)
        bytes.append(UInt8(ascii: " "))
        append(reason(for: response.status), to: &bytes)
        append("\r\n", to: &bytes)
        var hasLength = false
        for (name, value) in response.headers {
            if !hasLength && isContentLength(name) { hasLength = true }
            append(name, to: &bytes)
            append(": ", to: &bytes)
            // A header value must not smuggle in another header: CR and LF become spaces. They are
            // single bytes in UTF-8 and never part of a longer sequence, so bytes are enough.
            for byte in value.utf8 {
                bytes.append(byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte)
            }
            append("\r\n", to: &bytes)
        }
        if !hasLength && !(100..<200).contains(response.status) && response.status != 204 && response.status != 304 {
            append("Content-Length: ", to: &bytes)
            append(String(response.body.count), to: &bytes)
            append("\r\n", to: &bytes)
        }
        append("\r\n", to: &bytes)
        if !forHead { bytes.append(contentsOf: response.body) }
        return bytes
    }

    @inline(__always)
    private static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// `Content-Length` in any case, without building a lower-cased copy.
    private static func isContentLength(_ name: String) -> Bool {
        let expected = "content-length".utf8
        guard name.utf8.count == expected.count else { return false }
        return zip(name.utf8, expected).allSatisfy { pair in
            let (byte, want) = pair
            return (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == want
        }
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
