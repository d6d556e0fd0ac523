import Foundation
import MariaDBStore
import Storage
import Testing

@Suite struct MariaDBConnectionTests {
    @Test func reconnectsAfterTheServerDroppedTheConnection() throws {
        let configuration = try TestDatabase.freshDatabase(withSchema: false)
        defer { TestDatabase.drop(configuration) }
        let connection = MariaDBConnection(configuration: configuration)
        let id = try #require(try connection.query("SELECT CONNECTION_ID()").first?[0].int)
        let admin = MariaDBConnection(configuration: configuration)
        try admin.execute("KILL CONNECTION ?", [.int(id)])
        // The cached statement fails with "server has gone away"; the connection reopens and retries once.
        let again = try #require(try connection.query("SELECT CONNECTION_ID()").first?[0].int)
        #expect(again != id)
    }

    @Test func noSilentRetryInsideATransaction() throws {
        let configuration = try TestDatabase.freshDatabase(withSchema: false)
        defer { TestDatabase.drop(configuration) }
        let connection = MariaDBConnection(configuration: configuration)
        let admin = MariaDBConnection(configuration: configuration)
        #expect(throws: MariaDBError.self) {
            try connection.transaction {
                let id = try connection.query("SELECT CONNECTION_ID()").first?[0].int ?? 0
                try admin.execute("KILL CONNECTION ?", [.int(id)])
                _ = try connection.query("SELECT 1")
            }
        }
        #expect(try connection.query("SELECT 1").first?[0].int == 1)
    }

    @Test func countsStatementsAndCachesThem() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        let before = store.statementCount
        _ = try store.user(named: "nobody")
        _ = try store.user(named: "somebody")
        #expect(store.statementCount == before + 2)
    }

    @Test func largeBodiesRoundTripByteForByte() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        let calendar = try store.createCalendar(
            principalURI: "principals/a", uri: "c", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        let line = "DESCRIPTION:ünïcødé \u{1F4C5} text that repeats to exceed the bound buffer\r\n"
        let body = "BEGIN:VCALENDAR\r\n" + String(repeating: line, count: 3000) + "END:VCALENDAR\r\n"
        let write = ObjectWrite(
            uri: "big.ics", data: body, etag: "e", size: body.utf8.count, lastModified: 1,
            index: ObjectIndex(uid: "u", componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil))
        try store.putObject(write, in: calendar)
        #expect(try store.object(named: "big.ics", in: calendar)?.data == body)
        var streamed: String?
        try store.forEachObject(in: calendar, componentType: nil, overlapping: nil, withData: true) {
            streamed = $0.data
            return true
        }
        #expect(streamed == body)
    }

    @Test func duplicateKeysBecomeConflicts() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        try store.createPrincipal(uri: "principals/x", email: nil, displayName: nil)
        #expect(throws: StorageError.self) { try store.createPrincipal(uri: "principals/x", email: nil, displayName: nil) }
    }
}

@Suite struct MariaDBConfigurationTests {
    @Test func parsesTCPURLs() throws {
        let configuration = try MariaDBConfiguration(url: "mysql://sabre:p%40ss%3Aword@db.example.com:3307/caldav")
        #expect(configuration.host == "db.example.com")
        #expect(configuration.port == 3307)
        #expect(configuration.user == "sabre")
        #expect(configuration.password == "p@ss:word")
        #expect(configuration.database == "caldav")
        #expect(configuration.socket == nil)
        #expect(configuration.redacted == "mysql://sabre:***@db.example.com:3307/caldav")
    }

    @Test func parsesSocketURLs() throws {
        let configuration = try MariaDBConfiguration(url: "mysql://root@localhost/almanac?socket=/run/mysqld/mysqld.sock")
        #expect(configuration.host == "localhost")
        #expect(configuration.user == "root")
        #expect(configuration.password == "")
        #expect(configuration.socket == "/run/mysqld/mysqld.sock")
        #expect(configuration.port == 3306)
    }

    @Test func rejectsBadURLs() {
        #expect(throws: MariaDBError.self) { try MariaDBConfiguration(url: "postgres://x@y/z") }
        #expect(throws: MariaDBError.self) { try MariaDBConfiguration(url: "mysql://x@y") }
        #expect(throws: MariaDBError.self) { try MariaDBConfiguration(url: "mysql://x@y:port/db") }
        #expect(throws: MariaDBError.self) { try MariaDBConfiguration(url: "mysql://x@y/db?sock=/a") }
    }
}

@Suite struct SchemaManagerTests {
    @Test func freshSchemaMatchesTheContract() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let report = try SchemaManager(connection: MariaDBConnection(configuration: configuration)).check()
        #expect(report.differences == [])
        #expect(report.missingAdditions == [])
    }

    @Test func reportsMissingAdditionsAndUpgradeAddsThem() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let connection = MariaDBConnection(configuration: configuration)
        try connection.runScript(
            "ALTER TABLE calendarobjects DROP COLUMN almanac_scheduletag; DROP TABLE almanac_mailqueue; "
                + "DROP INDEX almanac_uid ON calendarobjects")
        let schema = SchemaManager(connection: connection)
        #expect(
            try schema.check().missingAdditions == [
                "column calendarobjects.almanac_scheduletag", "table almanac_mailqueue", "index calendarobjects.almanac_uid",
            ])
        #expect(try schema.check().matchesSabre)
        #expect(try schema.upgrade().count == 3)
        #expect(try schema.check().missingAdditions == [])
        #expect(try schema.upgrade() == [])
    }

    @Test func embeddedSQLMatchesTheFiles() throws {
        let sabre = try String(contentsOf: TestDatabase.projectRoot.appendingPathComponent("sql/sabre-4.sql"), encoding: .utf8)
        let almanac = try String(contentsOf: TestDatabase.projectRoot.appendingPathComponent("sql/almanac-1.sql"), encoding: .utf8)
        #expect(SchemaSQL.sabre + "\n" == sabre, "run scripts/embed-sql.sh")
        #expect(SchemaSQL.almanac + "\n" == almanac, "run scripts/embed-sql.sh")
    }
}
