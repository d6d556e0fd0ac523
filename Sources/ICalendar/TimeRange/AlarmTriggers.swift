/// When a VALARM fires: TRIGGER (relative to START or END, or absolute) and its REPEAT/DURATION repetitions (RFC 5545 §3.6.6, §3.8.6.3).
enum AlarmTriggers {
    /// Every trigger instant (UTC seconds) of `alarm` for one instance of its parent; at most 1000 repetitions.
    static func times(
        of alarm: ICalComponent, instanceStart: Int64, instanceEnd: Int64, resolver: TimeZoneResolver
    ) -> [Int64] {
        guard let trigger = alarm.property("TRIGGER") else { return [] }
        let first: Int64
        if isAbsolute(alarm) {
            guard let absolute = trigger.dateTimeValue else { return [] }
            first = resolver.utcSeconds(absolute)
        } else {
            guard let offset = trigger.durationValue else { return [] }
            let base = trigger[parameter: "RELATED"]?.uppercased() == "END" ? instanceEnd : instanceStart
            first = base + offset.seconds
        }
        var times = [first]
        if let repeatText = alarm[raw: "REPEAT"], let count = Int(repeatText.recurTrimmed()), count > 0,
            let gap = alarm.property("DURATION")?.durationValue
        {
            let step = gap.seconds
            if step > 0 {
                for k in 1...Swift.min(count, 1000) { times.append(first + Int64(k) * step) }
            }
        }
        return times
    }

    /// Whether the TRIGGER is an absolute DATE-TIME.
    static func isAbsolute(_ alarm: ICalComponent) -> Bool {
        guard let trigger = alarm.property("TRIGGER") else { return false }
        return trigger.valueType == "DATE-TIME" || trigger.durationValue == nil
    }

    /// How far (seconds) any trigger of `alarm` can lie from its instance's start or end.
    static func reach(of alarm: ICalComponent) -> Int64 {
        guard let trigger = alarm.property("TRIGGER"), let offset = trigger.durationValue else {
            return 0
        }
        var reach = abs(offset.seconds) + 7200
        if let repeatText = alarm[raw: "REPEAT"], let count = Int(repeatText.recurTrimmed()),
            let gap = alarm.property("DURATION")?.durationValue
        {
            reach += Int64(Swift.min(Swift.max(count, 0), 1000)) * abs(gap.seconds)
        }
        return reach
    }
}
