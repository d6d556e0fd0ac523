import ICalendar

extension ITIPEngine {
    /// RFC 6638 §3.2.2: an attendee changed or removed its copy.
    static func planAsAttendee(
        old: SchedulingObject?, new: SchedulingObject?, attendee: String, user: CalendarUser, now: Int64,
        options: SchedulingOptions
    ) throws(ITIPError) -> SchedulingPlan {
        let address = CalendarAddress(attendee)
        if let old, let new { try AttendeeChangeRules.validate(old: old, new: new, attendee: address) }
        var forced = false
        var stored = new
        if var object = stored {
            var components = object.components
            let oldByKey = old?.byKey ?? [:]
            for index in components.indices {
                var component = components[index]
                if var organizer = component.property("ORGANIZER") {
                    if organizer[parameter: "SCHEDULE-FORCE-SEND"]?.uppercased() == "REPLY" { forced = true }
                    if organizer.hasParameter("SCHEDULE-FORCE-SEND") {
                        organizer[parameter: "SCHEDULE-FORCE-SEND"] = nil
                        component.setProperty(organizer)
                    }
                }
                // Other attendees' answers are the organizer's record, not the client's:
                // a stale copy keeps the stored values instead of failing (RFC 6638 §3.2.10).
                if let previous = oldByKey[object.key(of: component)] {
                    keepOthersAnswers(in: &component, from: previous, except: address)
                }
                // A task's progress is the assignee's answer (RFC 5546 §3.4.3).
                if component.name == "VTODO", let progress = taskAnswer(component),
                    component.participation(of: address) != progress
                {
                    component.updateAttendee(address) { $0[parameter: "PARTSTAT"] = progress }
                }
                components[index] = component
            }
            object.replaceComponents(components)
            stored = object
        }
        let object = stored?.calendar
        // An attendee may only change its own participation (validated above), and that is
        // no news to its other clients: the tag of an existing attendee copy moves only with
        // the organizer's updates (RFC 6638 §3.2.10, §3.3; caldav-server-tester's
        // scheduling.schedule-tag.stable-partstat). A first copy gets a tag.
        var plan = SchedulingPlan(
            role: .attendee(attendee), object: object, messages: [],
            objectAltered: new != nil && object != new?.calendar, changesScheduleTag: new != nil && old == nil)
        guard let source = stored ?? old, let organizer = source.organizerProperty, organizer.isServerScheduled,
            !options.suppressReply
        else { return plan }
        if source.master?.status == "CANCELLED" { return plan }

        var replies: [(InstanceKey, String)] = []
        if let stored {
            let after = answers(of: stored, for: address)
            let before = old.map { answers(of: $0, for: address) } ?? [:]
            let storedByKey = stored.byKey
            let oldByKey = old?.byKey ?? [:]
            for key in after.keys.sorted() {
                let now = after[key]!
                let then = before[key] ?? (old == nil ? "NEEDS-ACTION" : answer(of: old!, for: address, at: key))
                // For a task, progress alone (PERCENT-COMPLETE…) is also worth a REPLY.
                var progressed = false
                if let new = storedByKey[key], new.name == "VTODO", let previous = oldByKey[key] {
                    progressed = ComponentComparison.lines(previous, named: AttendeeChangeRules.taskProgress)
                        != ComponentComparison.lines(new, named: AttendeeChangeRules.taskProgress)
                }
                if forced || now != then || progressed { replies.append((key, now)) }
            }
        } else if let old {
            // Deleting the copy declines every component still not declined,
            // each once, each with a real PARTSTAT (the sabre fault to beat).
            for (key, value) in answers(of: old, for: address).sorted(by: { $0.key < $1.key })
            where value != "DECLINED" {
                if let component = old.byKey[key], component.status == "CANCELLED" { continue }
                replies.append((key, "DECLINED"))
            }
        }
        guard !replies.isEmpty, let object = stored ?? old else { return plan }
        let components = replies.compactMap { key, partstat in
            replyComponent(in: object, key: key, attendee: address, partstat: partstat, now: now)
        }
        guard !components.isEmpty else { return plan }
        plan.messages = [
            ITIPMessage(
                method: .reply, uid: object.uid, componentType: object.componentType, sender: attendee,
                recipient: organizer.rawValue, change: .reply,
                calendar: MessageBuilder.calendar(method: .reply, source: object, components: components))
        ]
        if let stored { plan.messages += delegationRequests(old: old, new: stored, delegator: address, sender: attendee, now: now) }
        return plan
    }

    /// The PARTSTAT a task's STATUS/COMPLETED implies, if any (RFC 5545 §3.2.12 VTODO values).
    static func taskAnswer(_ task: ICalComponent) -> String? {
        if task.status == "COMPLETED" || task.property("COMPLETED") != nil { return "COMPLETED" }
        if task.status == "IN-PROCESS" { return "IN-PROCESS" }
        return nil
    }

    static func keepOthersAnswers(in component: inout ICalComponent, from previous: ICalComponent, except: CalendarAddress) {
        for index in component.properties.indices where component.properties[index].name == "ATTENDEE" {
            let other = CalendarAddress(component.properties[index].rawValue)
            guard other != except, let stored = previous.attendee(other) else { continue }
            for name in ["PARTSTAT", "RSVP", "SCHEDULE-STATUS"] {
                component.properties[index][parameter: name] = stored[parameter: name]
            }
        }
    }

    /// The attendee's answer per component and per instance it excluded with EXDATE.
    static func answers(of object: SchedulingObject, for address: CalendarAddress) -> [InstanceKey: String] {
        var result: [InstanceKey: String] = [:]
        for component in object.components {
            if let partstat = component.participation(of: address) { result[object.key(of: component)] = partstat }
        }
        if let master = object.master, master.attendee(address) != nil {
            for (key, _) in object.exdates(of: master) where result[key] == nil { result[key] = "DECLINED" }
        }
        return result
    }

    /// The answer in effect for one instance: its override, its exclusion, else the master's.
    static func answer(of object: SchedulingObject, for address: CalendarAddress, at key: InstanceKey) -> String {
        answers(of: object, for: address)[key] ?? object.master?.participation(of: address) ?? "NEEDS-ACTION"
    }

    /// One REPLY component: identity, times for display, ORGANIZER and only the replying ATTENDEE (RFC 5546 §3.2.3).
    static func replyComponent(
        in object: SchedulingObject, key: InstanceKey, attendee address: CalendarAddress, partstat: String, now: Int64
    ) -> ICalComponent? {
        var source = object.byKey[key]
        if source == nil, let master = object.master, let rid = object.exdates(of: master)[key] {
            source = InstanceDerivation.instance(of: master, at: rid, resolver: object.resolver)
        }
        guard let source, var attendee = source.attendee(address) ?? object.master?.attendee(address) else { return nil }
        var reply = ICalComponent(source.name)
        let copied = ["UID", "SEQUENCE", "RECURRENCE-ID", "DTSTART", "DTEND", "DURATION", "DUE", "SUMMARY"]
        for name in copied { if let p = source.property(name) { reply.addProperty(p) } }
        MessageBuilder.setStamp(&reply, now: now)
        if var organizer = source.property("ORGANIZER") {
            organizer[parameter: "SCHEDULE-STATUS"] = nil
            organizer[parameter: "SCHEDULE-FORCE-SEND"] = nil
            reply.addProperty(organizer)
        }
        attendee[parameter: "PARTSTAT"] = partstat.isEmpty ? "NEEDS-ACTION" : partstat
        for name in ["RSVP", "SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND", "SCHEDULE-AGENT"] { attendee[parameter: name] = nil }
        reply.addProperty(attendee)
        for var delegate in source.properties(named: "ATTENDEE") where AttendeeChangeRules.isDelegate(delegate, of: address) {
            delegate[parameter: "SCHEDULE-STATUS"] = nil
            reply.addProperty(delegate)
        }
        if source.name == "VTODO" {
            for name in ["PERCENT-COMPLETE", "COMPLETED"] { if let p = source.property(name) { reply.addProperty(p) } }
        }
        for comment in source.properties(named: "COMMENT") { reply.addProperty(comment) }
        return reply
    }
}
