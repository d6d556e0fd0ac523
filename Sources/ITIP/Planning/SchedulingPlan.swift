import ICalendar

/// Who the acting calendar user is for a scheduling object (RFC 6638 §3.1).
public enum SchedulingRole: Hashable, Sendable {
    /// ORGANIZER is one of the user's addresses; the associated value is the ORGANIZER as written.
    case organizer(String)
    /// The user is an ATTENDEE (as written) and not the organizer.
    case attendee(String)
    /// Not a scheduling object for this user: no messages.
    case none
}

/// Switches of one write that change scheduling (RFC 6638 §8.1 Schedule-Reply header…).
public struct SchedulingOptions: Hashable, Sendable {
    /// `Schedule-Reply: F`: an attendee's change or deletion sends no REPLY (RFC 6638 §8.1).
    public var suppressReply: Bool
    /// Reset other attendees' answers to NEEDS-ACTION when the organizer moves
    /// the event and the client kept the old answers (RFC 5546 §2.1.4).
    public var resetParticipationOnReschedule: Bool

    /// Creates options; the defaults suit an ordinary PUT/DELETE.
    public init(suppressReply: Bool = false, resetParticipationOnReschedule: Bool = true) {
        self.suppressReply = suppressReply
        self.resetParticipationOnReschedule = resetParticipationOnReschedule
    }
}

/// What the server must do for one client write (RFC 6638 §3.2).
public struct SchedulingPlan: Hashable, Sendable {
    /// The role of the acting user.
    public var role: SchedulingRole
    /// The VCALENDAR to store (nil when the resource is deleted). SCHEDULE-STATUS is
    /// still to be written with `ITIPEngine.withScheduleStatus` after delivery.
    public var object: ICalComponent?
    /// The messages to deliver, one per recipient.
    public var messages: [ITIPMessage]
    /// Whether the stored data differs from what the client sent (then the PUT answer carries no ETag).
    public var objectAltered: Bool
    /// Whether the Schedule-Tag must change (RFC 6638 §3.3, §3.2.10): an organizer's write
    /// and a first attendee copy do; an attendee's answer on its existing copy does not.
    public var changesScheduleTag: Bool

    /// Creates a plan.
    public init(
        role: SchedulingRole, object: ICalComponent?, messages: [ITIPMessage], objectAltered: Bool,
        changesScheduleTag: Bool
    ) {
        self.role = role
        self.object = object
        self.messages = messages
        self.objectAltered = objectAltered
        self.changesScheduleTag = changesScheduleTag
    }
}
