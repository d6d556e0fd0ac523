/// Where and how to connect: parsed from `mysql://user:password@host:port/database`
/// or `mysql://user:password@localhost/database?socket=/path/to/socket`.
public struct MariaDBConfiguration: Hashable, Sendable {
    /// Host name; `localhost` with `socket` set means a unix socket.
    public var host: String
    /// TCP port (3306 unless given).
    public var port: UInt32
    /// Login name.
    public var user: String
    /// Password (empty for socket authentication).
    public var password: String
    /// Database (schema) name.
    public var database: String
    /// Unix socket path, if connecting over a socket.
    public var socket: String?
    /// Seconds to wait for the connection to open.
    public var connectTimeout: UInt32

    /// Creates a configuration from parts.
    public init(
        host: String = "localhost", port: UInt32 = 3306, user: String, password: String = "", database: String,
        socket: String? = nil, connectTimeout: UInt32 = 5
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.socket = socket
        self.connectTimeout = connectTimeout
    }

    /// Parses a `mysql://` (or `mariadb://`) URL; user and password may be percent-encoded.
    public init(url text: String) throws {
        func fail(_ why: String) -> MariaDBError { MariaDBError(code: 0, message: "bad database URL: \(why)") }
        let lowered = text.lowercased()
        let prefixLength: Int
        if lowered.hasPrefix("mysql://") {
            prefixLength = 8
        } else if lowered.hasPrefix("mariadb://") {
            prefixLength = 10
        } else {
            throw fail("expected mysql://user:password@host/database")
        }
        var rest = Substring(text.dropFirst(prefixLength))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        guard let slash = rest.firstIndex(of: "/") else { throw fail("missing /database") }
        let authority = rest[..<slash]
        let database = Self.decode(rest[rest.index(after: slash)...])
        guard !database.isEmpty else { throw fail("missing database name") }
        var userInfo: Substring = ""
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        var user = Self.decode(userInfo)
        var password = ""
        if let colon = userInfo.firstIndex(of: ":") {
            user = Self.decode(userInfo[..<colon])
            password = Self.decode(userInfo[userInfo.index(after: colon)...])
        }
        var host = String(hostPort)
        var port: UInt32 = 3306
        if hostPort.hasPrefix("[") {
            // [::1]:3306
            if let close = hostPort.firstIndex(of: "]") {
                host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
                let after = hostPort[hostPort.index(after: close)...]
                if after.hasPrefix(":") {
                    guard let value = UInt32(after.dropFirst()) else { throw fail("bad port") }
                    port = value
                }
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            guard let value = UInt32(hostPort[hostPort.index(after: colon)...]) else { throw fail("bad port") }
            port = value
        }
        if host.isEmpty { host = "localhost" }
        var socket: String?
        var timeout: UInt32 = 5
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            switch key {
            case "socket", "unix_socket": socket = value
            case "connect_timeout": timeout = UInt32(value) ?? timeout
            default: throw fail("unknown option \(key)")
            }
        }
        self.init(
            host: host, port: port, user: user, password: password, database: database, socket: socket,
            connectTimeout: timeout)
    }

    /// The URL form, with the password masked, for logs.
    public var redacted: String {
        let auth = password.isEmpty ? user : "\(user):***"
        let base = "mysql://\(auth)@\(host)\(socket == nil ? ":\(port)" : "")/\(database)"
        return socket.map { "\(base)?socket=\($0)" } ?? base
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
