import ITIP
import Storage

/// Hands an iTIP message for a calendar user outside this server to another transport,
/// in practice iMIP mail (RFC 6047) through the additive mail queue table.
///
/// Called inside the storage transaction of the write that produced the message,
/// so a queued mail and the organizer's object commit or roll back together.
/// The executable implements it; a server without one answers 3.7 for remote recipients.
public protocol ExternalScheduleDelivery: Sendable {
    /// Queues `message` for its `recipient` on behalf of `sender` and returns the
    /// SCHEDULE-STATUS to record now: 1.0 (pending) when queued, 3.7 when the address
    /// cannot be reached, 5.x when refused; the sender later stamps 1.1 or 5.1 once the
    /// mail is sent or given up (RFC 6638 §3.2.9, RFC 5546 §3.6).
    func deliver<Queue: MailQueueStore>(
        _ message: ITIPMessage, sender: PrincipalRecord, queue: Queue, now: Int64
    ) throws -> ScheduleStatus
}
