import CMariaDB

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

    /// Runs `body` in a transaction; nested calls join the outer one; a deadlock victim
    /// is rolled back and `body` re-run (up to `retries` times).
    public func transaction<T>(retries: Int = 3, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        var attempt = 0
        while true {
            try execute("START TRANSACTION")
            transactionDepth = 1
            do {
                let result = try body()
                try execute("COMMIT")
                transactionDepth = 0
                return result
            } catch {
                let deadlock = lastErrorCode == 1213 || lastErrorCode == 1205
                if handle != nil { _ = try? execute("ROLLBACK") }
                transactionDepth = 0
                if deadlock && attempt < retries {
                    attempt += 1
                    continue
                }
                throw error
            }
        }
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
