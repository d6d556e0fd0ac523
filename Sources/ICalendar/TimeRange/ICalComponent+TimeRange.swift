extension ICalComponent {
    /// On a VCALENDAR: whether any component named `name` overlaps `range`,
    /// recurring ones instance by instance with their overrides (RFC 4791 §9.9).
    public func matches(
        _ range: TimeRange, componentNamed name: String, resolver: TimeZoneResolver,
        limits: RecurrenceLimits = .default
    ) -> Bool {
        RecurrenceSet.all(in: self, componentName: name).contains {
            $0.overlaps(range, resolver: resolver, limits: limits)
        }
    }

    /// Whether this one component overlaps `range` per RFC 4791 §9.9 (VEVENT, VTODO, VJOURNAL, VFREEBUSY, VAVAILABILITY); a recurring component if any instance does, without consulting overrides stored beside it.
    public func overlaps(_ range: TimeRange, resolver: TimeZoneResolver, limits: RecurrenceLimits = .default) -> Bool {
        if property("RECURRENCE-ID") != nil {
            return RecurrenceSet(master: nil, overrides: [self]).overlaps(range, resolver: resolver, limits: limits)
        }
        return RecurrenceSet(master: self).overlaps(range, resolver: resolver, limits: limits)
    }

    /// On a VCALENDAR: whether a VALARM of any component named `name` triggers within `range`, per instance for recurring ones (RFC 4791 §9.9, RFC 5545 §3.8.6.3).
    public func hasAlarm(
        in range: TimeRange, componentNamed name: String, resolver: TimeZoneResolver,
        limits: RecurrenceLimits = .default
    ) -> Bool {
        for set in RecurrenceSet.all(in: self, componentName: name) {
            let components = (set.master.map { [$0] } ?? []) + set.overrides
            guard components.contains(where: { !$0.components(named: "VALARM").isEmpty }) else { continue }
            // Absolute triggers do not move with instances.
            for component in components {
                for alarm in component.components(named: "VALARM") where AlarmTriggers.isAbsolute(alarm) {
                    let times = AlarmTriggers.times(of: alarm, instanceStart: 0, instanceEnd: 0, resolver: resolver)
                    if times.contains(where: { range.contains($0) }) { return true }
                }
            }
            // Widen the instance window by the furthest any trigger reaches from its instance.
            var reach: Int64 = 0
            for component in components {
                for alarm in component.components(named: "VALARM") { reach = Swift.max(reach, AlarmTriggers.reach(of: alarm)) }
            }
            let window = TimeRange(start: range.start.map { $0 - reach }, end: range.end.map { $0 + reach + 1 })
            for instance in set.instances(in: window, resolver: resolver, limits: limits) {
                for alarm in instance.component.components(named: "VALARM") {
                    let triggers = AlarmTriggers.times(
                        of: alarm, instanceStart: instance.start, instanceEnd: instance.end, resolver: resolver)
                    if triggers.contains(where: { range.contains($0) }) { return true }
                }
            }
        }
        return false
    }
}

extension RecurrenceSet {
    /// Whether any instance overlaps `range` by the rule of its component type (RFC 4791 §9.9).
    public func overlaps(_ range: TimeRange, resolver: TimeZoneResolver, limits: RecurrenceLimits = .default) -> Bool {
        let rs = range.start ?? .min
        let re = range.end ?? .max
        for component in (master.map { [$0] } ?? []) + overrides
        where component.name == "VFREEBUSY" || component.name == "VAVAILABILITY"
            || ComponentTiming(component, resolver: resolver) == nil
        {
            // Components without DTSTART (or DUE) have no instances; judge them as they are.
            if TimeRangeRules.untimedOverlap(component, rs: rs, re: re, resolver: resolver) { return true }
        }
        if let name = (master ?? overrides.first)?.name, name == "VFREEBUSY" || name == "VAVAILABILITY" { return false }
        let window = TimeRange(start: range.start, end: range.end.map { $0 == .max ? $0 : $0 + 1 })
        for instance in instances(in: window, resolver: resolver, limits: limits) {
            if TimeRangeRules.instanceOverlaps(instance, rs: rs, re: re) { return true }
        }
        return false
    }
}

/// The condition tables of RFC 4791 §9.9, with `rs`/`re` the range bounds.
enum TimeRangeRules {
    static func instanceOverlaps(_ instance: RecurrenceSet.Instance, rs: Int64, re: Int64) -> Bool {
        let c = instance.component
        let s = instance.start
        let e = instance.end
        switch c.name {
        case "VEVENT", "AVAILABLE":
            if c.property("DTEND") != nil { return rs < e && re > s }
            if c.property("DURATION") != nil, e > s { return rs < e && re > s }
            if c.property("DURATION") != nil { return rs <= s && re > s }
            return instance.isDateOnly ? (rs < e && re > s) : (rs <= s && re > s)
        case "VTODO":
            let hasStart = c.property("DTSTART") != nil
            if hasStart && c.property("DURATION") != nil && c.property("DUE") == nil {
                return rs <= e && (re > s || re >= e)
            }
            if hasStart && c.property("DUE") != nil { return (rs < e || rs <= s) && (re > s || re >= e) }
            if hasStart { return rs <= s && re > s }
            return rs < s && re >= s  // DUE only: the instance sits at DUE
        case "VJOURNAL":
            return instance.isDateOnly ? (rs < e && re > s) : (rs <= s && re > s)
        default:
            return rs < e && re > s || (e == s && rs <= s && re > s)
        }
    }

    static func untimedOverlap(_ c: ICalComponent, rs: Int64, re: Int64, resolver: TimeZoneResolver) -> Bool {
        func utc(_ name: String) -> Int64? {
            c.property(name)?.dateTimeValue.map { resolver.utcSeconds($0) }
        }
        switch c.name {
        case "VTODO":
            let completed = utc("COMPLETED")
            let created = utc("CREATED")
            switch (completed, created) {
            case (let done?, let made?): return (rs <= made || rs <= done) && (re >= made || re >= done)
            case (let done?, nil): return rs <= done && re >= done
            case (nil, let made?): return re > made
            case (nil, nil): return true
            }
        case "VFREEBUSY":
            if let start = utc("DTSTART"), let end = utc("DTEND") { return rs <= end && re > start }
            for property in c.properties(named: "FREEBUSY") {
                for period in property.periodValues {
                    let from = resolver.utcSeconds(period.start)
                    let to = period.endUTC(resolver)
                    if rs < to && re > from { return true }
                }
            }
            return false
        case "VAVAILABILITY":
            // RFC 7953 §3.1: no DTSTART means "from forever", no DTEND/DURATION "for ever".
            let start = utc("DTSTART") ?? .min
            var end = utc("DTEND") ?? .max
            if c.property("DTEND") == nil, let startValue = c.property("DTSTART")?.dateTimeValue,
                let duration = c.property("DURATION")?.durationValue
            {
                end = duration.adding(to: startValue, resolver: resolver)
            }
            return rs < end && re > start
        default:
            return false
        }
    }
}
