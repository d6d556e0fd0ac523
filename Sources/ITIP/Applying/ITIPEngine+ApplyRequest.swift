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
            component.recurrenceID.map { current.key(of: $0) } ?? .master
        }
        for component in incoming.components {
            let key = currentKey(component)
            if let reference = currentByKey[key] ?? currentByKey[.master], component.sequence < reference.sequence {
                return ApplyResult(object: existing, changesScheduleTag: false, isStale: true)
            }
        }

        var merged: [ICalComponent] = []
        var mergedKeys: [InstanceKey] = []
        let instancesOnly = incoming.master == nil
        for var component in incoming.components {
            let key = currentKey(component)
            let previous = currentByKey[key]
            mergedKeys.append(key)
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
            // Per-instance REQUEST: the rest of the series stays in place, updated instances
            // replace theirs, new ones follow, a re-invited instance is no longer excluded.
            var incomingByKey: [InstanceKey: ICalComponent] = [:]
            for (key, component) in zip(mergedKeys, merged) { incomingByKey[key] = component }
            var result: [ICalComponent] = []
            for var component in current.components {
                let key = current.key(of: component)
                if let replacement = incomingByKey.removeValue(forKey: key) {
                    result.append(replacement)
                    continue
                }
                if key.isMaster { removeExclusions(Set(mergedKeys), from: &component, in: current) }
                result.append(component)
            }
            result += zip(mergedKeys, merged).filter { incomingByKey[$0.0] != nil }.map(\.1)
            merged = result
        }
        let before = current
        current.replaceComponents(merged)
        mergeTimeZones(from: incoming, into: &current)
        let tagChanges = isConsequential(before: before, after: current, for: me)
        return ApplyResult(object: current.calendar, changesScheduleTag: tagChanges)
    }

    /// Which of the recipient's addresses the message names as ATTENDEE.
    static func recipientAddress(in object: SchedulingObject, user: CalendarUser) -> CalendarAddress? {
        object.allAttendees.first { user.addresses.contains($0.address) }?.address
    }

    static func removeExclusions(_ keys: Set<InstanceKey>, from master: inout ICalComponent, in object: SchedulingObject) {
        var properties: [ICalProperty] = []
        for property in master.properties {
            guard property.name == "EXDATE" else { properties.append(property); continue }
            let values = property.dateTimeValues.filter { !keys.contains(object.key(of: $0)) }
            if values.isEmpty { continue }
            var kept = property
            kept.rawValue = values.map(\.valueText).joined(separator: ",")
            properties.append(kept)
        }
        master.properties = properties
    }

    static func mergeTimeZones(from incoming: SchedulingObject, into current: inout SchedulingObject) {
        let have = Set(current.calendar.timeZoneComponents.compactMap { $0[raw: "TZID"] })
        let missing = incoming.calendar.timeZoneComponents.filter { !have.contains($0[raw: "TZID"] ?? "") }
        guard !missing.isEmpty else { return }
        let firstScheduled = current.calendar.components.firstIndex { $0.name == current.componentType } ?? 0
        current.calendar.components.insert(contentsOf: missing, at: firstScheduled)
    }

    /// Whether an update changed more than other attendees' answers (RFC 6638 §3.2.10): instance by
    /// instance, an override that only records someone else's answer for an instance is no change.
    static func isConsequential(before: SchedulingObject, after: SchedulingObject, for me: CalendarAddress?) -> Bool {
        let old = before.byKey
        let new = after.byKey
        if (old[.master] == nil) != (new[.master] == nil) { return true }
        func content(_ component: ICalComponent) -> [String] {
            ComponentComparison.content(component, ignoringStatus: true, keepStatusOf: me)
        }
        func effective(_ key: InstanceKey, _ object: SchedulingObject, _ byKey: [InstanceKey: ICalComponent], like other: ICalComponent)
            -> ICalComponent?
        {
            if let component = byKey[key] { return component }
            guard let master = byKey[.master], let rid = other.property("RECURRENCE-ID")!.dateTimeValue else { return nil }
            if object.exdates(of: master)[key] != nil { return nil }
            return InstanceDerivation.instance(of: master, at: rid, resolver: object.resolver)
        }
        for key in Set(old.keys).union(new.keys) {
            if key.isMaster {
                if let a = old[key], let b = new[key], content(a) != content(b) { return true }
                continue
            }
            let reference = new[key] ?? old[key]!
            guard let a = effective(key, before, old, like: reference), let b = effective(key, after, new, like: reference),
                content(a) == content(b)
            else { return true }
        }
        return false
    }
}

extension StringProtocol {
    /// Drops blanks and line breaks around a METHOD value.
    fileprivate func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f.isNewline { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l.isNewline { s.removeLast() }
        return String(s)
    }
}
