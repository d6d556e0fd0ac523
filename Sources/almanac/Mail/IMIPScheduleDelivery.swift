import CalDAV
import Foundation
import ICalendar
import IMIP
import ITIP
import Logging
import Storage
import Synchronization

/// Scheduling's way out to calendar users of other servers: each iTIP message becomes an
/// iMIP mail (RFC 6047) queued in `almanac_mailqueue` inside the scheduling transaction;
/// the mail sender loop sends it later and stamps the outcome (RFC 6638 §3.2.9).
struct IMIPScheduleDelivery: ExternalScheduleDelivery {
    let composer: IMIPComposer
    let limits: SendingLimits
    /// A fresh unique token (Message-ID local part, MIME boundaries).
    let makeID: @Sendable () -> String
    let logger: Logger

    /// Composes and queues the mail; 1.0 (pending) when queued, 3.7 for an address that is
    /// not a mailbox, 5.1 when a limit or the composer refuses (no mail then).
    func deliver<Queue: MailQueueStore>(
        _ message: ITIPMessage, sender: PrincipalRecord, queue: Queue, now: Int64
    ) throws -> ScheduleStatus {
        let recipient = MailAddress(message.recipient)
        guard CalendarAddress(message.recipient).isMailto, recipient.isValid else { return .invalidUser }
        let actionSize = Self.recipientCount(of: message)
        switch limits.admit(user: sender.uri, actionRecipients: actionSize, now: now) {
        case .allowed: break
        case .tooManyRecipients(let limit):
            logger.warning(
                "imip: not mailing \(recipient.address): \(actionSize) recipients, limit \(limit)",
                metadata: ["principal": "\(sender.uri)", "uid": "\(message.uid)"])
            return .deliveryFailed
        case .rateExceeded(let limit, let retryAfter):
            logger.warning(
                "imip: not mailing \(recipient.address): \(limit) mails per hour used up until \(retryAfter)",
                metadata: ["principal": "\(sender.uri)", "uid": "\(message.uid)"])
            return .deliveryFailed
        }
        let mail: ComposedMail
        do {
            let outgoing = IMIPOutgoing(message: message, previous: try previousVersion(of: message, sender, queue))
            mail = try composer.compose(outgoing, date: now, messageID: makeID(), makeBoundary: makeID)
        } catch {
            logger.error(
                "imip: cannot compose mail to \(recipient.address): \(error)",
                metadata: ["principal": "\(sender.uri)", "uid": "\(message.uid)"])
            return .deliveryFailed
        }
        try queue.enqueueMail(
            sender: mail.envelopeSender, recipient: mail.recipient, message: mail.message, principalURI: sender.uri,
            uid: message.uid, now: now)
        logger.info(
            "imip: queued \(message.method.rawValue) for \(mail.recipient)",
            metadata: ["principal": "\(sender.uri)", "uid": "\(message.uid)", "message-id": "\(mail.messageID)"])
        return .pending
    }

    /// For an update, the sender's stored copy as it was before this change (the write comes
    /// after delivery in the same transaction), so the mail can say what changed.
    private func previousVersion<Queue: MailQueueStore>(
        of message: ITIPMessage, _ sender: PrincipalRecord, _ queue: Queue
    ) throws -> ICalComponent? {
        guard message.change == .update || message.change == .reschedule,
            let store = queue as? any CalendarStore
        else { return nil }
        for calendar in try store.calendars(ofPrincipal: sender.uri) where calendar.access == .owner {
            if let uri = try store.objectURI(forUID: message.uid, in: calendar.calendarID),
                let data = try store.object(named: uri, in: calendar.calendarID)?.data
            {
                return try? ICalComponent.parse(data)
            }
        }
        return nil
    }

    /// How many people the scheduling action behind `message` addresses: the distinct
    /// attendees other than the organizer for what an organizer sends, one for a reply.
    static func recipientCount(of message: ITIPMessage) -> Int {
        switch message.method {
        case .reply, .refresh, .counter: return 1
        default: break
        }
        var organizers = Set<String>()
        var attendees = Set<String>()
        for component in message.calendar.components where component.name != "VTIMEZONE" {
            if let organizer = component.property("ORGANIZER") {
                organizers.insert(MailAddress.bareAddress(organizer.rawValue).lowercased())
            }
            for attendee in component.properties(named: "ATTENDEE") {
                attendees.insert(MailAddress.bareAddress(attendee.rawValue).lowercased())
            }
        }
        return max(1, attendees.subtracting(organizers).count)
    }
}

/// The per-user sending limits, shared by every worker thread of this process.
///
/// Counts are per process: several responders on one database each allow the limit.
final class SendingLimits: Sendable {
    private let limiter: Mutex<RateLimiter>

    init(maxPerHour: Int, maxRecipients: Int) {
        limiter = Mutex(RateLimiter(maxMessagesPerHour: maxPerHour, maxRecipientsPerMessage: maxRecipients))
    }

    /// Admits one mail of an action addressing `actionRecipients` people; counts it when allowed.
    func admit(user: String, actionRecipients: Int, now: Int64) -> RateLimiter.Decision {
        limiter.withLock { limiter in
            if limiter.maxRecipientsPerMessage > 0 && actionRecipients > limiter.maxRecipientsPerMessage {
                return .tooManyRecipients(limit: limiter.maxRecipientsPerMessage)
            }
            return limiter.admit(user: user, recipients: 1, now: now)
        }
    }
}
