import ArgumentParser
import MariaDBStore

/// `almanac db …`: schema management.
struct Database: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Create, check or upgrade the database schema.",
        subcommands: [Init.self, Check.self, Upgrade.self])

    /// `almanac db init`.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the sabre/dav 4.x tables and Almanac's additions in an empty database.")
        @OptionGroup var common: CommonOptions
        @Flag(name: .customLong("if-empty"), help: "Do nothing (successfully) when the database has tables.")
        var ifEmpty = false

        func run() throws {
            let connection = MariaDBConnection(configuration: try common.settings().database())
            let schema = SchemaManager(connection: connection)
            if ifEmpty, try !schema.isEmpty() {
                print("database has tables; left as it is")
                return
            }
            try schema.initialize()
            print("schema created (\(try schema.tableNames().count) tables)")
        }
    }

    /// `almanac db check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare the database with the sabre/dav 4.x schema and list every difference.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let connection = MariaDBConnection(configuration: try common.settings().database())
            let report = try SchemaManager(connection: connection).check()
            for difference in report.differences { print("DIFFERENT: \(difference)") }
            for missing in report.missingAdditions { print("UPGRADE: Almanac addition missing: \(missing)") }
            for note in report.notes { print("NOTE: \(note)") }
            if report.matchesSabre {
                print("OK: the sabre/dav 4.x tables match")
                if !report.missingAdditions.isEmpty { print("run `almanac db upgrade` to add Almanac's tables/columns") }
            } else {
                print("FAILED: \(report.differences.count) difference(s) from the sabre/dav 4.x schema")
                throw ExitCode(1)
            }
        }
    }

    /// `almanac db upgrade`.
    struct Upgrade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply Almanac's additive changes (idempotent; sabre keeps working).")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let connection = MariaDBConnection(configuration: try common.settings().database())
            let schema = SchemaManager(connection: connection)
            if try schema.isEmpty() {
                throw ValidationError("the database is empty: run `almanac db init` first")
            }
            let applied = try schema.upgrade()
            print(applied.isEmpty ? "up to date" : "added: \(applied.joined(separator: ", "))")
        }
    }
}
