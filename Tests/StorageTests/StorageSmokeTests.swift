import Testing
@testable import Storage

@Test func StorageBuilds() { #expect(Bool(true)) }
