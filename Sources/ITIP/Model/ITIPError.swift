/// Why the engine refused a write or a message; the server maps each to an RFC 6638 §3.2.4 precondition.
public enum ITIPError: Error, Hashable, Sendable {
    /// ORGANIZER differs between components (CALDAV:same-organizer-in-all-components).
    case organizerDiffersBetweenComponents
    /// The organizer changed what it may not, e.g. the ORGANIZER itself
    /// (CALDAV:allowed-organizer-scheduling-object-change).
    case organizerChangeNotAllowed(String)
    /// The attendee changed something other than its own participation
    /// (CALDAV:allowed-attendee-scheduling-object-change).
    case attendeeChangeNotAllowed(String)
    /// The ORGANIZER of an outbox POST is not the outbox owner (CALDAV:valid-organizer).
    case invalidOrganizer
    /// The data is not a usable iTIP message or scheduling object (CALDAV:valid-calendar-data).
    case invalidSchedulingData(String)
    /// A REPLY came from someone who is not an attendee (RFC 5546 §3.2.3).
    case replyFromNonAttendee(String)
    /// The UID of the new data differs from the stored object's (CALDAV:no-uid-conflict).
    case uidChanged

    /// The CALDAV precondition element name the server answers with (403 unless noted).
    public var precondition: String {
        switch self {
        case .organizerDiffersBetweenComponents: return "same-organizer-in-all-components"
        case .organizerChangeNotAllowed: return "allowed-organizer-scheduling-object-change"
        case .attendeeChangeNotAllowed: return "allowed-attendee-scheduling-object-change"
        case .invalidOrganizer: return "valid-organizer"
        case .invalidSchedulingData: return "valid-calendar-data"
        case .replyFromNonAttendee: return "valid-calendar-data"
        case .uidChanged: return "no-uid-conflict"
        }
    }
}
