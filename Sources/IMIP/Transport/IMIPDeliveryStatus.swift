/// The SCHEDULE-STATUS an organizer's copy gets for a mailed recipient (RFC 6638 §3.2.9, RFC 5546 §3.6).
public enum IMIPDeliveryStatus: String, Sendable {
    /// Queued, not yet handed to the mail system.
    case pending = "1.0"
    /// Handed to the mail system.
    case sent = "1.1"
    /// Finally failed.
    case failed = "5.1"
}
