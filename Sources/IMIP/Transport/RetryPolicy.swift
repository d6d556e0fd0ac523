/// When to try a failed delivery again, and when to give up (RFC 5321 §4.5.4.1).
///
/// A pure function of the attempt count: 1, 5, 15 minutes, 1, 2, 4 hours, then
/// every 4 hours until two days have passed since the first attempt.
public struct RetryPolicy: Sendable, Equatable {
    /// Seconds to wait after the 1st, 2nd, … failure; the last one repeats.
    public var delays: [Int64]
    /// Total waiting after which the mail is given up.
    public var giveUpAfter: Int64

    /// Creates a policy.
    public init(delays: [Int64] = [60, 300, 900, 3600, 7200, 14_400], giveUpAfter: Int64 = 172_800) {
        self.delays = delays.isEmpty ? [3600] : delays
        self.giveUpAfter = giveUpAfter
    }

    /// The delay after the `failures`-th failure (1-based).
    public func delay(afterFailures failures: Int) -> Int64 {
        delays[min(max(failures, 1), delays.count) - 1]
    }

    /// Seconds waited in total once `failures` delays have passed.
    public func totalWait(afterFailures failures: Int) -> Int64 {
        (1...max(failures, 1)).reduce(0) { $0 + delay(afterFailures: $1) }
    }

    /// The time of the next attempt after `failures` failed attempts (this one included),
    /// or nil when the mail must be given up: the error is permanent or the time is used up.
    public func nextAttempt(afterFailures failures: Int, now: Int64, error: MailTransportError) -> Int64? {
        guard error.isTransient, failures >= 1 else { return nil }
        guard totalWait(afterFailures: failures) <= giveUpAfter else { return nil }
        return now + delay(afterFailures: failures)
    }
}
