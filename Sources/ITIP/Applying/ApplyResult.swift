import ICalendar

/// The outcome of applying an incoming iTIP message to the recipient's stored object (RFC 6638 §4.1).
public struct ApplyResult: Hashable, Sendable {
    /// The object to store; nil means the recipient's copy is to be deleted (or none created).
    public var object: ICalComponent?
    /// Whether the Schedule-Tag of the stored resource changes (RFC 6638 §3.3):
    /// false for merges of replies and for refreshes that only change others' answers.
    public var changesScheduleTag: Bool
    /// The message was older than the stored data (lower SEQUENCE) and was not applied.
    public var isStale: Bool
    /// Follow-up messages: after a REPLY, the refresh REQUESTs for the other attendees.
    public var messages: [ITIPMessage]

    /// Creates a result.
    public init(object: ICalComponent?, changesScheduleTag: Bool, isStale: Bool = false, messages: [ITIPMessage] = []) {
        self.object = object
        self.changesScheduleTag = changesScheduleTag
        self.isStale = isStale
        self.messages = messages
    }
}
