/// An iTIP method (RFC 5546 §1.4); iMIP carries the same methods (RFC 6047 §2.4).
public enum ITIPMethod: String, Hashable, Sendable, CaseIterable {
    case publish = "PUBLISH"
    case request = "REQUEST"
    case reply = "REPLY"
    case add = "ADD"
    case cancel = "CANCEL"
    case refresh = "REFRESH"
    case counter = "COUNTER"
    case declineCounter = "DECLINECOUNTER"

    /// Whether the organizer sends this method, else an attendee does (RFC 5546 §1.4).
    public var isSentByOrganizer: Bool {
        switch self {
        case .publish, .request, .add, .cancel, .declineCounter: return true
        case .reply, .refresh, .counter: return false
        }
    }
}

/// What a message means to its recipient, for mail subjects and for deciding
/// whether a notification is worth sending (RFC 6638 §3.2.8, RFC 5546 §2.1.4).
public enum ITIPChange: String, Hashable, Sendable {
    /// First invitation of this recipient.
    case new
    /// Time or recurrence changed: answers were reset, a new answer is wanted.
    case reschedule
    /// Other organizer-owned content changed (summary, location, description…).
    case update
    /// Only other attendees' participation changed (RFC 6638 §3.2.10 "inconsequential").
    case refresh
    /// The recipient is no longer invited to the object or some instances.
    case cancel
    /// An attendee's answer.
    case reply
}
