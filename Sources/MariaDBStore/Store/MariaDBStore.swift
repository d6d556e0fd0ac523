import Storage

/// `CalendarStore` over sabre/dav 4.x's tables in MariaDB, on one connection.
///
/// Rows are written exactly as sabre's PDO backends write them (see the
/// schema contract in the README); Almanac's own additions live in the
/// `almanac_*` columns and tables created by `almanac db upgrade`. One store
/// belongs to one worker thread.
public final class MariaDBStore: CalendarStore {
    /// The connection every call runs on.
    public let connection: MariaDBConnection

    /// Creates a store over a connection configuration; connects on first use.
    public init(configuration: MariaDBConfiguration) {
        self.connection = MariaDBConnection(configuration: configuration)
    }

    /// Creates a store over an existing connection.
    public init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Statements executed so far on this store's connection.
    public var statementCount: Int { connection.statementCount }

    /// Runs `body` in one transaction (RFC-neutral; see `CalendarStore.transaction`).
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        do {
            return try connection.transaction(body)
        } catch let error as MariaDBError {
            throw Self.storageError(error)
        }
    }

    // MARK: - Plumbing shared by the extensions

    static func storageError(_ error: MariaDBError) -> StorageError {
        error.isDuplicateKey ? .conflict(error.message) : .backend(error.description)
    }

    func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [SQLRow] {
        do { return try connection.query(sql, parameters) } catch let error as MariaDBError {
            throw Self.storageError(error)
        }
    }

    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue] = []) throws -> (affectedRows: Int, insertID: Int64) {
        do { return try connection.execute(sql, parameters) } catch let error as MariaDBError {
            throw Self.storageError(error)
        }
    }

    func stream(_ sql: String, _ parameters: [SQLValue], _ body: (SQLRow) throws -> Bool) throws {
        do { try connection.stream(sql, parameters, body) } catch let error as MariaDBError {
            throw Self.storageError(error)
        }
    }

    /// `?, ?, ?` for an IN list, padded to a power of two so few distinct statements get cached.
    static func placeholders<T>(for values: [T], pad: (T) -> SQLValue) -> (sql: String, values: [SQLValue]) {
        var bucket = 1
        while bucket < values.count { bucket *= 2 }
        var bound = values.map(pad)
        while bound.count < bucket, let last = bound.last { bound.append(last) }
        return (Array(repeating: "?", count: bound.count).joined(separator: ", "), bound)
    }

    /// Splits a list into chunks an IN list can take.
    static func chunks<T>(_ values: [T], size: Int = 64) -> [[T]] {
        stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }

    /// A LIKE pattern matching strings that start with `prefix` literally.
    static func likePrefix(_ prefix: String) -> String {
        var escaped = ""
        for character in prefix {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped + "%"
    }
}

extension SQLRow {
    func string(_ index: Int) -> String { self[index].string ?? "" }
    func optionalString(_ index: Int) -> String? { self[index].string }
    func int(_ index: Int) -> Int64 { self[index].int ?? 0 }
    func optionalInt(_ index: Int) -> Int64? { self[index].int }
}
