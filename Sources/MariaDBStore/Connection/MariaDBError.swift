/// An error reported by Connector/C or the server.
public struct MariaDBError: Error, CustomStringConvertible, Sendable {
    /// The client or server error number (e.g. 1062 duplicate key, 2006 server gone away).
    public var code: UInt32
    /// The message text.
    public var message: String

    /// Creates an error.
    public init(code: UInt32, message: String) {
        self.code = code
        self.message = message
    }

    /// A readable summary.
    public var description: String { "MariaDB error \(code): \(message)" }

    /// The connection is unusable: the server went away, the link broke, or it timed us out.
    public var isConnectionLost: Bool { [2006, 2013, 2055, 4031].contains(code) }
    /// InnoDB chose this transaction as a deadlock victim (or a lock wait timed out).
    public var isDeadlock: Bool { code == 1213 || code == 1205 }
    /// A unique key would be violated.
    public var isDuplicateKey: Bool { code == 1062 }
}
