/// Bounds on recurrence expansion, so hostile or degenerate rules cannot hang a request (RFC 5545 §3.3.10, §8 security).
public struct RecurrenceLimits: Hashable, Sendable {
    /// At most this many instances are produced (counting those skipped over to reach a window).
    public var maxInstances: Int
    /// Expansion stops after this many consecutive periods (years, months, days… per FREQ) without an instance.
    public var maxIterationsWithoutMatch: Int

    /// Creates limits.
    public init(maxInstances: Int = 100_000, maxIterationsWithoutMatch: Int = 10_000) {
        self.maxInstances = maxInstances
        self.maxIterationsWithoutMatch = maxIterationsWithoutMatch
    }

    /// 100 000 instances, 10 000 empty periods.
    public static let `default` = RecurrenceLimits()
}

/// Why an expansion stopped before the rule's own end (RFC 5545 §3.3.10).
public enum RecurrenceTruncation: Hashable, Sendable {
    /// `RecurrenceLimits.maxInstances` was reached.
    case instanceLimit
    /// `RecurrenceLimits.maxIterationsWithoutMatch` consecutive periods produced nothing.
    case iterationLimit
}
