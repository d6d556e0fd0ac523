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
        let repliers = Set(incoming.components.flatMap { $0.properties(named: "ATTENDEE") }.map { CalendarUserAddress($0.rawValue) })
        guard repliers.count == 1, let replier = repliers.first else {
            throw .invalidSchedulingData("a REPLY names exactly one ATTENDEE")
        }
        var object = before
        var components = object.components
        var touched = Set<InstanceKey>()
        for reply in incoming.components {
            guard let answer = reply.attendee(replier) else { continue }
            let key = incoming.recurrenceID(of: reply).map { object.key(of: $0) } ?? .master
            var index = components.firstIndex { object.key(of: $0) == key }
            if index == nil, let rid = incoming.recurrenceID(of: reply), let master = object.master,
                master.attendee(replier) != nil
            {
                components.append(InstanceDerivation.instance(of: master, at: written(rid, like: master.property("DTSTART").flatMap(DateValue.parse), in: object), resolver: object.resolver))
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
            if components[index].name == "VTODO" { applyTaskProgress(reply, to: &components[index], organizer: organizer, now: now) }
            touched.insert(key)
        }
        guard !touched.isEmpty else { throw .replyFromNonAttendee(replier.value) }
        object.replaceComponents(components)

        // Refresh the other attendees' copies (RFC 6638 §3.2.10 "inconsequential" changes).
        var messages: [ITIPMessage] = []
        let organizerProperty = object.organizerProperty?.rawValue ?? ""
        let organizerAddress = CalendarUserAddress(organizerProperty)
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

    /// A task is done when every assignee answered COMPLETED (RFC 5546 §3.4.3).
    static func applyTaskProgress(_ reply: ICalComponent, to task: inout ICalComponent, organizer: CalendarUser, now: Int64) {
        let organizerAddress = task.property("ORGANIZER").map { CalendarUserAddress($0.rawValue) }
        let assignees = task.properties(named: "ATTENDEE").filter {
            let address = CalendarUserAddress($0.rawValue)
            return address != organizerAddress && !organizer.addresses.contains(address)
        }
        if assignees.count == 1, let percent = reply.property("PERCENT-COMPLETE") { task.setProperty(percent) }
        let done = !assignees.isEmpty && assignees.allSatisfy { ($0[parameter: "PARTSTAT"] ?? "").uppercased() == "COMPLETED" }
        guard done else { return }
        task.setProperty(ICalProperty("STATUS", rawValue: "COMPLETED"))
        task.setProperty(ICalProperty("PERCENT-COMPLETE", rawValue: "100"))
        task.setProperty(reply.property("COMPLETED") ?? ICalProperty("COMPLETED", rawValue: DateValue.utcText(now)))
    }
}
