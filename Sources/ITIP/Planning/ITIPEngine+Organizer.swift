import ICalendar

extension ITIPEngine {
    /// RFC 6638 §3.2.1: the organizer created, modified or removed the object.
    static func planAsOrganizer(
        old: SchedulingObject?, new: SchedulingObject?, organizer: String, user: CalendarUser, now: Int64,
        options: SchedulingOptions
    ) -> SchedulingPlan {
        var stored = new
        var forced = Set<CalendarAddress>()
        if var object = stored {
            prepareOrganizerObject(&object, old: old, user: user, options: options, forced: &forced)
            stored = object
        }
        let organizerAddress = CalendarAddress(organizer)
        var recipients: [(address: CalendarAddress, raw: String)] = []
        var seen = Set<CalendarAddress>()
        for candidate in (stored?.allAttendees ?? []) + (old?.allAttendees ?? [])
        where candidate.address != organizerAddress && !user.addresses.contains(candidate.address) {
            if seen.insert(candidate.address).inserted { recipients.append(candidate) }
        }
        var messages: [ITIPMessage] = []
        for recipient in recipients {
            messages += organizerMessages(
                to: recipient.address, old: old, new: stored, forced: forced.contains(recipient.address),
                organizer: organizer, now: now)
        }
        let object = stored?.calendar
        return SchedulingPlan(
            role: .organizer(organizer), object: object, messages: messages,
            objectAltered: new != nil && object != new?.calendar, changesScheduleTag: new != nil)
    }

    /// Applies the server's part of an organizer write: SEQUENCE, answers reset
    /// on reschedule, SCHEDULE-FORCE-SEND consumed (RFC 6638 §7.2).
    static func prepareOrganizerObject(
        _ object: inout SchedulingObject, old: SchedulingObject?, user: CalendarUser, options: SchedulingOptions,
        forced: inout Set<CalendarAddress>
    ) {
        let oldByKey = old?.byKey ?? [:]
        var components = object.components
        for component in components {
            for attendee in component.properties(named: "ATTENDEE")
            where attendee[parameter: "SCHEDULE-FORCE-SEND"]?.uppercased() == "REQUEST" {
                forced.insert(CalendarAddress(attendee.rawValue))
            }
        }
        for index in components.indices {
            var component = components[index]
            for p in component.properties.indices where component.properties[p].name == "ATTENDEE" {
                component.properties[p][parameter: "SCHEDULE-FORCE-SEND"] = nil
            }
            if let o = component.property("ORGANIZER"), o.hasParameter("SCHEDULE-FORCE-SEND") {
                var organizer = o
                organizer[parameter: "SCHEDULE-FORCE-SEND"] = nil
                component.setProperty(organizer)
            }
            let key = object.key(of: component)
            var previous = oldByKey[key]
            var moved = false
            if let p = previous {
                moved = ComponentComparison.timeChanged(p, component)
            } else if !key.isMaster, let old, let oldMaster = old.master, let rid = component.recurrenceID {
                // A new override: compare it with the instance the old master produced.
                let derived = InstanceDerivation.instance(of: oldMaster, at: rid, resolver: old.resolver)
                moved = ComponentComparison.lines(derived, named: ["DTSTART", "DTEND", "DURATION", "DUE"])
                    != ComponentComparison.lines(component, named: ["DTSTART", "DTEND", "DURATION", "DUE"])
                previous = derived
            }
            if moved, let previous {
                if component.sequence <= previous.sequence {
                    component.setProperty(ICalProperty("SEQUENCE", rawValue: String(previous.sequence + 1)))
                }
                if options.resetParticipationOnReschedule {
                    resetAnswers(in: &component, previous: previous, user: user)
                }
            } else if let stored = oldByKey[key] {
                keepAnswers(in: &component, from: stored, user: user, forced: forced)
            }
            components[index] = component
        }
        object.replaceComponents(components)
    }

    /// Decision: answers of server-scheduled attendees belong to them (RFC 6638 §3.2.2 — they arrive
    /// as REPLYs and are merged by the server). When the organizer's client sends a different
    /// PARTSTAT for such an attendee without moving the event, it is stale data (it had not seen the
    /// reply yet: the sabre fault where one answer overwrote another) and the stored answer stays.
    /// An explicit re-request goes with SCHEDULE-FORCE-SEND=REQUEST; attendees scheduled by the
    /// client (SCHEDULE-AGENT=CLIENT/NONE) are the organizer's to record.
    static func keepAnswers(
        in component: inout ICalComponent, from stored: ICalComponent, user: CalendarUser, forced: Set<CalendarAddress>
    ) {
        for p in component.properties.indices where component.properties[p].name == "ATTENDEE" {
            let attendee = component.properties[p]
            let address = CalendarAddress(attendee.rawValue)
            guard !user.addresses.contains(address), !forced.contains(address), attendee.isServerScheduled,
                let before = stored.attendee(address), before.isServerScheduled,
                stored.participation(of: address) != component.participation(of: address)
            else { continue }
            component.properties[p][parameter: "PARTSTAT"] = before[parameter: "PARTSTAT"]
            component.properties[p][parameter: "RSVP"] = before[parameter: "RSVP"]
        }
    }

    /// Answers the client kept across a reschedule no longer hold (RFC 5546 §2.1.4).
    static func resetAnswers(in component: inout ICalComponent, previous: ICalComponent, user: CalendarUser) {
        for p in component.properties.indices where component.properties[p].name == "ATTENDEE" {
            let address = CalendarAddress(component.properties[p].rawValue)
            if user.addresses.contains(address) { continue }
            let now = component.participation(of: address) ?? "NEEDS-ACTION"
            guard now != "NEEDS-ACTION", previous.participation(of: address) == now else { continue }
            component.properties[p][parameter: "PARTSTAT"] = "NEEDS-ACTION"
            component.properties[p][parameter: "RSVP"] = "TRUE"
        }
    }

    /// The components of `object` one attendee is invited to (RFC 6638 §3.2.6):
    /// the master with EXDATEs for instances it was removed from or that were
    /// cancelled, and the live overrides naming it.
    static func view(of object: SchedulingObject, for address: CalendarAddress) -> [InstanceKey: ICalComponent] {
        var result: [InstanceKey: ICalComponent] = [:]
        let master = object.master
        let inMaster = master?.attendee(address) != nil
        var excluded: [ICalDateTime] = []
        for component in object.components where component.property("RECURRENCE-ID") != nil {
            // A cancelled instance is no longer part of anybody's view: the master
            // excludes it, so a full REQUEST cannot bring it back from the RRULE.
            if component.attendee(address) != nil && component.status != "CANCELLED" {
                result[object.key(of: component)] = component
            } else if inMaster, let rid = component.recurrenceID {
                excluded.append(rid)
            }
        }
        if inMaster, var master {
            if !excluded.isEmpty {
                let existing = object.exdates(of: master)
                for rid in excluded where existing[object.key(of: rid)] == nil {
                    master.addProperty(ICalProperty("EXDATE", dateTime: rid))
                }
            }
            result[.master] = master
        }
        return result
    }

    /// The agent for `address` in `object` (first component naming it).
    static func isServerScheduled(_ address: CalendarAddress, in object: SchedulingObject?) -> Bool {
        guard let object else { return false }
        for component in object.components {
            if let attendee = component.attendee(address) { return attendee.isServerScheduled }
        }
        return false
    }
}
