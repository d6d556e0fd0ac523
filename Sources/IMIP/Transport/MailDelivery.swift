/// One delivery attempt of a queued mail and what to record afterwards (RFC 5321 §4.5.4.1, RFC 6638 §3.2.9).
///
/// The queue itself lives in storage; this is the decision the sender loop
/// makes for each due mail: mark it sent, retry it at a time, or give it up.
public enum MailDelivery {
    /// What happened to one attempt.
    public enum Outcome: Equatable, Sendable {
        /// Handed to the mail system; remove from the queue, SCHEDULE-STATUS 1.1.
        case sent
        /// Failed for now; try again at `at` (Unix seconds).
        case retry(at: Int64, reason: String)
        /// Failed for good; drop it, SCHEDULE-STATUS 5.1.
        case failed(reason: String)

        /// The SCHEDULE-STATUS to stamp on the organizer's copy, if it changes.
        public var scheduleStatus: IMIPDeliveryStatus? {
            switch self {
            case .sent: return .sent
            case .retry: return nil
            case .failed: return .failed
            }
        }
    }

    /// Sends a message that already failed `previousFailures` times and decides what comes next.
    public static func attempt(
        message: String, from sender: String, to recipient: String, previousFailures: Int, now: Int64,
        transport: some MailTransport, policy: RetryPolicy = RetryPolicy()
    ) -> Outcome {
        do {
            try transport.send(message, from: sender, to: [recipient])
            return .sent
        } catch {
            if let next = policy.nextAttempt(afterFailures: previousFailures + 1, now: now, error: error) {
                return .retry(at: next, reason: error.message)
            }
            return .failed(reason: error.message)
        }
    }
}
