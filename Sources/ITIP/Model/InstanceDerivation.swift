import ICalendar

/// Builds an overridden instance from a master component (RFC 5545 §3.8.4.4),
/// for an answer about an instance nobody has overridden yet.
enum InstanceDerivation {
    static let recurrenceProperties: Set<String> = ["RRULE", "RDATE", "EXDATE", "EXRULE"]

    /// Whether the master's recurrence set (RRULE/RDATE minus EXDATE) has an instance
    /// starting at `recurrenceID` (RFC 5545 §3.8.5).
    static func isInstance(of master: ICalComponent, at recurrenceID: ICalDateTime, resolver: TimeZoneResolver) -> Bool {
        let set = RecurrenceSet(master: master)
        guard set.isRecurring else { return false }
        let utc = resolver.utcSeconds(recurrenceID)
        for instance in set.instances(in: TimeRange(start: utc, end: utc + 1), resolver: resolver) {
            if instance.recurrenceID == utc { return true }
            if instance.start > utc { break }
        }
        return false
    }

    /// A copy of `master` standing for the instance at `recurrenceID`.
    static func instance(of master: ICalComponent, at recurrenceID: ICalDateTime, resolver: TimeZoneResolver)
        -> ICalComponent
    {
        var result = master
        result.properties.removeAll { recurrenceProperties.contains($0.name) || $0.name == "RECURRENCE-ID" }
        let masterStart = master.property("DTSTART")?.dateTimeValue
        var start = recurrenceID
        // The instance starts at its RECURRENCE-ID, written like the master's DTSTART.
        if let masterStart, masterStart.zone != recurrenceID.zone, !recurrenceID.isDateOnly {
            if case .tzid = masterStart.zone {
                let utc = resolver.utcSeconds(recurrenceID)
                start = ICalDateTime(
                    local: resolver.zone(for: masterStart.zone).local(atUTC: utc), zone: masterStart.zone)
            }
        }
        for endName in ["DTEND", "DUE"] {
            guard let endProperty = master.property(endName), let end = endProperty.dateTimeValue,
                let masterStart
            else { continue }
            var newEnd: ICalDateTime
            if end.zone == masterStart.zone && end.isDateOnly == masterStart.isDateOnly {
                // Same zone: keep the wall-clock length (RFC 5545 §3.3.6 nominal duration).
                let delta = end.local.secondsSinceEpoch - masterStart.local.secondsSinceEpoch
                newEnd = ICalDateTime(local: start.local.adding(seconds: delta), isDateOnly: end.isDateOnly, zone: end.zone)
            } else {
                let delta = resolver.utcSeconds(end) - resolver.utcSeconds(masterStart)
                let utc = resolver.utcSeconds(start) + delta
                newEnd = ICalDateTime(local: resolver.zone(for: end.zone).local(atUTC: utc), zone: end.zone)
            }
            replace(&result, ICalProperty(endName, dateTime: newEnd), keepingParametersOf: endProperty)
        }
        if let startProperty = master.property("DTSTART") {
            replace(&result, ICalProperty("DTSTART", dateTime: start), keepingParametersOf: startProperty)
        }
        let rid = ICalProperty("RECURRENCE-ID", dateTime: recurrenceID)
        if let index = result.properties.firstIndex(where: { $0.name == "DTSTART" }) {
            result.properties.insert(rid, at: index + 1)
        } else {
            result.properties.append(rid)
        }
        return result
    }

    private static func replace(_ component: inout ICalComponent, _ property: ICalProperty, keepingParametersOf old: ICalProperty) {
        var merged = property
        for parameter in old.parameters where parameter.name != "TZID" && parameter.name != "VALUE" {
            merged.parameters.append(parameter)
        }
        component.setProperty(merged)
    }
}
