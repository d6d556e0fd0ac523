/// A failed expectation in the storage conformance suite.
public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var message: String
    /// Where the expectation is written.
    public var line: Int
    /// Readable form.
    public var description: String { "StoreConformance line \(line): \(message)" }
}

/// One named check of the suite; `run` gets a fresh, empty store.
public struct ConformanceCheck: Sendable {
    /// Short name, for test output.
    public var name: String
    /// Runs the check; throws `ConformanceFailure` (or the store's error) on failure.
    public var run: @Sendable (any CalendarStore) throws -> Void
}

func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
    if !condition { throw ConformanceFailure(message: message(), line: line) }
}

func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: Int = #line) throws {
    if actual != expected {
        throw ConformanceFailure(message: "\(what): got \(actual), expected \(expected)", line: line)
    }
}

func expectError(_ expected: (StorageError) -> Bool, _ what: String, line: Int = #line, _ body: () throws -> Void)
    throws
{
    do {
        try body()
    } catch let error as StorageError {
        if !expected(error) { throw ConformanceFailure(message: "\(what): wrong error \(error)", line: line) }
        return
    }
    throw ConformanceFailure(message: "\(what): expected an error", line: line)
}

extension StorageError {
    var isConflict: Bool { if case .conflict = self { return true } else { return false } }
    var isNotFound: Bool { if case .notFound = self { return true } else { return false } }
}
