import Storage

extension MariaDBStore: PrincipalStore {
    private static let principalColumns = "id, uri, email, displayname"

    private static func principal(from row: SQLRow, offset: Int = 0) -> PrincipalRecord {
        PrincipalRecord(
            id: PrincipalID(row.int(offset)), uri: row.string(offset + 1), email: row.optionalString(offset + 2),
            displayName: row.optionalString(offset + 3))
    }

    /// The `users` row for a login name.
    public func user(named username: String) throws -> UserRecord? {
        try query("SELECT id, username, digesta1 FROM users WHERE username = ?", [.text(username)]).first.map {
            UserRecord(id: $0.int(0), username: $0.string(1), digestA1: $0.string(2))
        }
    }

    /// Every user, by name.
    public func users() throws -> [UserRecord] {
        try query("SELECT id, username, digesta1 FROM users ORDER BY username").map {
            UserRecord(id: $0.int(0), username: $0.string(1), digestA1: $0.string(2))
        }
    }

    /// Creates a `users` row.
    public func createUser(username: String, digestA1: String) throws {
        try execute("INSERT INTO users (username, digesta1) VALUES (?, ?)", [.text(username), .text(digestA1)])
    }

    /// Replaces a user's digest.
    public func setDigest(username: String, digestA1: String) throws {
        let result = try execute(
            "UPDATE users SET digesta1 = ? WHERE username = ?", [.text(digestA1), .text(username)])
        if result.affectedRows == 0 { throw StorageError.notFound("user \(username)") }
    }

    /// Deletes a `users` row.
    public func deleteUser(username: String) throws {
        let result = try execute("DELETE FROM users WHERE username = ?", [.text(username)])
        if result.affectedRows == 0 { throw StorageError.notFound("user \(username)") }
    }

    /// A principal by uri.
    public func principal(uri: String) throws -> PrincipalRecord? {
        try query("SELECT \(Self.principalColumns) FROM principals WHERE uri = ?", [.text(uri)]).first.map {
            Self.principal(from: $0)
        }
    }

    /// A principal by email, case-insensitively (the column is binary, so compare as text).
    public func principal(email: String) throws -> PrincipalRecord? {
        try query(
            "SELECT \(Self.principalColumns) FROM principals WHERE LOWER(CONVERT(email USING utf8mb4)) = LOWER(?) "
                + "ORDER BY id LIMIT 1", [.text(email)]
        ).first.map { Self.principal(from: $0) }
    }

    /// Every principal whose uri starts with `prefix`, by uri.
    public func principals(withPrefix prefix: String) throws -> [PrincipalRecord] {
        try query(
            "SELECT \(Self.principalColumns) FROM principals WHERE uri LIKE ? ORDER BY uri",
            [.text(Self.likePrefix(prefix))]
        ).map { Self.principal(from: $0) }
    }

    /// Creates a principal row and returns it.
    @discardableResult
    public func createPrincipal(uri: String, email: String?, displayName: String?) throws -> PrincipalRecord {
        let result = try execute(
            "INSERT INTO principals (uri, email, displayname) VALUES (?, ?, ?)",
            [.text(uri), .optional(email), .optional(displayName)])
        return PrincipalRecord(id: PrincipalID(result.insertID), uri: uri, email: email, displayName: displayName)
    }

    /// Updates email and display name.
    public func updatePrincipal(_ principal: PrincipalRecord) throws {
        let result = try execute(
            "UPDATE principals SET email = ?, displayname = ? WHERE id = ?",
            [.optional(principal.email), .optional(principal.displayName), .int(principal.id.rawValue)])
        if result.affectedRows == 0 { throw StorageError.notFound("principal \(principal.uri)") }
    }

    /// Deletes a principal row and its `groupmembers` rows.
    public func deletePrincipal(uri: String) throws {
        try transaction {
            guard let found = try principal(uri: uri) else { throw StorageError.notFound("principal \(uri)") }
            try execute(
                "DELETE FROM groupmembers WHERE principal_id = ? OR member_id = ?",
                [.int(found.id.rawValue), .int(found.id.rawValue)])
            try execute("DELETE FROM principals WHERE id = ?", [.int(found.id.rawValue)])
        }
    }

    /// Members of a group principal.
    public func members(of group: PrincipalID) throws -> [PrincipalRecord] {
        try query(
            "SELECT p.id, p.uri, p.email, p.displayname FROM groupmembers g JOIN principals p ON p.id = g.member_id "
                + "WHERE g.principal_id = ? ORDER BY p.uri", [.int(group.rawValue)]
        ).map { Self.principal(from: $0) }
    }

    /// Groups a principal belongs to.
    public func memberships(of member: PrincipalID) throws -> [PrincipalRecord] {
        try query(
            "SELECT p.id, p.uri, p.email, p.displayname FROM groupmembers g JOIN principals p ON p.id = g.principal_id "
                + "WHERE g.member_id = ? ORDER BY p.uri", [.int(member.rawValue)]
        ).map { Self.principal(from: $0) }
    }

    /// Replaces the member set of a group.
    public func setMembers(of group: PrincipalID, to members: [PrincipalID]) throws {
        try transaction {
            try execute("DELETE FROM groupmembers WHERE principal_id = ?", [.int(group.rawValue)])
            for member in Set(members).sorted() {
                try execute(
                    "INSERT INTO groupmembers (principal_id, member_id) VALUES (?, ?)",
                    [.int(group.rawValue), .int(member.rawValue)])
            }
        }
    }
}
