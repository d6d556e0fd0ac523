/// Per-user sending limits, so the server cannot be used to spam.
///
/// A value: the caller keeps one (e.g. behind a mutex), asks `admit` before
/// queueing a scheduling action's mails, and sends nothing when it refuses.
/// Clock values come in as arguments.
public struct RateLimiter: Sendable {
    /// Why mail was refused.
    public enum Decision: Equatable, Sendable {
        /// Go ahead; the messages are now counted.
        case allowed
        /// One action addresses more recipients than allowed.
        case tooManyRecipients(limit: Int)
        /// The user's hourly allowance is used up until `retryAfter`.
        case rateExceeded(limit: Int, retryAfter: Int64)
    }

    /// Messages one user may send per hour (0 = unlimited).
    public var maxMessagesPerHour: Int
    /// Recipients one scheduling action may mail (0 = unlimited).
    public var maxRecipientsPerMessage: Int
    /// Send times per user within the last hour.
    private var history: [String: [Int64]] = [:]

    /// Creates a limiter.
    public init(maxMessagesPerHour: Int = 100, maxRecipientsPerMessage: Int = 50) {
        self.maxMessagesPerHour = maxMessagesPerHour
        self.maxRecipientsPerMessage = maxRecipientsPerMessage
    }

    /// Checks one action of `user` mailing `recipients` people at `now` and, when allowed, counts it.
    public mutating func admit(user: String, recipients: Int, now: Int64) -> Decision {
        if maxRecipientsPerMessage > 0 && recipients > maxRecipientsPerMessage {
            return .tooManyRecipients(limit: maxRecipientsPerMessage)
        }
        let key = user.lowercased()
        var times = (history[key] ?? []).filter { $0 > now - 3600 }
        if maxMessagesPerHour > 0 && times.count + recipients > maxMessagesPerHour {
            // Free again when enough of the oldest sends have left the window.
            let needed = times.count + recipients - maxMessagesPerHour
            let retryAfter = needed <= times.count ? times.sorted()[needed - 1] + 3600 : now + 3600
            history[key] = times
            return .rateExceeded(limit: maxMessagesPerHour, retryAfter: retryAfter)
        }
        times.append(contentsOf: repeatElement(now, count: recipients))
        history[key] = times
        // Keep memory bounded: forget users with nothing in the window.
        if history.count > 10_000 { history = history.filter { $0.value.contains { $0 > now - 3600 } } }
        return .allowed
    }
}
