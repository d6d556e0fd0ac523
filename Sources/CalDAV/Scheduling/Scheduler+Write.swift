import ICalendar
import ITIP
import Storage

/// What implicit scheduling decided for one client write (RFC 6638 §3.2).
struct ScheduledObject {
    /// The VCALENDAR to store, with SCHEDULE-STATUS written in.
    var calendar: ICalComponent
    /// Whether the object is a scheduling object resource (then it carries a Schedule-Tag).
    var isSchedulingObject: Bool
    /// Whether its Schedule-Tag changes (RFC 6638 §3.3).
    var changesScheduleTag: Bool
}

extension Scheduler {
    /// Plans and delivers the scheduling of a PUT (RFC 6638 §3.2.1–3.2.2) and returns what to store.
    ///
    /// The acting calendar user is the calendar's owner: a write proxy or sharee acts as them.
    func prepareWrite(_ sent: ICalComponent, existing: StoredObject?, in instance: CalendarInstance) throws
        -> ScheduledObject
    {
        // Most writes are not scheduling at all: no lookups for them (the hot path).
        if Self.organizer(of: sent) == nil, existing?.data?.contains("ORGANIZER") != true {
            return ScheduledObject(calendar: sent, isSchedulingObject: false, changesScheduleTag: true)
        }
        let owner = try owner(of: instance)
        let user = calendarUser(owner)
        var old = try existing.flatMap(parse)
        if let previous = old, let existing, ITIPEngine.uid(of: previous) != ITIPEngine.uid(of: sent) {
            // A PUT that replaces the object by one with another UID ends the old one's scheduling.
            try prepareDelete(existing, in: instance)
            old = nil
        }
        var new = sent
        if mergeInconsequentialChanges, let old {
            new = ITIPEngine.mergeInconsequentialChanges(client: sent, stored: old, actingUser: user)
        }
        let plan: SchedulingPlan
        do {
            plan = try ITIPEngine.plan(old: old, new: new, actingUser: user, now: now, options: options)
        } catch {
            throw DAVError.scheduling(error)
        }
        guard plan.role != .none else {
            try checkOrganizer(of: new, old: old, owner: owner)
            return ScheduledObject(calendar: new, isSchedulingObject: false, changesScheduleTag: true)
        }
        if let uid = ITIPEngine.uid(of: new), try copy(uid: uid, of: owner, excluding: instance.calendarID) != nil {
            throw DAVError.forbidden(
                .calDAV("unique-scheduling-object-resource"),
                "another calendar of this user holds a scheduling object with UID \(uid)")
        }
        let statuses = try deliver(plan.messages, from: owner)
        var object = plan.object ?? new
        if !statuses.isEmpty { object = ITIPEngine.withScheduleStatus(statuses, on: object) }
        return ScheduledObject(calendar: object, isSchedulingObject: true, changesScheduleTag: plan.changesScheduleTag)
    }

    /// Plans and delivers the scheduling of a DELETE: the organizer cancels, an attendee
    /// declines (RFC 6638 §3.2.1.3, §3.2.2.3), unless `Schedule-Reply: F`.
    func prepareDelete(_ existing: StoredObject, in instance: CalendarInstance) throws {
        guard existing.data?.contains("ORGANIZER") == true, let old = try parse(existing) else { return }
        let owner = try owner(of: instance)
        let plan: SchedulingPlan
        do {
            plan = try ITIPEngine.plan(old: old, new: nil, actingUser: calendarUser(owner), now: now, options: options)
        } catch {
            throw DAVError.scheduling(error)
        }
        _ = try deliver(plan.messages, from: owner)
    }

    /// CALDAV:valid-organizer (RFC 6638 §3.2.4.1): a user who is neither organizer nor attendee
    /// may not store an object naming another local user as ORGANIZER, which would let them
    /// act in that user's name.
    private func checkOrganizer(of new: ICalComponent, old: ICalComponent?, owner: PrincipalRecord) throws {
        guard let organizer = Self.organizer(of: new) else { return }
        if let old, let previous = Self.organizer(of: old),
            CalendarAddress(previous) == CalendarAddress(organizer)
        {
            return
        }
        if let local = try localPrincipal(for: organizer), local.uri != owner.uri {
            throw DAVError.forbidden(
                .calDAV("valid-organizer"), "\(organizer) belongs to another user")
        }
    }

    /// The ORGANIZER of the first scheduled component.
    static func organizer(of calendar: ICalComponent) -> String? {
        for component in calendar.components where component.name == "VEVENT" || component.name == "VTODO" {
            if let value = component.property("ORGANIZER")?.rawValue { return value }
        }
        return nil
    }
}
