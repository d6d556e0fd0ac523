import ICalendar

/// One iTIP message to one recipient (RFC 5546 §3; RFC 6638 §3.2 per-recipient content).
public struct ITIPMessage: Hashable, Sendable {
    /// The method, also written as METHOD in `calendar`.
    public var method: ITIPMethod
    /// UID of the scheduled object.
    public var uid: String
    /// `VEVENT` or `VTODO`.
    public var componentType: String
    /// Originator address as written in the object (ORGANIZER, or the replying ATTENDEE).
    public var sender: String
    /// Recipient address as written in the object.
    public var recipient: String
    /// What changed for the recipient.
    public var change: ITIPChange
    /// The complete VCALENDAR with METHOD, ready to serialize.
    public var calendar: ICalComponent

    /// Creates a message.
    public init(
        method: ITIPMethod, uid: String, componentType: String, sender: String, recipient: String,
        change: ITIPChange, calendar: ICalComponent
    ) {
        self.method = method
        self.uid = uid
        self.componentType = componentType
        self.sender = sender
        self.recipient = recipient
        self.change = change
        self.calendar = calendar
    }

    /// Whether the recipient should be notified by mail (RFC 6047); refreshes are not worth it.
    public var isSignificant: Bool { change != .refresh }
}
