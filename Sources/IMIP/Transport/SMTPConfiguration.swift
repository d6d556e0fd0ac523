/// Where and how to reach the SMTP server (RFC 5321, RFC 3207, RFC 8314, RFC 4954).
public struct SMTPConfiguration: Sendable {
    /// Transport security.
    public enum Security: String, Sendable {
        /// Plain SMTP, no TLS (loopback relays only).
        case none
        /// STARTTLS when the server offers it, plain otherwise.
        case startTLSOptional = "starttls-optional"
        /// STARTTLS required; fail when the server does not offer it (RFC 3207).
        case startTLS = "starttls"
        /// TLS from the first byte, usually port 465 (RFC 8314 §3.3).
        case implicitTLS = "tls"
    }

    /// Host name or address.
    public var host: String
    /// Port; nil = 465 for implicit TLS, else 587 with STARTTLS, else 25.
    public var port: Int?
    /// Transport security.
    public var security: Security
    /// AUTH user name; nil = no authentication.
    public var username: String?
    /// AUTH password.
    public var password: String?
    /// Name sent in EHLO; nil lets libcurl choose.
    public var heloName: String?
    /// Seconds allowed to connect.
    public var connectTimeout: Int
    /// Seconds allowed for the whole transaction.
    public var timeout: Int
    /// CA bundle to verify the server against; nil = the system's.
    public var caFile: String?
    /// Whether to verify the server certificate chain.
    public var verifyPeer: Bool
    /// Whether the certificate must name `host`.
    public var verifyHost: Bool

    /// Creates a configuration.
    public init(
        host: String, port: Int? = nil, security: Security = .startTLS, username: String? = nil, password: String? = nil,
        heloName: String? = nil, connectTimeout: Int = 15, timeout: Int = 120, caFile: String? = nil,
        verifyPeer: Bool = true, verifyHost: Bool = true
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
        self.verifyPeer = verifyPeer
        self.verifyHost = verifyHost
    }

    /// The effective port.
    public var effectivePort: Int {
        if let port { return port }
        switch security {
        case .implicitTLS: return 465
        case .startTLS: return 587
        case .none, .startTLSOptional: return 25
        }
    }

    /// The libcurl URL: `smtp://host:port/helo` or `smtps://…`.
    var url: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let helo = heloName.map { "/" + $0.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" } } ?? ""
        return "\(scheme)://\(hostPart):\(effectivePort)\(helo)"
    }
}
