import ICalendar

/// The iTIP scheduling engine (RFC 5546, RFC 6638 §3): pure functions from
/// (stored object, new object, acting user) to the object to store and the
/// messages to deliver, and from an incoming message to a recipient's new object.
///
/// It knows nothing of who is local: messages name their recipients; the
/// server resolves them, delivers, and writes SCHEDULE-STATUS back with
/// `withScheduleStatus(_:on:)`.
///
/// How a server uses it, for one PUT or DELETE inside one transaction:
/// 1. `plan(old:new:actingUser:now:options:)`; a thrown `ITIPError` is a 403 with its `precondition`.
/// 2. For each message: a local recipient gets it in the schedule inbox and
///    `apply(request:to:recipient:)` / `apply(cancel:to:)` / `apply(reply:to:organizer:now:)`
///    on its copy (found by UID); a remote one gets it by iMIP. Refresh REQUESTs that
///    `apply(reply:…)` returns go to the other attendees' copies the same way
///    (`isSignificant` is false: no mail, no inbox item needed).
/// 3. `withScheduleStatus(_:on:)` with 1.2 / 1.1 / 3.7 / 5.x per recipient, then store `plan.object`.
public enum ITIPEngine {
    /// PRODID written into generated messages (RFC 5545 §3.7.3).
    public static let productID = "-//Almanac//Almanac iTIP//EN"

    /// The role `user` plays for `calendar` (RFC 6638 §3.1).
    ///
    /// Throws `organizerDiffersBetweenComponents` when the components disagree on ORGANIZER.
    public static func role(of calendar: ICalComponent, for user: CalendarUser) throws(ITIPError) -> SchedulingRole {
        guard let object = try? SchedulingObject(calendar) else { return .none }
        return try role(of: object, for: user)
    }

    static func role(of object: SchedulingObject, for user: CalendarUser) throws(ITIPError) -> SchedulingRole {
        let organizers = object.organizers
        if organizers.count > 1 { throw .organizerDiffersBetweenComponents }
        // A component without ORGANIZER is tolerated (some clients omit it in overrides);
        // two different ORGANIZERs are not (RFC 6638 §3.2.4.2).
        guard let organizer = object.organizerProperty else { return .none }
        if user.owns(organizer.rawValue) { return .organizer(organizer.rawValue) }
        for component in object.components {
            for attendee in component.properties(named: "ATTENDEE") where user.owns(attendee.rawValue) {
                return .attendee(attendee.rawValue)
            }
        }
        return .none
    }

    /// The UID of a calendar object, for the server's CALDAV:unique-scheduling-object-resource check.
    public static func uid(of calendar: ICalComponent) -> String? {
        (try? SchedulingObject(calendar))?.uid
    }

    /// Plans the scheduling for a client write by `actingUser`, the owner of the
    /// calendar holding the object (RFC 6638 §3.2).
    ///
    /// - Parameters:
    ///   - old: the stored VCALENDAR before the write (nil on create).
    ///   - new: the VCALENDAR the client sent (nil on DELETE).
    ///   - now: UTC seconds since the epoch, written as DTSTAMP into messages.
    public static func plan(
        old: ICalComponent?, new: ICalComponent?, actingUser: CalendarUser, now: Int64,
        options: SchedulingOptions = SchedulingOptions()
    ) throws(ITIPError) -> SchedulingPlan {
        // Objects without VEVENT/VTODO (VJOURNAL, bare VTIMEZONE…) are never scheduled.
        let oldObject = old.flatMap { try? SchedulingObject($0) }
        let newObject = new.flatMap { try? SchedulingObject($0) }
        if let oldObject, let newObject, !oldObject.uid.isEmpty, oldObject.uid != newObject.uid {
            throw .uidChanged
        }
        let oldRole = try oldObject.map { (o) throws(ITIPError) in try role(of: o, for: actingUser) } ?? SchedulingRole.none
        let newRole = try newObject.map { (o) throws(ITIPError) in try role(of: o, for: actingUser) } ?? SchedulingRole.none
        let unchanged = SchedulingPlan(
            role: .none, object: new, messages: [], objectAltered: false, changesScheduleTag: new != nil)

        switch (oldRole, newRole) {
        case (.organizer(let was), .organizer(let address)):
            guard CalendarAddress(was) == CalendarAddress(address) else {
                throw .organizerChangeNotAllowed("ORGANIZER changed")
            }
            return planAsOrganizer(old: oldObject, new: newObject, organizer: address, user: actingUser, now: now, options: options)
        case (.none, .organizer(let address)):
            return planAsOrganizer(old: nil, new: newObject, organizer: address, user: actingUser, now: now, options: options)
        case (.organizer(let was), .none):
            if let newObject, newObject.organizerProperty != nil {
                // Another organizer took over an organizer-owned object.
                _ = newObject
                throw .organizerChangeNotAllowed("ORGANIZER changed")
            }
            // Deleted, or no longer scheduled: everybody is cancelled (RFC 6638 §3.2.1.3).
            var plan = planAsOrganizer(old: oldObject, new: nil, organizer: was, user: actingUser, now: now, options: options)
            plan.object = new
            plan.changesScheduleTag = new != nil
            return plan
        case (.organizer, .attendee):
            throw .organizerChangeNotAllowed("ORGANIZER changed")
        case (.attendee(let was), .attendee(let address)):
            if oldObject?.organizers != newObject?.organizers {
                throw .attendeeChangeNotAllowed("ORGANIZER changed")
            }
            _ = was
            return try planAsAttendee(old: oldObject, new: newObject, attendee: address, user: actingUser, now: now, options: options)
        case (.none, .attendee(let address)):
            return try planAsAttendee(old: nil, new: newObject, attendee: address, user: actingUser, now: now, options: options)
        case (.attendee(let was), .none):
            if newObject == nil {
                return try planAsAttendee(old: oldObject, new: nil, attendee: was, user: actingUser, now: now, options: options)
            }
            // The attendee removed itself or the ORGANIZER from its copy.
            throw .attendeeChangeNotAllowed("attendee or ORGANIZER removed")
        case (.attendee, .organizer):
            throw .attendeeChangeNotAllowed("ORGANIZER changed")
        case (.none, .none):
            return unchanged
        }
    }
}
