import Foundation
import MariaDBStore

/// A private MariaDB for the test process, and a fresh database with the schema per test.
///
/// Uses `ALMANAC_TEST_DB_URL` (any database on the server; tests create their own
/// `almanac_test_*` databases next to it) when set, as `make test` does; otherwise
/// starts a private server with scripts/mariadb.sh and stops it when the process exits.
enum TestDatabase {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Connection settings for the server (database = the admin database).
    static let server: Result<MariaDBConfiguration, Error> = Result {
        if let url = ProcessInfo.processInfo.environment["ALMANAC_TEST_DB_URL"], !url.isEmpty {
            return try MariaDBConfiguration(url: url)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-swift-test-\(getpid())").path
        try runScript(["start", dir, "almanac_admin"])
        startedDirectory = dir
        atexit {
            if let dir = TestDatabase.startedDirectory {
                _ = try? TestDatabase.runScript(["stop", dir])
                try? FileManager.default.removeItem(atPath: dir)
            }
        }
        return MariaDBConfiguration(user: "root", database: "almanac_admin", socket: dir + "/mysqld.sock")
    }

    /// Written once inside `server`'s thread-safe lazy initializer, read only at exit.
    nonisolated(unsafe) static var startedDirectory: String?

    /// Runs scripts/mariadb.sh with posix_spawn + waitpid (Foundation's Process can stall
    /// inside swift-testing's thread pool).
    static func runScript(_ arguments: [String]) throws {
        let path = projectRoot.appendingPathComponent("scripts/mariadb.sh").path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, nil, nil, argv, environ) == 0 else {
            throw MariaDBError(code: 0, message: "cannot run \(path)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else { throw MariaDBError(code: 0, message: "scripts/mariadb.sh \(arguments) failed") }
    }

    /// A new, empty database on the test server (with Almanac's schema unless told otherwise).
    static func freshDatabase(withSchema: Bool = true) throws -> MariaDBConfiguration {
        var configuration = try server.get()
        let admin = MariaDBConnection(configuration: configuration)
        let name = "almanac_test_\(UInt32.random(in: 0...UInt32.max))_\(UInt32.random(in: 0...UInt32.max))"
        try admin.runScript("CREATE DATABASE \(name) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
        configuration.database = name
        if withSchema {
            try SchemaManager(connection: MariaDBConnection(configuration: configuration)).initialize()
        }
        return configuration
    }

    /// Drops a database made by `freshDatabase`.
    static func drop(_ configuration: MariaDBConfiguration) {
        guard let admin = try? server.get() else { return }
        _ = try? MariaDBConnection(configuration: admin).runScript("DROP DATABASE IF EXISTS \(configuration.database)")
    }
}
