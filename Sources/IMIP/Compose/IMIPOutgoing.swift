import ICalendar
import ITIP

/// One iTIP message to mail to one recipient: the composer's input (RFC 6047 §2).
public struct IMIPOutgoing: Sendable {
    /// The iTIP method; also written as METHOD into the calendar if missing.
    public var method: ITIPMethod
    /// The iTIP VCALENDAR.
    public var calendar: ICalComponent
    /// Who the message speaks for: the organizer, or the replying attendee. Becomes Reply-To and the From name.
    public var originator: MailAddress
    /// The recipient (To).
    public var recipient: MailAddress
    /// The recipient's LANGUAGE parameter (RFC 5545 §3.2.10), e.g. `de-CH`.
    public var recipientLanguage: String?
    /// The recipient's time zone (IANA id) when known, e.g. from their calendar-timezone.
    public var recipientTimeZone: String?
    /// The object before this change, for "what changed" in updates.
    public var previous: ICalComponent?
    /// Whether a REQUEST reads as an update; nil = when `previous` is given or SEQUENCE > 0.
    public var isUpdate: Bool?

    /// Creates a message description.
    public init(
        method: ITIPMethod, calendar: ICalComponent, originator: MailAddress, recipient: MailAddress,
        recipientLanguage: String? = nil, recipientTimeZone: String? = nil, previous: ICalComponent? = nil
    ) {
        self.method = method
        self.calendar = calendar
        self.originator = originator
        self.recipient = recipient
        self.recipientLanguage = recipientLanguage
        self.recipientTimeZone = recipientTimeZone
        self.previous = previous
    }
}
