import Testing
@testable import MariaDBStore

@Test func MariaDBStoreBuilds() { #expect(Bool(true)) }
