/// Why a delivery failed, and whether trying again can help (RFC 5321 §4.2.1).
public enum MailTransportError: Error, Equatable, Sendable {
    /// Try again later: server down, timeout, 4xx reply, TLS or login trouble an admin can fix.
    case transient(String)
    /// Never going to work: a 5xx reply to the envelope or the data, an invalid address.
    case permanent(String)

    /// Whether a retry may succeed.
    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }

    /// The human-readable reason.
    public var message: String {
        switch self {
        case .transient(let text), .permanent(let text): return text
        }
    }
}
