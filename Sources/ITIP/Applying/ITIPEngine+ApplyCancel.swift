import ICalendar

extension ITIPEngine {
    /// Applies a CANCEL to the recipient's copy (RFC 5546 §3.2.5): a CANCEL of the
    /// whole object deletes the copy (object nil); a per-instance CANCEL removes
    /// the instance (override dropped, EXDATE added to the master).
    public static func apply(cancel message: ICalComponent, to existing: ICalComponent?) throws(ITIPError) -> ApplyResult {
        let incoming = try SchedulingObject(message)
        guard let existing else { return ApplyResult(object: nil, changesScheduleTag: false) }
        var current = try SchedulingObject(existing)
        guard current.uid == incoming.uid else { throw .uidChanged }
        let currentByKey = current.byKey
        var cancelled: [(InstanceKey, ICalDateTime)] = []
        for component in incoming.components {
            guard let rid = component.recurrenceID else {
                if let master = currentByKey[.master], component.sequence < master.sequence {
                    return ApplyResult(object: existing, changesScheduleTag: false, isStale: true)
                }
                return ApplyResult(object: nil, changesScheduleTag: true)
            }
            let key = current.key(of: rid)
            if let reference = currentByKey[key] ?? currentByKey[.master], component.sequence < reference.sequence {
                continue
            }
            cancelled.append((key, rid))
        }
        guard !cancelled.isEmpty else { return ApplyResult(object: existing, changesScheduleTag: false, isStale: true) }
        let keys = Set(cancelled.map(\.0))
        var components = current.components.filter { component in
            component.property("RECURRENCE-ID") == nil || !keys.contains(current.key(of: component))
        }
        if let index = components.firstIndex(where: { $0.property("RECURRENCE-ID") == nil }) {
            let excluded = current.exdates(of: components[index])
            let start = components[index].property("DTSTART")?.dateTimeValue
            for (key, rid) in cancelled where excluded[key] == nil {
                components[index].addProperty(ICalProperty("EXDATE", dateTime: written(rid, like: start, in: current)))
            }
        }
        if components.isEmpty { return ApplyResult(object: nil, changesScheduleTag: true) }
        current.replaceComponents(components)
        return ApplyResult(object: current.calendar, changesScheduleTag: true)
    }

    /// An instant re-expressed in the form of the master's DTSTART, so EXDATE matches it (RFC 5545 §3.8.5.1).
    static func written(_ value: ICalDateTime, like start: ICalDateTime?, in object: SchedulingObject) -> ICalDateTime {
        guard let start, start.zone != value.zone, !start.isDateOnly, !value.isDateOnly else { return value }
        let utc = object.resolver.utcSeconds(value)
        return ICalDateTime(local: object.resolver.zone(for: start.zone).local(atUTC: utc), zone: start.zone)
    }
}
