import Storage

extension MariaDBStore: CalendarObjectStore {
    private static let metadataColumns = """
        id, calendarid, uri, etag, size, lastmodified, uid, componenttype, firstoccurence, lastoccurence, \
        almanac_scheduletag
        """

    private static func object(from row: SQLRow, withData: Bool) -> StoredObject {
        StoredObject(
            id: ObjectID(row.int(0)), calendarID: CalendarID(row.int(1)), uri: row.string(2),
            data: withData ? row.string(11) : nil, etag: row.string(3), size: Int(row.int(4)),
            lastModified: row.int(5),
            index: ObjectIndex(
                uid: row.optionalString(6), componentType: row.optionalString(7),
                firstOccurrence: row.optionalInt(8), lastOccurrence: row.optionalInt(9)),
            scheduleTag: row.optionalString(10))
    }

    /// One object with its body.
    public func object(named uri: String, in calendar: CalendarID) throws -> StoredObject? {
        try query(
            "SELECT \(Self.metadataColumns), calendardata FROM calendarobjects WHERE calendarid = ? AND uri = ?",
            [.int(calendar.rawValue), .text(uri)]
        ).first.map { Self.object(from: $0, withData: true) }
    }

    /// One object, last committed version, row locked until the transaction ends.
    ///
    /// Locks the calendar's `calendars` row first, in the same statement (the LEFT JOIN reads
    /// `calendars` by primary key before it probes `calendarobjects`): see `lockCalendar`.
    public func objectForUpdate(named uri: String, in calendar: CalendarID) throws -> StoredObject? {
        let rows = try query(
            "SELECT o.id IS NOT NULL, o.id, c.id, o.uri, o.etag, o.size, o.lastmodified, o.uid, o.componenttype, "
                + "o.firstoccurence, o.lastoccurence, o.almanac_scheduletag, o.calendardata FROM calendars c "
                + "LEFT JOIN calendarobjects o ON o.calendarid = c.id AND o.uri = ? WHERE c.id = ? FOR UPDATE",
            [.text(uri), .int(calendar.rawValue)])
        guard let row = rows.first else { return nil }
        markLocked(calendar)
        guard row.int(0) != 0 else { return nil }
        return Self.object(from: SQLRow(values: Array(row.values.dropFirst())), withData: true)
    }

    /// Several objects with their bodies, in uri order; missing names are absent.
    public func objects(named uris: [String], in calendar: CalendarID) throws -> [StoredObject] {
        var found: [StoredObject] = []
        for chunk in Self.chunks(Array(Set(uris)).sorted()) {
            let list = Self.placeholders(for: chunk) { .text($0) }
            found += try query(
                "SELECT \(Self.metadataColumns), calendardata FROM calendarobjects WHERE calendarid = ? "
                    + "AND uri IN (\(list.sql)) ORDER BY uri",
                [.int(calendar.rawValue)] + list.values
            ).map { Self.object(from: $0, withData: true) }
        }
        return found.sorted { $0.uri < $1.uri }
    }

    /// Streams objects in uri order, filtered in the database, one row at a time.
    public func forEachObject(
        in calendar: CalendarID, componentType: String?, overlapping range: (start: Int64?, end: Int64?)?,
        withData: Bool, _ body: (StoredObject) throws -> Bool
    ) throws {
        var sql = "SELECT \(Self.metadataColumns)\(withData ? ", calendardata" : "") FROM calendarobjects "
            + "WHERE calendarid = ?"
        var parameters: [SQLValue] = [.int(calendar.rawValue)]
        if let componentType {
            sql += " AND componenttype = ?"
            parameters.append(.text(componentType))
        }
        // A conservative prefilter (inclusive bounds); the engine does the exact RFC 4791 test.
        if let start = range?.start {
            sql += " AND (lastoccurence IS NULL OR lastoccurence >= ?)"
            parameters.append(.int(start))
        }
        if let end = range?.end {
            sql += " AND (firstoccurence IS NULL OR firstoccurence <= ?)"
            parameters.append(.int(end))
        }
        sql += " ORDER BY uri"
        try stream(sql, parameters) { row in try body(Self.object(from: row, withData: withData)) }
    }

    /// The uri of the object with this UID in a calendar, if any.
    public func objectURI(forUID uid: String, in calendar: CalendarID) throws -> String? {
        try query(
            "SELECT uri FROM calendarobjects WHERE calendarid = ? AND uid = ? ORDER BY id LIMIT 1",
            [.int(calendar.rawValue), .text(uid)]
        ).first?.optionalString(0)
    }

    /// Inserts or replaces an object and records the change; true when created.
    @discardableResult
    public func putObject(_ write: ObjectWrite, in calendar: CalendarID) throws -> Bool {
        try transaction {
            try lockCalendar(calendar)
            let existing = try query(
                "SELECT id FROM calendarobjects WHERE calendarid = ? AND uri = ? FOR UPDATE",
                [.int(calendar.rawValue), .text(write.uri)]
            ).first
            let index = write.index
            let fields: [SQLValue] = [
                .bytes(Array(write.data.utf8)), .int(write.lastModified), .text(write.etag), .int(Int64(write.size)),
                .optional(index.componentType), .optional(index.firstOccurrence), .optional(index.lastOccurrence),
                .optional(index.uid), .optional(write.scheduleTag),
            ]
            if let existing {
                try execute(
                    "UPDATE calendarobjects SET calendardata = ?, lastmodified = ?, etag = ?, size = ?, "
                        + "componenttype = ?, firstoccurence = ?, lastoccurence = ?, uid = ?, almanac_scheduletag = ? "
                        + "WHERE id = ?", fields + [.int(existing.int(0))])
            } else {
                try execute(
                    "INSERT INTO calendarobjects (calendardata, lastmodified, etag, size, componenttype, "
                        + "firstoccurence, lastoccurence, uid, almanac_scheduletag, calendarid, uri) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    fields + [.int(calendar.rawValue), .text(write.uri)])
            }
            try recordChange(in: calendar, uri: write.uri, operation: existing == nil ? .added : .modified)
            return existing == nil
        }
    }

    /// Inserts or replaces an object the caller has just read locked, without looking it up again.
    @discardableResult
    public func putObject(_ write: ObjectWrite, in calendar: CalendarID, exists: Bool) throws -> Bool {
        try transaction {
            // No lockCalendar here: after objectForUpdate it is held; a new server-made copy
            // (scheduling) takes it with recordChange's bump, its INSERT having locked only its new row.
            let index = write.index
            let fields: [SQLValue] = [
                .bytes(Array(write.data.utf8)), .int(write.lastModified), .text(write.etag), .int(Int64(write.size)),
                .optional(index.componentType), .optional(index.firstOccurrence), .optional(index.lastOccurrence),
                .optional(index.uid), .optional(write.scheduleTag),
            ]
            if exists {
                let updated = try execute(
                    "UPDATE calendarobjects SET calendardata = ?, lastmodified = ?, etag = ?, size = ?, "
                        + "componenttype = ?, firstoccurence = ?, lastoccurence = ?, uid = ?, almanac_scheduletag = ? "
                        + "WHERE calendarid = ? AND uri = ?", fields + [.int(calendar.rawValue), .text(write.uri)])
                // The connection uses CLIENT_FOUND_ROWS: 0 means no row matched, not "unchanged".
                if updated.affectedRows == 0 { throw StorageError.notFound("object \(write.uri)") }
            } else {
                try execute(
                    "INSERT INTO calendarobjects (calendardata, lastmodified, etag, size, componenttype, "
                        + "firstoccurence, lastoccurence, uid, almanac_scheduletag, calendarid, uri) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    fields + [.int(calendar.rawValue), .text(write.uri)])
            }
            try recordChange(in: calendar, uri: write.uri, operation: exists ? .modified : .added)
            return !exists
        }
    }

    /// Deletes an object and records the change (3).
    public func deleteObject(named uri: String, in calendar: CalendarID) throws {
        try transaction {
            try lockCalendar(calendar)
            let deleted = try execute(
                "DELETE FROM calendarobjects WHERE calendarid = ? AND uri = ?", [.int(calendar.rawValue), .text(uri)])
            if deleted.affectedRows == 0 { throw StorageError.notFound("object \(uri)") }
            try recordChange(in: calendar, uri: uri, operation: .deleted)
        }
    }

    /// Changes since `token` (inclusive), last per uri; nil for a token outside [1, current].
    ///
    /// With a `limit`, the set stops after that many log rows and `newToken` points just past
    /// the last one returned, so the client's next request continues there (RFC 6578 §3.6).
    public func changes(in calendar: CalendarID, since token: Int64, limit: Int?) throws -> ChangeSet? {
        guard
            let current = try query("SELECT synctoken FROM calendars WHERE id = ?", [.int(calendar.rawValue)]).first?
                .int(0)
        else { throw StorageError.notFound("calendar \(calendar.rawValue)") }
        guard token >= 1, token <= current else { return nil }
        var sql = "SELECT uri, operation, synctoken FROM calendarchanges WHERE calendarid = ? AND synctoken >= ? "
            + "AND synctoken < ? ORDER BY synctoken, id"
        var parameters: [SQLValue] = [.int(calendar.rawValue), .int(token), .int(current)]
        if let limit {
            sql += " LIMIT ?"
            parameters.append(.int(Int64(max(limit, 0))))
        }
        let rows = try query(sql, parameters)
        var order: [String] = []
        var last: [String: ChangeOperation] = [:]
        var created: Set<String> = []
        for row in rows {
            let uri = row.string(0)
            let operation = ChangeOperation(rawValue: Int(row.int(1))) ?? .modified
            if last[uri] == nil {
                order.append(uri)
                if operation == .added { created.insert(uri) }
            } else {
                order.removeAll { $0 == uri }
                order.append(uri)
            }
            last[uri] = operation
        }
        var newToken = current
        if let limit, rows.count >= limit, let final = rows.last { newToken = final.int(2) + 1 }
        return ChangeSet(changes: order.map { ($0, last[$0]!) }, newToken: newToken, created: created)
    }
}
