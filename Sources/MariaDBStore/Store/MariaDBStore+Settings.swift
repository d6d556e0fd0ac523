import Storage

extension MariaDBStore {
    /// The value of a shared setting (`almanac_settings`); when it has none yet, stores `initial`
    /// first. Every responder on the database gets the same answer, whoever came first.
    public func sharedSetting(named name: String, initial: String) throws -> String {
        try transaction {
            try execute(
                "INSERT IGNORE INTO almanac_settings (name, value) VALUES (?, ?)", [.text(name), .text(initial)])
            guard
                let value = try query("SELECT value FROM almanac_settings WHERE name = ?", [.text(name)]).first?
                    .optionalString(0)
            else { throw StorageError.backend("setting \(name) could not be stored") }
            return value
        }
    }
}
