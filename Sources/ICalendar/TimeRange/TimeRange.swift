/// A CALDAV:time-range: UTC instants `[start, end)`, either bound optional (RFC 4791 §9.9).
public struct TimeRange: Hashable, Sendable {
    /// Inclusive start in seconds since the epoch (UTC); nil = unbounded.
    public var start: Int64?
    /// Exclusive end in seconds since the epoch (UTC); nil = unbounded.
    public var end: Int64?

    /// Creates a range; both bounds are UTC seconds since the epoch, clamped to about ±9 500 years.
    public init(start: Int64? = nil, end: Int64? = nil) {
        self.start = start.map(Self.clamp)
        self.end = end.map(Self.clamp)
    }

    /// Bounds beyond any calendar date keep window arithmetic (margins, widening) from overflowing.
    static func clamp(_ t: Int64) -> Int64 { Swift.min(Swift.max(t, -300_000_000_000), 300_000_000_000) }

    /// The range with no bounds.
    public static let unbounded = TimeRange()

    /// Whether an interval `[from, to)` overlaps the range; an instant (`from == to`) overlaps when `start <= from < end` (RFC 4791 §9.9).
    public func overlaps(from: Int64, to: Int64) -> Bool {
        if to > from {
            return (start.map { $0 < to } ?? true) && (end.map { from < $0 } ?? true)
        }
        return (start.map { $0 <= from } ?? true) && (end.map { from < $0 } ?? true)
    }

    /// Whether `start <= t < end`.
    public func contains(_ t: Int64) -> Bool {
        (start.map { $0 <= t } ?? true) && (end.map { t < $0 } ?? true)
    }
}
