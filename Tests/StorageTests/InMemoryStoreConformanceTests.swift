import Storage
import Testing

/// The shared storage conformance suite against the in-memory store the engine tests use.
@Suite struct InMemoryStoreConformanceTests {
    @Test(arguments: StoreConformance.checks.map(\.name))
    func conformance(_ name: String) throws {
        let check = try #require(StoreConformance.checks.first { $0.name == name })
        try check.run(InMemoryStore())
    }
}
