import Testing

@testable import Storage

/// The conformance suite's own plumbing: it must fail loudly when a store misbehaves.
@Suite struct StoreConformanceTests {
    @Test func checkNamesAreUnique() {
        let names = StoreConformance.checks.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count >= 13)
    }

    @Test func expectEqualThrowsOnMismatch() {
        #expect(throws: ConformanceFailure.self) { try expectEqual(1, 2, "numbers") }
        #expect(throws: Never.self) { try expectEqual("a", "a", "letters") }
    }

    @Test func expectErrorRequiresTheRightError() {
        #expect(throws: ConformanceFailure.self) {
            try expectError(\.isConflict, "no error") {}
        }
        #expect(throws: ConformanceFailure.self) {
            try expectError(\.isConflict, "wrong error") { throw StorageError.notFound("x") }
        }
        #expect(throws: Never.self) {
            try expectError(\.isConflict, "right error") { throw StorageError.conflict("x") }
        }
    }

    @Test func threeDigitNamesSortNumerically() {
        #expect(StoreConformance.format3(7) == "007")
        #expect(StoreConformance.format3(70) == "070")
        #expect(StoreConformance.format3(123) == "123")
    }
}
