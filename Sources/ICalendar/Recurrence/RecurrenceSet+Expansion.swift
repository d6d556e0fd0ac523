extension RecurrenceSet {
    /// Whether `recurrenceID` (UTC seconds) names an instance: an override, or a series occurrence not removed by EXDATE (RFC 5545 §3.8.4.4).
    ///
    /// Series instances shifted by RANGE=THISANDFUTURE are found when the shift is under a year.
    public func hasInstance(
        recurrenceID: Int64, resolver: TimeZoneResolver, limits: RecurrenceLimits = .default
    ) -> Bool {
        for override in overrides {
            if let value = override.property("RECURRENCE-ID")?.dateTimeValue,
                resolver.utcSeconds(value) == recurrenceID
            {
                return true
            }
        }
        guard master != nil else { return false }
        let margin: Int64 = 366 * 86_400
        let window = TimeRange(start: recurrenceID - margin, end: recurrenceID + margin)
        for instance in instances(in: window, resolver: resolver, limits: limits) {
            if instance.recurrenceID == recurrenceID { return true }
            if let rid = instance.recurrenceID, rid > recurrenceID + margin { break }
        }
        return false
    }
}

extension RecurrenceSet.Instance {
    /// This instance as a stand-alone component, as CALDAV:expand returns it (RFC 4791 §9.6.5).
    ///
    /// RRULE, RDATE, EXDATE and EXRULE are removed; a recurring instance gets
    /// RECURRENCE-ID (without RANGE); DTSTART and DTEND (DUE for a VTODO), when
    /// present, are written in UTC, or as DATE for all-day instances. DURATION stays.
    public func expandedComponent() -> ICalComponent {
        var c = component
        for name in ["RRULE", "RDATE", "EXDATE", "EXRULE"] { c.removeProperties(named: name) }
        if let recurrenceID {
            let value = recurrenceIDValue.flatMap { $0.isDateOnly ? $0 : nil } ?? .utc(recurrenceID)
            c.setProperty(ICalProperty("RECURRENCE-ID", dateTime: value))
        }
        let endName = c.name == "VTODO" ? "DUE" : "DTEND"
        let startName = c.property("DTSTART") != nil ? "DTSTART" : (c.property("DUE") != nil ? "DUE" : nil)
        guard let startName else { return c }
        if isDateOnly {
            let days = Int((end - start + 43_200) / 86_400)
            c.setProperty(ICalProperty(startName, dateTime: ICalDateTime(local: wallStart.startOfDay, isDateOnly: true)))
            if startName == "DTSTART", c.property(endName) != nil {
                let endDate = wallStart.startOfDay.adding(days: days)
                c.setProperty(ICalProperty(endName, dateTime: ICalDateTime(local: endDate, isDateOnly: true)))
            }
        } else {
            c.setProperty(ICalProperty(startName, dateTime: .utc(start)))
            if startName == "DTSTART", c.property(endName) != nil {
                c.setProperty(ICalProperty(endName, dateTime: .utc(end)))
            }
        }
        return c
    }
}
