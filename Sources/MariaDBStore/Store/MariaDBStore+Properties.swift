import Storage

extension MariaDBStore: PropertyStore {
    private static func property(from row: SQLRow) -> DeadProperty {
        DeadProperty(
            path: row.string(0), name: row.string(1), valueType: Int(row.optionalInt(2) ?? 1),
            value: row[3].bytes ?? [])
    }

    /// Every dead property stored for one path.
    public func deadProperties(path: String) throws -> [DeadProperty] {
        try query(
            "SELECT path, name, valuetype, value FROM propertystorage WHERE path = ? ORDER BY id", [.text(path)]
        ).map(Self.property)
    }

    /// Dead properties of several paths, in one query per 64 paths.
    public func deadProperties(paths: [String]) throws -> [DeadProperty] {
        var found: [DeadProperty] = []
        for chunk in Self.chunks(Array(Set(paths)).sorted()) {
            let list = Self.placeholders(for: chunk) { .text($0) }
            found += try query(
                "SELECT path, name, valuetype, value FROM propertystorage WHERE path IN (\(list.sql)) ORDER BY id",
                list.values
            ).map(Self.property)
        }
        return found
    }

    /// Inserts or replaces one property (sabre uses REPLACE on the path/name key too).
    public func setDeadProperty(_ property: DeadProperty) throws {
        try execute(
            "REPLACE INTO propertystorage (path, name, valuetype, value) VALUES (?, ?, ?, ?)",
            [.text(property.path), .text(property.name), .int(Int64(property.valueType)), .bytes(property.value)])
    }

    /// Removes one property.
    public func removeDeadProperty(path: String, name: String) throws {
        try execute("DELETE FROM propertystorage WHERE path = ? AND name = ?", [.text(path), .text(name)])
    }

    /// Removes every property of a path and of the paths below it.
    public func removeDeadProperties(pathPrefix: String) throws {
        try execute(
            "DELETE FROM propertystorage WHERE path = ? OR path LIKE ?",
            [.text(pathPrefix), .text(Self.likePrefix(pathPrefix + "/"))])
    }
}

extension MariaDBStore: InboxStore {
    private static func item(from row: SQLRow, withData: Bool) -> InboxItem {
        InboxItem(
            id: row.int(0), principalURI: row.string(1), uri: row.string(2), data: withData ? row.string(6) : nil,
            etag: row.string(3), size: Int(row.int(4)), lastModified: row.int(5))
    }

    /// Items in a principal's inbox, metadata only unless `withData`.
    public func inboxItems(ofPrincipal principalURI: String, withData: Bool) throws -> [InboxItem] {
        let data = withData ? ", calendardata" : ""
        return try query(
            "SELECT id, principaluri, uri, etag, size, lastmodified\(data) FROM schedulingobjects "
                + "WHERE principaluri = ? ORDER BY id", [.text(principalURI)]
        ).map { Self.item(from: $0, withData: withData) }
    }

    /// One item with its body.
    public func inboxItem(ofPrincipal principalURI: String, named uri: String) throws -> InboxItem? {
        try query(
            "SELECT id, principaluri, uri, etag, size, lastmodified, calendardata FROM schedulingobjects "
                + "WHERE principaluri = ? AND uri = ?", [.text(principalURI), .text(uri)]
        ).first.map { Self.item(from: $0, withData: true) }
    }

    /// Inserts an item.
    public func putInboxItem(
        principalURI: String, uri: String, data: String, etag: String, size: Int, lastModified: Int64
    ) throws {
        try execute(
            "INSERT INTO schedulingobjects (principaluri, calendardata, uri, lastmodified, etag, size) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
            [.text(principalURI), .bytes(Array(data.utf8)), .text(uri), .int(lastModified), .text(etag), .int(Int64(size))])
    }

    /// Deletes an item.
    public func deleteInboxItem(ofPrincipal principalURI: String, named uri: String) throws {
        let deleted = try execute(
            "DELETE FROM schedulingobjects WHERE principaluri = ? AND uri = ?", [.text(principalURI), .text(uri)])
        if deleted.affectedRows == 0 { throw StorageError.notFound("inbox item \(uri)") }
    }
}
