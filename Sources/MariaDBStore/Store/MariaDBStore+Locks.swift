import Storage

extension MariaDBStore: LockStore {
    /// Locks on `uri`, on its ancestors with depth infinity, and (optionally) below it; live at `now`.
    public func locks(for uri: String, includeChildren: Bool, now: Int64) throws -> [LockRecord] {
        let trimmed = uri.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var ancestors: [String] = []
        var path = ""
        for segment in trimmed.dropLast() {
            path = path.isEmpty ? segment : path + "/" + segment
            ancestors.append(path)
        }
        var sql = "SELECT owner, timeout, created, token, scope, depth, uri FROM locks WHERE created > ? - timeout "
            + "AND (uri = ?"
        var parameters: [SQLValue] = [.int(now), .text(uri)]
        if !ancestors.isEmpty {
            let list = Self.placeholders(for: ancestors) { .text($0) }
            sql += " OR (depth <> 0 AND uri IN (\(list.sql)))"
            parameters += list.values
        }
        if includeChildren {
            sql += " OR uri LIKE ?"
            parameters.append(.text(Self.likePrefix(uri.hasSuffix("/") ? uri : uri + "/")))
        }
        sql += ") ORDER BY id"
        return try query(sql, parameters).map { row in
            LockRecord(
                owner: row.optionalString(0), timeout: row.int(1), created: row.int(2), token: row.string(3),
                scope: Int(row.int(4)), depth: Int(row.int(5)), uri: row.string(6))
        }
    }

    /// Creates or refreshes a lock by token.
    public func putLock(_ lock: LockRecord) throws {
        let values: [SQLValue] = [
            .optional(lock.owner), .int(lock.timeout), .int(lock.created), .int(Int64(lock.scope)),
            .int(Int64(lock.depth)), .text(lock.uri),
        ]
        try transaction {
            let updated = try execute(
                "UPDATE locks SET owner = ?, timeout = ?, created = ?, scope = ?, depth = ?, uri = ? WHERE token = ?",
                values + [.text(lock.token)])
            if updated.affectedRows == 0 {
                try execute(
                    "INSERT INTO locks (owner, timeout, created, scope, depth, uri, token) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    values + [.text(lock.token)])
            }
        }
    }

    /// Removes a lock by token.
    public func removeLock(token: String, uri: String) throws {
        try execute("DELETE FROM locks WHERE uri = ? AND token = ?", [.text(uri), .text(token)])
    }
}

extension MariaDBStore: MailQueueStore {
    /// Queues a mail, due now.
    public func enqueueMail(
        sender: String, recipient: String, message: String, principalURI: String?, uid: String?, now: Int64
    ) throws {
        try execute(
            "INSERT INTO almanac_mailqueue (sender, recipient, message, principaluri, uid, attempts, nextattempt, "
                + "created) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
            [
                .text(sender), .text(recipient), .bytes(Array(message.utf8)), .optional(principalURI), .optional(uid),
                .int(now), .int(now),
            ])
    }

    /// Mails due at `now`, oldest first.
    public func dueMails(now: Int64, limit: Int) throws -> [QueuedMail] {
        try query(
            "SELECT id, sender, recipient, message, principaluri, uid, attempts, nextattempt FROM almanac_mailqueue "
                + "WHERE nextattempt <= ? ORDER BY nextattempt, id LIMIT ?", [.int(now), .int(Int64(limit))]
        ).map { row in
            QueuedMail(
                id: row.int(0), sender: row.string(1), recipient: row.string(2), message: row.string(3),
                principalURI: row.optionalString(4), uid: row.optionalString(5), attempts: Int(row.int(6)),
                nextAttempt: row.int(7))
        }
    }

    /// Claims due mails for this sender: `FOR UPDATE SKIP LOCKED` (MariaDB 10.6+) keeps two
    /// responders from taking the same rows; the lease moves `nextattempt` past `now`.
    public func claimDueMails(now: Int64, limit: Int, leaseUntil: Int64) throws -> [QueuedMail] {
        try transaction {
            let mails = try query(
                "SELECT id, sender, recipient, message, principaluri, uid, attempts, nextattempt FROM almanac_mailqueue "
                    + "WHERE nextattempt <= ? ORDER BY nextattempt, id LIMIT ? FOR UPDATE SKIP LOCKED",
                [.int(now), .int(Int64(limit))]
            ).map { row in
                QueuedMail(
                    id: row.int(0), sender: row.string(1), recipient: row.string(2), message: row.string(3),
                    principalURI: row.optionalString(4), uid: row.optionalString(5), attempts: Int(row.int(6)),
                    nextAttempt: row.int(7))
            }
            for mail in mails {
                try execute("UPDATE almanac_mailqueue SET nextattempt = ? WHERE id = ?", [.int(leaseUntil), .int(mail.id)])
            }
            return mails
        }
    }

    /// Removes a delivered mail.
    public func markMailSent(_ id: Int64) throws {
        try execute("DELETE FROM almanac_mailqueue WHERE id = ?", [.int(id)])
    }

    /// Records a failed attempt: retried at `retryAt`, or dropped when nil.
    public func markMailFailed(_ id: Int64, error: String, retryAt: Int64?) throws {
        if let retryAt {
            try execute(
                "UPDATE almanac_mailqueue SET attempts = attempts + 1, nextattempt = ?, lasterror = ? WHERE id = ?",
                [.int(retryAt), .text(error), .int(id)])
        } else {
            try execute("DELETE FROM almanac_mailqueue WHERE id = ?", [.int(id)])
        }
    }
}
