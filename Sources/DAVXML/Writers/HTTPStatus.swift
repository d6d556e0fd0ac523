/// Status lines for `DAV:status` elements (RFC 4918 §14.28, RFC 9110 §15).
public enum HTTPStatus {
    /// `"404 Not Found"` for 404; unknown codes get a bare number.
    public static func line(_ code: Int) -> String {
        switch code {
        case 200: return "200 OK"
        case 201: return "201 Created"
        case 204: return "204 No Content"
        case 207: return "207 Multi-Status"
        case 400: return "400 Bad Request"
        case 401: return "401 Unauthorized"
        case 403: return "403 Forbidden"
        case 404: return "404 Not Found"
        case 405: return "405 Method Not Allowed"
        case 409: return "409 Conflict"
        case 412: return "412 Precondition Failed"
        case 413: return "413 Payload Too Large"
        case 415: return "415 Unsupported Media Type"
        case 423: return "423 Locked"
        case 424: return "424 Failed Dependency"
        case 500: return "500 Internal Server Error"
        case 501: return "501 Not Implemented"
        case 502: return "502 Bad Gateway"
        case 503: return "503 Service Unavailable"
        case 507: return "507 Insufficient Storage"
        default: return "\(code) Status"
        }
    }
}
