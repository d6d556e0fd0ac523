import CMariaDB

#if canImport(Glibc)
    import Glibc
#endif

/// One Connector/C connection: opened lazily, reconnected once after the server
/// went away (outside a transaction), prepared statements cached by SQL text.
///
/// Not thread-safe by design: each worker thread owns one connection.
public final class MariaDBConnection {
    /// Where to connect.
    public let configuration: MariaDBConfiguration
    /// Statements executed on this connection since it was created (for the benchmark).
    public private(set) var statementCount = 0
    /// The error code of the last failed statement (0 after success); used for deadlock retry.
    public private(set) var lastErrorCode: UInt32 = 0
    /// Depth of `transaction` calls in progress; reconnecting is only safe at depth 0.
    var transactionDepth = 0
    /// Counts transaction attempts, so per-transaction state (the store's locked calendars) can tell them apart.
    private(set) var transactionSerial = 0
    /// Transactions rolled back and re-run after a deadlock or lock wait timeout (for tests and logs).
    public private(set) var deadlockRetries = 0
    /// Set when a statement of the current transaction failed with 1213/1205: InnoDB has rolled
    /// the transaction (or the statement) back, so it must not commit even if `body` swallowed the error.
    private var transactionAborted = false

    private var handle: UnsafeMutablePointer<MYSQL>?
    private var statements: [String: PreparedStatement] = [:]

    /// Creates a connection; nothing is opened until the first statement.
    public init(configuration: MariaDBConfiguration) {
        self.configuration = configuration
    }

    deinit { close() }

    /// Closes the connection and drops the statement cache.
    public func close() {
        statements.removeAll()
        if let handle { mysql_close(handle) }
        handle = nil
    }

    /// Opens the connection if it is not open.
    public func connect() throws {
        if handle != nil { return }
        guard let mysql = mysql_init(nil) else { throw MariaDBError(code: 2008, message: "out of memory") }
        var timeout = configuration.connectTimeout
        _ = mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        _ = mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout)
        // READ COMMITTED: locking reads of absent rows take no gap locks (two writers of new
        // names in one calendar would otherwise share a gap lock and deadlock on their INSERTs,
        // and a gap can span two calendars), and plain reads see the latest commit rather than
        // a snapshot from the transaction's first read. Writers of one calendar serialize on its
        // `calendars` row (MariaDBStore.lockCalendar), which keeps sync tokens and UID checks exact.
        // Runs again on every reconnect. Needs binlog_format ROW or MIXED (the default; Galera: ROW).
        _ = mysql_options(mysql, MYSQL_INIT_COMMAND, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
        let connected = mysql_real_connect(
            mysql, configuration.host, configuration.user, configuration.password, configuration.database,
            configuration.socket == nil ? configuration.port : 0, configuration.socket, UInt(CLIENT_FOUND_ROWS))
        if connected == nil {
            let error = MariaDBError(code: mysql_errno(mysql), message: String(cString: mysql_error(mysql)))
            mysql_close(mysql)
            throw error
        }
        handle = mysql
    }

    private func statement(for sql: String) throws -> PreparedStatement {
        if let cached = statements[sql] { return cached }
        try connect()
        let prepared = try PreparedStatement(connection: handle!, sql: sql)
        statements[sql] = prepared
        return prepared
    }

    /// Executes `sql` and hands the executed statement to `body` (to read rows or counts).
    private func run<T>(_ sql: String, _ parameters: [SQLValue], _ body: (PreparedStatement) throws -> T) throws -> T {
        var retried = false
        while true {
            do {
                let prepared = try statement(for: sql)
                try prepared.execute(parameters)
                statementCount += 1
                lastErrorCode = 0
                return try body(prepared)
            } catch let error as MariaDBError {
                lastErrorCode = error.code
                if error.isDeadlock && transactionDepth > 0 { transactionAborted = true }
                if error.isConnectionLost {
                    close()
                    // Only a statement outside a transaction can be replayed on a new connection.
                    if !retried && transactionDepth == 0 {
                        retried = true
                        continue
                    }
                }
                throw error
            }
        }
    }

    /// Runs a statement that returns rows and collects them.
    public func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> [SQLRow] {
        try run(sql, parameters) { prepared in
            var rows: [SQLRow] = []
            while let row = try prepared.nextRow() { rows.append(row) }
            return rows
        }
    }

    /// Runs a statement that returns rows and hands them to `body` one by one as they
    /// arrive from the server (nothing is buffered). `body` returns false to stop; it
    /// must not run statements on this connection.
    public func stream(_ sql: String, _ parameters: [SQLValue] = [], _ body: (SQLRow) throws -> Bool) throws {
        try run(sql, parameters) { prepared in
            defer { prepared.finishResult() }
            while let row = try prepared.nextRow() {
                if try !body(row) { break }
            }
        }
    }

    /// Runs a statement without result rows; returns the affected (matched) row count and insert id.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [SQLValue] = []) throws -> (affectedRows: Int, insertID: Int64) {
        try run(sql, parameters) { ($0.affectedRows, $0.insertID) }
    }

    /// Runs `body` in a transaction; nested calls join the outer one.
    ///
    /// A deadlock victim (1213, also Galera's certification failure at COMMIT) is rolled back
    /// and `body` re-run, up to `retries` times, after a jittered exponential pause so the
    /// transactions that collided do not collide again in lockstep; a lock wait timeout (1205)
    /// is re-run once (each one already cost innodb_lock_wait_timeout). `body` must therefore
    /// only touch the database: anything it builds for the client is built from its return value.
    public func transaction<T>(retries: Int = 8, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        var attempt = 0
        var timeouts = 0
        while true {
            try execute("START TRANSACTION")
            transactionDepth = 1
            transactionSerial += 1
            transactionAborted = false
            var failure: Error?
            do {
                let result = try body()
                // A body that caught a deadlock error and went on ran its later statements outside
                // the rolled-back transaction: never commit that, re-run it.
                if !transactionAborted {
                    try execute("COMMIT")
                    transactionDepth = 0
                    return result
                }
                failure = MariaDBError(code: lastErrorCode == 0 ? 1213 : lastErrorCode, message: "transaction aborted")
            } catch {
                failure = error
            }
            let code = lastErrorCode
            let retryable = transactionAborted || code == 1213 || code == 1205
            if handle != nil { _ = try? execute("ROLLBACK") }
            transactionDepth = 0
            transactionAborted = false
            if retryable && attempt < retries && (code != 1205 || timeouts == 0) {
                if code == 1205 { timeouts += 1 }
                attempt += 1
                deadlockRetries += 1
                Self.backOff(attempt: attempt)
                continue
            }
            throw failure!
        }
    }

    /// Sleeps a random 0…(2 ms × 2^attempt), capped at 250 ms ("full jitter").
    private static func backOff(attempt: Int) {
        let ceiling = min(250_000, 2_000 << min(attempt, 7))
        usleep(UInt32.random(in: 0...UInt32(ceiling)))
    }

    /// Runs plain SQL text (several statements allowed) outside the prepared-statement path.
    /// Only for schema scripts shipped with Almanac, never with request data.
    public func runScript(_ script: String) throws {
        try connect()
        guard let handle else { return }
        _ = mysql_set_server_option(handle, MYSQL_OPTION_MULTI_STATEMENTS_ON)
        defer { _ = mysql_set_server_option(handle, MYSQL_OPTION_MULTI_STATEMENTS_OFF) }
        let utf8 = Array(script.utf8)
        var status = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mysql_real_query(handle, $0.baseAddress, UInt($0.count)) }
        }
        while true {
            if status != 0 {
                throw MariaDBError(code: mysql_errno(handle), message: String(cString: mysql_error(handle)))
            }
            if let result = mysql_store_result(handle) { mysql_free_result(result) }
            let more = mysql_next_result(handle)
            if more == -1 { break }
            status = more
        }
        statementCount += 1
    }
}
