import ICalendar

extension ITIPEngine {
    /// The METHOD of an iTIP VCALENDAR (RFC 5546 §1.4), nil when absent or unknown.
    public static func method(of calendar: ICalComponent) -> ITIPMethod? {
        calendar[raw: "METHOD"].flatMap { ITIPMethod(rawValue: $0.trimmingWhitespace().uppercased()) }
    }

    /// Applies a REQUEST to the recipient's copy (RFC 5546 §3.2.2, RFC 6638 §4.1): creates it, replaces it,
    /// or merges per-instance REQUESTs into the series; the recipient's own answer and alarms are kept
    /// unless the time changed.
    public static func apply(
        request message: ICalComponent, to existing: ICalComponent?, recipient: CalendarUser
    ) throws(ITIPError) -> ApplyResult {
        let incoming = try SchedulingObject(message)
        let me = recipientAddress(in: incoming, user: recipient)
        var fresh = incoming
        fresh.calendar.removeProperties(named: "METHOD")
        guard let existing else {
            return ApplyResult(object: fresh.calendar, changesScheduleTag: true)
        }
        var current = try SchedulingObject(existing)
        guard current.uid == incoming.uid else { throw .uidChanged }
        let currentByKey = current.byKey
        func currentKey(_ component: ICalComponent) -> InstanceKey {
            incoming.recurrenceID(of: component).map { current.key(of: $0) } ?? .master
        }
        for component in incoming.components {
            let key = currentKey(component)
            if let reference = currentByKey[key] ?? currentByKey[.master], component.sequence < reference.sequence {
                return ApplyResult(object: existing, changesScheduleTag: false, isStale: true)
            }
        }

        var merged: [ICalComponent] = []
        let instancesOnly = incoming.master == nil && current.master != nil
        var untouched = currentByKey
        for var component in incoming.components {
            let key = currentKey(component)
            let previous = currentByKey[key]
            untouched[key] = nil
            if let me, let previous, previous.attendee(me) != nil, !ComponentComparison.timeChanged(previous, component) {
                let kept = previous.attendee(me)!
                component.updateAttendee(me) { attendee in
                    attendee[parameter: "PARTSTAT"] = kept[parameter: "PARTSTAT"]
                    attendee[parameter: "RSVP"] = kept[parameter: "RSVP"]
                }
            }
            // Alarms and transparency are the recipient's own.
            if let personal = previous ?? (key.isMaster ? nil : currentByKey[.master]) {
                component.components.removeAll { $0.name == "VALARM" }
                component.components += personal.components(named: "VALARM")
                if let transp = personal.property("TRANSP") { component.setProperty(transp) }
            }
            merged.append(component)
        }
        if instancesOnly {
            // Per-instance REQUEST: the rest of the series stays, a re-invited instance is no longer excluded.
            var keep = current.components.filter { untouched[current.key(of: $0)] != nil }
            let reinvited = Set(incoming.components.compactMap { incoming.recurrenceID(of: $0) }.map(current.key(of:)))
            for index in keep.indices where keep[index].property("RECURRENCE-ID") == nil {
                removeExclusions(reinvited, from: &keep[index], in: current)
            }
            merged = keep + merged
        }
        let before = current.components
        current.replaceComponents(merged)
        mergeTimeZones(from: incoming, into: &current)
        let tagChanges = sortedContent(before, keep: me) != sortedContent(merged, keep: me)
        return ApplyResult(object: current.calendar, changesScheduleTag: tagChanges)
    }

    /// Which of the recipient's addresses the message names as ATTENDEE.
    static func recipientAddress(in object: SchedulingObject, user: CalendarUser) -> CalendarUserAddress? {
        object.allAttendees.first { user.addresses.contains($0.address) }?.address
    }

    static func removeExclusions(_ keys: Set<InstanceKey>, from master: inout ICalComponent, in object: SchedulingObject) {
        var properties: [ICalProperty] = []
        for property in master.properties {
            guard property.name == "EXDATE" else { properties.append(property); continue }
            let values = DateValue.parseAll(property).filter { !keys.contains(object.key(of: $0)) }
            if values.isEmpty { continue }
            var kept = property
            kept.rawValue = values.map(\.valueText).joined(separator: ",")
            properties.append(kept)
        }
        master.properties = properties
    }

    static func mergeTimeZones(from incoming: SchedulingObject, into current: inout SchedulingObject) {
        let have = Set(current.timeZones.compactMap { $0[raw: "TZID"] })
        let missing = incoming.timeZones.filter { !have.contains($0[raw: "TZID"] ?? "") }
        guard !missing.isEmpty else { return }
        let firstScheduled = current.calendar.components.firstIndex { $0.name == current.componentType } ?? 0
        current.calendar.components.insert(contentsOf: missing, at: firstScheduled)
    }

    /// Content of a set of components with other attendees' answers ignored (RFC 6638 §3.2.10).
    static func sortedContent(_ components: [ICalComponent], keep: CalendarUserAddress?) -> [[String]] {
        components.map { ComponentComparison.content($0, ignoringStatus: true, keepStatusOf: keep) }
            .sorted { $0.joined(separator: "\n") < $1.joined(separator: "\n") }
    }
}
