import CalDAV
import IMIP
import ITIP
import Logging
import Storage

/// Sends the queued iMIP mail of `almanac_mailqueue` (RFC 6047) and records each final
/// outcome as SCHEDULE-STATUS on the copy that caused it (RFC 6638 §3.2.9).
///
/// Each mail is claimed with a lease before sending, so several responders on one
/// database never send the same mail at the same time; a sent mail is removed in its own
/// short transaction right after the transport accepted it. A crash (or lost database)
/// between the two can send it again once the lease runs out: at least once, not exactly
/// once, is what SMTP without a shared transaction allows.
struct MailSender<Store: CalendarStore> {
    /// The engine over this thread's own store: the queue and the status write path.
    let server: CalDAVServer<Store>
    let transport: any MailTransport
    var policy = RetryPolicy()
    /// Seconds a claimed mail stays invisible to other senders; longer than one SMTP attempt.
    var lease: Int64 = 600
    let logger: Logger

    var store: Store { server.store }

    /// Sends every mail due now, one claim at a time, until none is due or `shouldStop`.
    /// Returns how many mails were attempted.
    @discardableResult
    func sendDue(now: () -> Int64, shouldStop: () -> Bool = { false }) throws -> Int {
        var attempted = 0
        while !shouldStop() {
            let start = now()
            guard let mail = try store.claimDueMails(now: start, limit: 1, leaseUntil: start + lease).first else {
                break
            }
            attempted += 1
            send(mail, now: now)
        }
        return attempted
    }

    /// One attempt at one claimed mail, and what follows from it.
    func send(_ mail: QueuedMail, now: () -> Int64) {
        let outcome = MailDelivery.attempt(
            message: mail.message, from: mail.sender, to: mail.recipient, previousFailures: mail.attempts,
            now: now(), transport: transport, policy: policy)
        var log = logger
        log[metadataKey: "mail"] = "\(mail.id)"
        log[metadataKey: "to"] = "\(mail.recipient)"
        switch outcome {
        case .sent:
            record(mail, logger: log) { try store.markMailSent(mail.id) }
            log.info("imip: sent", metadata: ["attempt": "\(mail.attempts + 1)"])
        case .retry(let at, let reason):
            record(mail, logger: log) { try store.markMailFailed(mail.id, error: reason, retryAt: at) }
            log.warning("imip: will retry at \(at): \(reason)", metadata: ["attempt": "\(mail.attempts + 1)"])
        case .failed(let reason):
            record(mail, logger: log) { try store.markMailFailed(mail.id, error: reason, retryAt: nil) }
            log.error("imip: giving up: \(reason)", metadata: ["attempt": "\(mail.attempts + 1)"])
        }
        if let status = outcome.scheduleStatus {
            stamp(ScheduleStatus(status.rawValue), for: mail, logger: log)
        }
    }

    /// Writes the queue change in its own transaction, trying a few times: a mail that was
    /// sent but stays queued would be sent again when its lease runs out.
    private func record(_ mail: QueuedMail, logger: Logger, _ change: () throws -> Void) {
        for attempt in 1...3 {
            do {
                try store.transaction { try change() }
                return
            } catch {
                logger.error("imip: cannot update the mail queue (try \(attempt)): \(error)")
            }
        }
    }

    /// SCHEDULE-STATUS on the organizer's (or replying attendee's) copy.
    private func stamp(_ status: ScheduleStatus, for mail: QueuedMail, logger: Logger) {
        guard let principal = mail.principalURI, let uid = mail.uid else { return }
        do {
            try server.recordDeliveryStatus(status, recipient: mail.recipient, uid: uid, principal: principal)
        } catch {
            logger.error("imip: cannot record SCHEDULE-STATUS \(status.code) on \(principal) \(uid): \(error)")
        }
    }
}
