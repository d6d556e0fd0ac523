/// A busy period of a free-busy answer, UTC seconds `[start, end)` (RFC 5545 §3.8.2.6).
public struct BusyPeriod: Hashable, Sendable {
    /// Start, UTC seconds.
    public var start: Int64
    /// End (exclusive), UTC seconds.
    public var end: Int64
    /// FBTYPE.
    public var type: FreeBusyType

    /// Creates a period.
    public init(start: Int64, end: Int64, type: FreeBusyType) {
        self.start = start
        self.end = end
        self.type = type
    }
}
