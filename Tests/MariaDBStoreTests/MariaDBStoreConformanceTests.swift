import MariaDBStore
import Storage
import Testing

/// The shared storage conformance suite, run against the sabre tables in MariaDB.
@Suite struct MariaDBStoreConformanceTests {
    @Test(arguments: StoreConformance.checks.map(\.name))
    func conformance(_ name: String) throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let check = try #require(StoreConformance.checks.first { $0.name == name })
        try check.run(MariaDBStore(configuration: configuration))
    }
}
