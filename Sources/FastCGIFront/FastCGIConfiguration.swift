/// Where the responder listens.
public enum ListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// A unix socket at this path (created, made writable for the web server's workers).
    case unix(path: String)
    /// A TCP socket on host:port (loopback, normally).
    case tcp(host: String, port: Int)
    /// The listening socket inherited on fd 0 (Apache mod_fcgid, spawn-fcgi).
    case inherited

    /// Parses `unix:/path`, `tcp:host:port`, `fd0` (or a bare path).
    public init?(_ text: String) {
        if text == "fd0" || text == "stdin" {
            self = .inherited
        } else if text.hasPrefix("unix:") {
            self = .unix(path: String(text.dropFirst(5)))
        } else if text.hasPrefix("tcp:") {
            let rest = text.dropFirst(4)
            guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) else {
                return nil
            }
            self = .tcp(host: String(rest[..<colon]), port: port)
        } else if text.hasPrefix("/") {
            self = .unix(path: text)
        } else {
            return nil
        }
    }

    /// The textual form accepted by `init?(_:)`.
    public var description: String {
        switch self {
        case .unix(let path): return "unix:\(path)"
        case .tcp(let host, let port): return "tcp:\(host):\(port)"
        case .inherited: return "fd0"
        }
    }
}

/// How the FastCGI server runs.
public struct FastCGIConfiguration: Sendable {
    /// Where to listen.
    public var listen: ListenAddress
    /// Worker threads, each answering one request at a time.
    public var workers: Int
    /// Largest request body accepted, in bytes (413 above it).
    public var maxBodySize: Int
    /// Seconds to let requests in progress finish after SIGTERM/SIGINT.
    public var drainTimeout: Double
    /// Permissions of a unix socket file (0o666: nginx/Apache workers run as another user).
    public var socketMode: UInt32
    /// listen(2) backlog.
    public var backlog: Int32

    /// Creates a configuration.
    public init(
        listen: ListenAddress, workers: Int, maxBodySize: Int = 10 << 20, drainTimeout: Double = 10,
        socketMode: UInt32 = 0o666, backlog: Int32 = 256
    ) {
        self.listen = listen
        self.workers = max(1, workers)
        self.maxBodySize = maxBodySize
        self.drainTimeout = drainTimeout
        self.socketMode = socketMode
        self.backlog = backlog
    }
}
