import CMariaDB

/// One server-side prepared statement with its reusable result buffers.
///
/// Owned by exactly one `MariaDBConnection` (one thread); never shared.
final class PreparedStatement {
    let handle: UnsafeMutablePointer<MYSQL_STMT>
    let sql: String
    private let parameterCount: Int
    private let columnCount: Int
    /// Per column: read as a 64-bit integer (true) or as bytes (false).
    private var integerColumn: [Bool] = []
    private var results: UnsafeMutablePointer<MYSQL_BIND>?
    private var lengths: UnsafeMutablePointer<UInt>?
    private var nulls: UnsafeMutablePointer<my_bool>?
    private var buffers: [UnsafeMutableRawPointer] = []
    private var capacities: [Int] = []

    init(connection: UnsafeMutablePointer<MYSQL>, sql: String) throws {
        guard let handle = mysql_stmt_init(connection) else {
            throw MariaDBError(code: mysql_errno(connection), message: String(cString: mysql_error(connection)))
        }
        self.handle = handle
        self.sql = sql
        let utf8 = Array(sql.utf8)
        let status = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { mysql_stmt_prepare(handle, $0.baseAddress, UInt($0.count)) }
        }
        guard status == 0 else {
            let error = MariaDBError(code: mysql_stmt_errno(handle), message: String(cString: mysql_stmt_error(handle)))
            mysql_stmt_close(handle)
            throw error
        }
        parameterCount = Int(mysql_stmt_param_count(handle))
        columnCount = Int(mysql_stmt_field_count(handle))
        if columnCount > 0 { try bindResults() }
    }

    deinit {
        mysql_stmt_close(handle)
        results?.deallocate()
        lengths?.deallocate()
        nulls?.deallocate()
        for buffer in buffers { buffer.deallocate() }
    }

    private var error: MariaDBError {
        MariaDBError(code: mysql_stmt_errno(handle), message: String(cString: mysql_stmt_error(handle)))
    }

    /// Binds result columns once: integers to an Int64 slot, everything else to a byte buffer
    /// sized from the column's declared length (larger values are fetched separately).
    private func bindResults() throws {
        guard let metadata = mysql_stmt_result_metadata(handle) else { throw error }
        defer { mysql_free_result(metadata) }
        let fields = mysql_fetch_fields(metadata)!
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: columnCount)
        binds.initialize(repeating: MYSQL_BIND(), count: columnCount)
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: columnCount)
        lengths.initialize(repeating: 0, count: columnCount)
        let nulls = UnsafeMutablePointer<my_bool>.allocate(capacity: columnCount)
        nulls.initialize(repeating: 0, count: columnCount)
        for column in 0..<columnCount {
            let field = fields[column]
            let isInteger = [MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_LONGLONG]
                .contains(field.type)
            integerColumn.append(isInteger)
            let capacity = isInteger ? 8 : max(64, min(Int(field.length), 16384))
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            buffers.append(buffer)
            capacities.append(capacity)
            binds[column].buffer = buffer
            binds[column].buffer_length = UInt(capacity)
            binds[column].buffer_type = isInteger ? MYSQL_TYPE_LONGLONG : MYSQL_TYPE_BLOB
            binds[column].is_unsigned = (field.flags & UInt32(UNSIGNED_FLAG)) != 0 ? 1 : 0
            binds[column].length = lengths + column
            binds[column].is_null = nulls + column
        }
        self.results = binds
        self.lengths = lengths
        self.nulls = nulls
        guard mysql_stmt_bind_result(handle, binds) == 0 else { throw error }
    }

    /// Binds `parameters` and executes. The caller then fetches rows (if any) with `nextRow`.
    func execute(_ parameters: [SQLValue]) throws {
        guard parameters.count == parameterCount else {
            throw MariaDBError(
                code: 0, message: "statement wants \(parameterCount) parameters, got \(parameters.count): \(sql)")
        }
        if parameterCount == 0 {
            guard mysql_stmt_execute(handle) == 0 else { throw error }
            return
        }
        var allocations: [UnsafeMutableRawPointer] = []
        defer { for allocation in allocations { allocation.deallocate() } }
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: parameterCount)
        binds.initialize(repeating: MYSQL_BIND(), count: parameterCount)
        defer { binds.deallocate() }
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: parameterCount)
        defer { lengths.deallocate() }
        for (index, value) in parameters.enumerated() {
            lengths[index] = 0
            switch value {
            case .null:
                binds[index].buffer_type = MYSQL_TYPE_NULL
            case .int(let number):
                let slot = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
                slot.storeBytes(of: number, as: Int64.self)
                allocations.append(slot)
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].buffer = slot
            case .text(let text):
                let utf8 = Array(text.utf8)
                binds[index].buffer_type = MYSQL_TYPE_STRING
                bindBytes(utf8, to: &binds[index], length: lengths + index, allocations: &allocations)
            case .bytes(let bytes):
                binds[index].buffer_type = MYSQL_TYPE_BLOB
                bindBytes(bytes, to: &binds[index], length: lengths + index, allocations: &allocations)
            }
        }
        guard mysql_stmt_bind_param(handle, binds) == 0 else { throw error }
        guard mysql_stmt_execute(handle) == 0 else { throw error }
    }

    private func bindBytes(
        _ bytes: [UInt8], to bind: inout MYSQL_BIND, length: UnsafeMutablePointer<UInt>,
        allocations: inout [UnsafeMutableRawPointer]
    ) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { storage.copyMemory(from: base, byteCount: bytes.count) }
        }
        allocations.append(storage)
        bind.buffer = storage
        bind.buffer_length = UInt(bytes.count)
        length.pointee = UInt(bytes.count)
        bind.length = length
    }

    /// The next row of the current result, or nil when there are no more.
    func nextRow() throws -> SQLRow? {
        guard columnCount > 0, let results, let lengths, let nulls else { return nil }
        let status = mysql_stmt_fetch(handle)
        if status == MYSQL_NO_DATA { return nil }
        if status == 1 { throw error }
        var values: [SQLValue] = []
        values.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            if nulls[column] != 0 {
                values.append(.null)
            } else if integerColumn[column] {
                let raw = buffers[column].load(as: Int64.self)
                values.append(.int(raw))
            } else {
                let length = Int(lengths[column])
                if length <= capacities[column] {
                    let start = buffers[column].assumingMemoryBound(to: UInt8.self)
                    values.append(.bytes(Array(UnsafeBufferPointer(start: start, count: length))))
                } else {
                    values.append(.bytes(try fetchLarge(column: column, length: length, into: results)))
                }
            }
        }
        return SQLRow(values: values)
    }

    /// A value longer than its bound buffer: read it whole with `mysql_stmt_fetch_column`.
    private func fetchLarge(column: Int, length: Int, into results: UnsafeMutablePointer<MYSQL_BIND>) throws
        -> [UInt8]
    {
        var bytes = [UInt8](repeating: 0, count: length)
        var bind = MYSQL_BIND()
        var fetched: UInt = 0
        var status: Int32 = 0
        bytes.withUnsafeMutableBytes { target in
            withUnsafeMutablePointer(to: &fetched) { fetchedPointer in
                bind.buffer_type = MYSQL_TYPE_BLOB
                bind.buffer = target.baseAddress
                bind.buffer_length = UInt(length)
                bind.length = fetchedPointer
                status = mysql_stmt_fetch_column(handle, &bind, UInt32(column), 0)
            }
        }
        guard status == 0 else { throw error }
        return bytes
    }

    /// Discards unread rows of the current result so the connection can run another statement.
    func finishResult() {
        _ = mysql_stmt_free_result(handle)
    }

    /// Rows changed (or matched: the connection uses CLIENT_FOUND_ROWS) by the last execution.
    var affectedRows: Int { Int(truncatingIfNeeded: mysql_stmt_affected_rows(handle)) }
    /// The AUTO_INCREMENT id of the last insert.
    var insertID: Int64 { Int64(truncatingIfNeeded: mysql_stmt_insert_id(handle)) }
}
