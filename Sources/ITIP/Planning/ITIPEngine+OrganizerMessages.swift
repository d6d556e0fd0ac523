import ICalendar

extension ITIPEngine {
    /// The messages one attendee gets for an organizer write, following the
    /// table of RFC 6638 §3.2.1.2 per instance.
    static func organizerMessages(
        to address: CalendarAddress, old: SchedulingObject?, new: SchedulingObject?, forced: Bool,
        organizer: String, now: Int64
    ) -> [ITIPMessage] {
        let wasScheduled = isServerScheduled(address, in: old)
        let isScheduled = isServerScheduled(address, in: new)
        let oldView = wasScheduled ? old.map { view(of: $0, for: address) } ?? [:] : [:]
        let newView = isScheduled ? new.map { view(of: $0, for: address) } ?? [:] : [:]
        guard let source = new ?? old else { return [] }
        let raw = rawAddress(address, old: old, new: new)

        func message(_ method: ITIPMethod, _ change: ITIPChange, _ components: [ICalComponent], from object: SchedulingObject)
            -> ITIPMessage
        {
            ITIPMessage(
                method: method, uid: source.uid, componentType: source.componentType, sender: organizer,
                recipient: raw, change: change,
                calendar: MessageBuilder.calendar(method: method, source: object, components: components))
        }

        // Nothing left for this attendee: cancel what it had (whole object or its instances).
        if newView.isEmpty || (newView[.master]?.status == "CANCELLED" && oldView[.master]?.status != "CANCELLED") {
            guard !oldView.isEmpty || !newView.isEmpty else { return [] }
            let previous = oldView.isEmpty ? newView : oldView
            if let oldMaster = previous[.master] {
                if oldMaster.status == "CANCELLED" && newView.isEmpty { return [] }
                let sequence = max(oldMaster.sequence + (new == nil ? 1 : 0), newView[.master]?.sequence ?? 0)
                let cancel = MessageBuilder.cancelComponent(
                    source: newView[.master] ?? oldMaster, recurrenceID: nil, attendee: oldMaster.attendee(address),
                    sequence: sequence, now: now)
                return [message(.cancel, .cancel, [cancel], from: old ?? source)]
            }
            let object = old ?? source
            let cancels = previous.keys.sorted().compactMap { key -> ICalComponent? in
                guard let component = previous[key], component.status != "CANCELLED",
                    let rid = component.recurrenceID
                else { return nil }
                let current = new?.byKey[new!.key(of: rid)]
                return MessageBuilder.cancelComponent(
                    source: component, recurrenceID: rid, attendee: component.attendee(address),
                    sequence: max(component.sequence + (new == nil ? 1 : 0), current?.sequence ?? 0), now: now)
            }
            return cancels.isEmpty ? [] : [message(.cancel, .cancel, cancels, from: object)]
        }
        guard let new else { return [] }

        var full = forced || oldView.isEmpty
        var rescheduled = false
        var instanceKeys: [InstanceKey] = []
        var cancelled: [(rid: ICalDateTime, source: ICalComponent)] = []
        let newMaster = newView[.master]
        let oldMaster = oldView[.master]
        if (newMaster == nil) != (oldMaster == nil) {
            full = true
        } else if let newMaster, let oldMaster, let old {
            let before = ComponentComparison.content(oldMaster, ignoringStatus: true, keepStatusOf: address, ignoringExceptions: true)
            let after = ComponentComparison.content(newMaster, ignoringStatus: true, keepStatusOf: address, ignoringExceptions: true)
            if before != after {
                full = true
                rescheduled = rescheduled || ComponentComparison.timeChanged(oldMaster, newMaster)
            }
            let oldExcluded = old.exdates(of: oldMaster)
            let newExcluded = new.exdates(of: newMaster)
            var oldExcludedKeys = Set<InstanceKey>()
            for (_, value) in oldExcluded { oldExcludedKeys.insert(new.key(of: value)) }
            for (key, value) in newExcluded.sorted(by: { $0.key < $1.key }) where !oldExcludedKeys.contains(key) {
                // Newly excluded instance: per-instance CANCEL (RFC 5546 §3.2.5).
                let previous = oldView[key] ?? newMaster
                if previous.status != "CANCELLED" { cancelled.append((value, previous)) }
            }
            if oldExcludedKeys.contains(where: { newExcluded[$0] == nil }) { full = true }
        }
        let overrideKeys = Set(oldView.keys).union(newView.keys).filter { !$0.isMaster }.sorted()
        for key in overrideKeys {
            let before = oldView[key]
            let after = newView[key]
            if let after {
                if after.status == "CANCELLED" {
                    if before?.status != "CANCELLED", let rid = after.recurrenceID {
                        cancelled.append((rid, after))
                    }
                    continue
                }
                guard let before else {
                    instanceKeys.append(key)
                    if let newMaster, let rid = after.recurrenceID {
                        let derived = InstanceDerivation.instance(of: newMaster, at: rid, resolver: new.resolver)
                        rescheduled = rescheduled || ComponentComparison.timeChanged(derived, after)
                    }
                    continue
                }
                let a = ComponentComparison.content(before, ignoringStatus: true, keepStatusOf: address)
                let b = ComponentComparison.content(after, ignoringStatus: true, keepStatusOf: address)
                if a != b || before.status == "CANCELLED" {
                    instanceKeys.append(key)
                    rescheduled = rescheduled || ComponentComparison.timeChanged(before, after)
                }
            } else if let before {
                if let newMaster, new.exdates(of: newMaster)[key] == nil {
                    // The instance went back to the master's form.
                    full = true
                } else if newMaster == nil, before.status != "CANCELLED", let rid = before.recurrenceID {
                    cancelled.append((rid, before))
                }
            }
        }

        var result: [ITIPMessage] = []
        let change: ITIPChange = oldView.isEmpty ? .new : (rescheduled ? .reschedule : .update)
        if full {
            let components = newView.keys.sorted().compactMap { newView[$0] }.map { MessageBuilder.outgoing($0, now: now) }
            result.append(message(.request, change, components, from: new))
        } else if !instanceKeys.isEmpty {
            let components = instanceKeys.compactMap { newView[$0] }.map { MessageBuilder.outgoing($0, now: now) }
            result.append(message(.request, change, components, from: new))
        }
        var seenCancel = Set<InstanceKey>()
        let cancelComponents = cancelled.compactMap { item -> ICalComponent? in
            guard seenCancel.insert(new.key(of: item.rid)).inserted else { return nil }
            let attendee = item.source.attendee(address) ?? oldMaster?.attendee(address)
            let cancelledOverride = new.byKey[new.key(of: item.rid)]
            let sequence = max(item.source.sequence, newMaster?.sequence ?? 0, cancelledOverride?.sequence ?? 0)
            return MessageBuilder.cancelComponent(
                source: item.source, recurrenceID: item.rid, attendee: attendee, sequence: sequence, now: now)
        }
        if !cancelComponents.isEmpty { result.append(message(.cancel, .cancel, cancelComponents, from: new)) }
        return result
    }

    /// The address as the object writes it (for the message's recipient).
    static func rawAddress(_ address: CalendarAddress, old: SchedulingObject?, new: SchedulingObject?) -> String {
        for object in [new, old].compactMap({ $0 }) {
            if let found = object.allAttendees.first(where: { $0.address == address }) { return found.raw }
        }
        return address.normalized
    }
}
