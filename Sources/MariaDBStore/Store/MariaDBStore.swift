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

    /// Calendars whose `calendars` row this transaction holds locked (see `lockCalendar`).
    var lockedCalendars: Set<Int64> = []
    /// The `transactionSerial` `lockedCalendars` belongs to.
    var lockedCalendarsSerial = -1

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

    /// Locks a calendar's `calendars` row (`FOR UPDATE`) for the rest of the transaction, once.
    ///
    /// Every write to a calendar's objects or changes takes this lock first, before any
    /// other lock in that calendar: writers of one calendar then queue on one row instead of
    /// meeting in crossed orders (two new names sharing a gap lock, then both INSERTing; two
    /// `INSERT … SELECT synctoken` share locks both upgraded by the synctoken bump), and the
    /// token each change is logged at is the one it then bumps. Writers of several calendars
    /// (scheduling, MOVE) can still cross; `transaction` re-runs the victim.
    func lockCalendar(_ calendar: CalendarID) throws {
        guard !isLocked(calendar) else { return }
        guard try !query("SELECT id FROM calendars WHERE id = ? FOR UPDATE", [.int(calendar.rawValue)]).isEmpty else {
            throw StorageError.notFound("calendar \(calendar.rawValue)")
        }
        markLocked(calendar)
    }

    /// Whether this transaction already holds `calendar`'s row lock.
    func isLocked(_ calendar: CalendarID) -> Bool {
        connection.transactionDepth > 0 && lockedCalendarsSerial == connection.transactionSerial
            && lockedCalendars.contains(calendar.rawValue)
    }

    /// Records that this transaction holds `calendar`'s row lock (outside a transaction it ends at once).
    func markLocked(_ calendar: CalendarID) {
        guard connection.transactionDepth > 0 else { return }
        if lockedCalendarsSerial != connection.transactionSerial {
            lockedCalendars = []
            lockedCalendarsSerial = connection.transactionSerial
        }
        lockedCalendars.insert(calendar.rawValue)
    }

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
