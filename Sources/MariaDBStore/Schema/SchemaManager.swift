/// Creates, checks and upgrades the database schema (`almanac db init|check|upgrade`).
public struct SchemaManager {
    /// What `check` found.
    public struct Report: Sendable {
        /// Differences from the sabre/dav 4.x contract; empty means sabre-compatible.
        public var differences: [String]
        /// Almanac additions not yet applied (`almanac db upgrade` adds them).
        public var missingAdditions: [String]
        /// Harmless observations (extra columns or tables).
        public var notes: [String]
        /// True when the sabre tables match the contract.
        public var matchesSabre: Bool { differences.isEmpty }
    }

    /// The connection to work on.
    public let connection: MariaDBConnection

    /// Creates a manager on a connection.
    public init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Names of the base tables in the connected database.
    public func tableNames() throws -> [String] {
        try connection.query(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"
        ).map { $0.string(0) }
    }

    /// True when the database has no tables at all.
    public func isEmpty() throws -> Bool { try tableNames().isEmpty }

    /// Loads the sabre tables and Almanac's additions into an empty database.
    public func initialize() throws {
        let existing = try tableNames()
        guard existing.isEmpty else {
            throw MariaDBError(
                code: 0, message: "database is not empty (\(existing.count) tables); use `almanac db check`/`upgrade`")
        }
        try connection.runScript(SchemaSQL.sabre)
        try connection.runScript(SchemaSQL.almanac)
    }

    /// Applies Almanac's additive changes; returns what was missing before.
    @discardableResult
    public func upgrade() throws -> [String] {
        let missing = try check().missingAdditions
        try connection.runScript(SchemaSQL.almanac)
        return missing
    }

    /// Compares the database with the sabre/dav 4.x contract.
    public func check() throws -> Report {
        var differences: [String] = []
        var notes: [String] = []
        var missing: [String] = []
        var tables: [String: (engine: String, collation: String)] = [:]
        for row in try connection.query(
            "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE'")
        {
            tables[row.string(0)] = (row.string(1), row.string(2))
        }
        var columns: [String: [SchemaContract.Column]] = [:]
        for row in try connection.query(
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")
        {
            let defaultValue = row.optionalString(4).flatMap { $0 == "NULL" ? nil : $0 }
            columns[row.string(0), default: []].append(
                SchemaContract.Column(
                    name: row.string(1), type: Self.normalize(type: row.string(2)), nullable: row.string(3) == "YES",
                    defaultValue: defaultValue))
        }
        var indexes: [String: [String: SchemaContract.Index]] = [:]
        for row in try connection.query(
            "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS "
                + "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")
        {
            let part = row.optionalInt(4).map { "\(row.string(3))(\($0))" } ?? row.string(3)
            var index = indexes[row.string(0), default: [:]][row.string(1)]
                ?? SchemaContract.Index(name: row.string(1), unique: row.int(2) == 0, columns: [])
            index.columns.append(part)
            indexes[row.string(0), default: [:]][row.string(1)] = index
        }

        for table in SchemaContract.sabreTables {
            guard let info = tables[table.name] else {
                differences.append("table \(table.name): missing")
                continue
            }
            if info.engine.lowercased() != "innodb" {
                differences.append("table \(table.name): engine is \(info.engine), expected InnoDB")
            }
            if info.collation != SchemaContract.collation {
                differences.append("table \(table.name): collation is \(info.collation), expected \(SchemaContract.collation)")
            }
            let actual = columns[table.name] ?? []
            for expected in table.columns {
                guard let found = actual.first(where: { $0.name == expected.name }) else {
                    differences.append("column \(table.name).\(expected.name): missing")
                    continue
                }
                if found.type != expected.type {
                    differences.append("column \(table.name).\(expected.name): type is \(found.type), expected \(expected.type)")
                }
                if found.nullable != expected.nullable {
                    differences.append(
                        "column \(table.name).\(expected.name): \(found.nullable ? "nullable" : "NOT NULL"), expected "
                            + (expected.nullable ? "nullable" : "NOT NULL"))
                }
                if found.defaultValue != expected.defaultValue {
                    differences.append(
                        "column \(table.name).\(expected.name): default is \(found.defaultValue ?? "none/NULL"), "
                            + "expected \(expected.defaultValue ?? "none/NULL")")
                }
            }
            for extra in actual where !table.columns.contains(where: { $0.name == extra.name }) {
                let ours = SchemaContract.almanacAdditions.contains { $0.table == table.name && $0.column == extra.name }
                if ours { continue }
                if !extra.nullable && extra.defaultValue == nil {
                    differences.append(
                        "column \(table.name).\(extra.name): extra NOT NULL column without default breaks sabre's inserts")
                } else {
                    notes.append("column \(table.name).\(extra.name): extra column (harmless)")
                }
            }
            let actualIndexes = indexes[table.name] ?? [:]
            for expected in table.indexes {
                guard let found = actualIndexes[expected.name] else {
                    differences.append("index \(table.name).\(expected.name): missing")
                    continue
                }
                if found.unique != expected.unique || found.columns != expected.columns {
                    differences.append(
                        "index \(table.name).\(expected.name): is \(Self.describe(found)), expected \(Self.describe(expected))")
                }
            }
            for name in actualIndexes.keys.sorted() where !table.indexes.contains(where: { $0.name == name }) {
                if SchemaContract.almanacIndexes.contains(where: { $0.table == table.name && $0.name == name }) { continue }
                notes.append("index \(table.name).\(name): extra index (harmless)")
            }
        }
        for addition in SchemaContract.almanacAdditions {
            if let column = addition.column {
                if !(columns[addition.table] ?? []).contains(where: { $0.name == column }) {
                    missing.append("column \(addition.table).\(column)")
                }
            } else if tables[addition.table] == nil {
                missing.append("table \(addition.table)")
            }
        }
        for index in SchemaContract.almanacIndexes where indexes[index.table]?[index.name] == nil {
            missing.append("index \(index.table).\(index.name)")
        }
        return Report(differences: differences, missingAdditions: missing, notes: notes)
    }

    /// Lower case, integer display widths removed: `int(11) unsigned` -> `int unsigned`.
    static func normalize(type: String) -> String {
        let characters = Array(type.lowercased())
        var result = ""
        var index = 0
        while index < characters.count {
            // Drop "(digits)" right after a word ending in "int" (tinyint, int, bigint...).
            if characters[index] == "(", result.hasSuffix("int"),
                let close = characters[index...].firstIndex(of: ")"),
                characters[(index + 1)..<close].allSatisfy(\.isNumber)
            {
                index = close + 1
                continue
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    private static func describe(_ index: SchemaContract.Index) -> String {
        "\(index.unique ? "UNIQUE " : "")(\(index.columns.joined(separator: ", ")))"
    }
}
