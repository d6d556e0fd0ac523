/// Bounds on recurrence expansion, so hostile or degenerate rules cannot hang a request (RFC 5545 §3.3.10, §8 security).
public struct RecurrenceLimits: Hashable, Sendable {
    /// At most this many instances are produced (counting those skipped over to reach a window).
    public var maxInstances: Int
    /// Expansion stops after examining this many days (or hours/minutes/seconds for sub-daily rules) without finding an instance.
    ///
    /// The default, 50 000 days, is about 137 years: far more than the longest
    /// gap of a sensible rule (a leap day that is a Monday comes every 28 years).
    public var maxIterationsWithoutMatch: Int

    /// Creates limits.
    public init(maxInstances: Int = 100_000, maxIterationsWithoutMatch: Int = 50_000) {
        self.maxInstances = maxInstances
        self.maxIterationsWithoutMatch = maxIterationsWithoutMatch
    }

    /// 100 000 instances, 50 000 days examined without an instance.
    public static let `default` = RecurrenceLimits()
}

/// Why an expansion stopped before the rule's own end (RFC 5545 §3.3.10).
public enum RecurrenceTruncation: Hashable, Sendable {
    /// `RecurrenceLimits.maxInstances` was reached.
    case instanceLimit
    /// `RecurrenceLimits.maxIterationsWithoutMatch` days (or sub-daily units) were examined without an instance.
    case iterationLimit
}
