import ICalendar

extension ITIPEngine {
    /// Applies a REPLY to the organizer's object (RFC 5546 §3.2.3, RFC 6638 §3.2.2.x):
    /// sets the replying attendee's PARTSTAT and SCHEDULE-STATUS 2.0 per component,
    /// adding an override derived from the master for an instance not yet overridden
    /// (never a second copy of an instance). Returns refresh REQUESTs for the
    /// other attendees whose view changed. The Schedule-Tag does not change (RFC 6638 §3.3).
    ///
    /// Replies are applied whatever their SEQUENCE: clients that omit SEQUENCE in
    /// replies would otherwise lose their answers after a reschedule.
    public static func apply(
        reply message: ICalComponent, to organizerObject: ICalComponent, organizer: CalendarUser, now: Int64
    ) throws(ITIPError) -> ApplyResult {
        let incoming = try SchedulingObject(message)
        let before = try SchedulingObject(organizerObject)
        guard before.uid == incoming.uid else { throw .uidChanged }
        guard let replier = replyingAttendee(in: incoming) else {
            throw .invalidSchedulingData("a REPLY names exactly one ATTENDEE (and its delegates)")
        }
        var object = before
        var components = object.components
        var touched = Set<InstanceKey>()
        var unknownInstance = false
        for reply in incoming.components {
            guard let answer = reply.attendee(replier) else { continue }
            let key = reply.recurrenceID.map { object.key(of: $0) } ?? .master
            var index = components.firstIndex { object.key(of: $0) == key }
            if index == nil, let rid = reply.recurrenceID, let master = object.master,
                master.attendee(replier) != nil
            {
                // Only a real instance of the series may become an override (no phantom instances).
                let value = written(rid, like: master.property("DTSTART")?.dateTimeValue, in: object)
                guard InstanceDerivation.isInstance(of: master, at: value, resolver: object.resolver) else {
                    unknownInstance = true
                    continue
                }
                components.append(InstanceDerivation.instance(of: master, at: value, resolver: object.resolver))
                index = components.count - 1
            }
            guard let index, components[index].attendee(replier) != nil else { continue }
            var partstat = (answer[parameter: "PARTSTAT"] ?? "").uppercased()
            if partstat.isEmpty { partstat = "NEEDS-ACTION" }
            components[index].updateAttendee(replier) { attendee in
                attendee[parameter: "PARTSTAT"] = partstat
                attendee[parameter: "RSVP"] = nil
                attendee[parameter: "SCHEDULE-STATUS"] = ScheduleStatus.success.code
                if let delegatedTo = answer[parameter: "DELEGATED-TO"] { attendee[parameter: "DELEGATED-TO"] = delegatedTo }
            }
            // Delegates named in the reply join the organizer's list (RFC 5546 §3.2.2.3).
            for var delegate in reply.properties(named: "ATTENDEE") where AttendeeChangeRules.isDelegate(delegate, of: replier) {
                guard components[index].attendee(CalendarAddress(delegate.rawValue)) == nil else { continue }
                delegate[parameter: "SCHEDULE-STATUS"] = nil
                components[index].addProperty(delegate)
            }
            if components[index].name == "VTODO" { applyTaskProgress(reply, to: &components[index], organizer: organizer, now: now) }
            touched.insert(key)
        }
        guard !touched.isEmpty else {
            if unknownInstance { throw .invalidSchedulingData("RECURRENCE-ID names no instance of the series") }
            throw .replyFromNonAttendee(replier.normalized)
        }
        object.replaceComponents(components)

        // Refresh the other attendees' copies (RFC 6638 §3.2.10 "inconsequential" changes).
        var messages: [ITIPMessage] = []
        let organizerProperty = object.organizerProperty?.rawValue ?? ""
        let organizerAddress = CalendarAddress(organizerProperty)
        for other in object.allAttendees
        where other.address != replier && other.address != organizerAddress && !organizer.addresses.contains(other.address)
            && isServerScheduled(other.address, in: object)
        {
            let view = view(of: object, for: other.address)
            let keys = touched.contains(.master) ? Array(view.keys) : view.keys.filter { touched.contains($0) }
            guard !keys.isEmpty else { continue }
            let parts = keys.sorted().compactMap { view[$0] }.map { MessageBuilder.outgoing($0, now: now) }
            messages.append(
                ITIPMessage(
                    method: .request, uid: object.uid, componentType: object.componentType, sender: organizerProperty,
                    recipient: other.raw, change: .refresh,
                    calendar: MessageBuilder.calendar(method: .request, source: object, components: parts)))
        }
        return ApplyResult(object: object.calendar, changesScheduleTag: false, messages: messages)
    }

    /// The one ATTENDEE a REPLY answers for: the only one, or the only one that is not
    /// a delegate of another ATTENDEE of the message.
    static func replyingAttendee(in message: SchedulingObject) -> CalendarAddress? {
        let lines = message.components.flatMap { $0.properties(named: "ATTENDEE") }
        let all = Set(lines.map { CalendarAddress($0.rawValue) })
        if all.count == 1 { return all.first }
        let principals = Set(
            lines.filter { line in !all.contains { AttendeeChangeRules.isDelegate(line, of: $0) } }
                .map { CalendarAddress($0.rawValue) })
        return principals.count == 1 ? principals.first : nil
    }

    /// A task is done when every assignee answered COMPLETED (RFC 5546 §3.4.3).
    static func applyTaskProgress(_ reply: ICalComponent, to task: inout ICalComponent, organizer: CalendarUser, now: Int64) {
        let organizerAddress = task.property("ORGANIZER").map { CalendarAddress($0.rawValue) }
        let assignees = task.properties(named: "ATTENDEE").filter {
            let address = CalendarAddress($0.rawValue)
            return address != organizerAddress && !organizer.addresses.contains(address)
        }
        if assignees.count == 1, let percent = reply.property("PERCENT-COMPLETE") { task.setProperty(percent) }
        let done = !assignees.isEmpty && assignees.allSatisfy { ($0[parameter: "PARTSTAT"] ?? "").uppercased() == "COMPLETED" }
        guard done else { return }
        task.setProperty(ICalProperty("STATUS", rawValue: "COMPLETED"))
        task.setProperty(ICalProperty("PERCENT-COMPLETE", rawValue: "100"))
        task.setProperty(reply.property("COMPLETED") ?? ICalProperty("COMPLETED", rawValue: ICalDateTime.utc(now).valueText))
    }
}
