import ICalendar
import ITIP

/// A received iMIP message that passed the sender check, ready for the iTIP engine (RFC 6047 §3).
public struct IMIPIncoming: Sendable {
    /// The iTIP method (from the calendar's METHOD, else the part's `method=`).
    public var method: ITIPMethod
    /// The iTIP VCALENDAR as received.
    public var calendar: ICalComponent
    /// UID of the event or task; for replies without ORGANIZER (Outlook) this is what identifies it.
    public var uid: String
    /// SEQUENCE of the first component (0 when absent).
    public var sequence: Int
    /// The From mailbox: the one checked against the calendar.
    public var sender: MailAddress
    /// The Sender header's mailbox, if any (informational: nobody authenticates it).
    public var senderHeader: MailAddress?
    /// The Reply-To mailbox, if any (informational).
    public var replyTo: MailAddress?
    /// The calendar user the message speaks for: the replying attendee or the organizer (bare address).
    public var speaksFor: String
    /// The ORGANIZER address, when the calendar has one.
    public var organizer: String?
    /// The To and Cc mailboxes (the MTA's envelope recipient is more reliable when it is passed on).
    public var recipients: [MailAddress]
    /// The Message-ID header, if any.
    public var messageID: String?
    /// The decoded Subject, if any.
    public var subject: String?
}
