/// An iTIP method as carried by iMIP (RFC 5546 §1.4, RFC 6047 §2.4).
public enum IMIPMethod: String, Sendable, CaseIterable {
    case publish = "PUBLISH"
    case request = "REQUEST"
    case reply = "REPLY"
    case add = "ADD"
    case cancel = "CANCEL"
    case refresh = "REFRESH"
    case counter = "COUNTER"
    case declineCounter = "DECLINECOUNTER"

    /// Whether the organizer sends this method (else an attendee does) (RFC 5546 §1.4).
    public var isSentByOrganizer: Bool {
        switch self {
        case .publish, .request, .add, .cancel, .declineCounter: return true
        case .reply, .refresh, .counter: return false
        }
    }
}
