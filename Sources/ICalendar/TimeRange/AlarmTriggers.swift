/// When a VALARM fires: TRIGGER (relative to START or END, or absolute) and its REPEAT/DURATION repetitions (RFC 5545 §3.6.6, §3.8.6.3).
enum AlarmTriggers {
    /// Every trigger instant (UTC seconds) of `alarm` for one instance of its parent; at most 1000 repetitions.
    static func times(
        of alarm: ICalComponent, instanceStart: Int64, instanceEnd: Int64, resolver: TimeZoneResolver
    ) -> [Int64] {
        guard let trigger = alarm.property("TRIGGER") else { return [] }
        let first: Int64
        if isAbsolute(alarm) {
            guard let absolute = RecurValueText.dateTime(of: trigger) else { return [] }
            first = resolver.utcSeconds(absolute)
        } else {
            let offset = RecurValueText.duration(trigger.rawValue)!
            let base = trigger[parameter: "RELATED"]?.uppercased() == "END" ? instanceEnd : instanceStart
            first = base + Int64(offset.days) * 86_400 + offset.seconds
        }
        var times = [first]
        if let repeatText = alarm[raw: "REPEAT"], let count = Int(repeatText.recurTrimmed()), count > 0,
            let gap = alarm[raw: "DURATION"].flatMap({ RecurValueText.duration($0) })
        {
            let step = Int64(gap.days) * 86_400 + gap.seconds
            if step > 0 {
                for k in 1...Swift.min(count, 1000) { times.append(first + Int64(k) * step) }
            }
        }
        return times
    }

    /// Whether the TRIGGER is an absolute DATE-TIME.
    static func isAbsolute(_ alarm: ICalComponent) -> Bool {
        guard let trigger = alarm.property("TRIGGER") else { return false }
        return trigger[parameter: "VALUE"]?.uppercased() == "DATE-TIME" || RecurValueText.duration(trigger.rawValue) == nil
    }

    /// How far (seconds) any trigger of `alarm` can lie from its instance's start or end.
    static func reach(of alarm: ICalComponent) -> Int64 {
        guard let trigger = alarm.property("TRIGGER"), let offset = RecurValueText.duration(trigger.rawValue) else {
            return 0
        }
        var reach = abs(Int64(offset.days) * 86_400 + offset.seconds) + 7200
        if let repeatText = alarm[raw: "REPEAT"], let count = Int(repeatText.recurTrimmed()),
            let gap = alarm[raw: "DURATION"].flatMap({ RecurValueText.duration($0) })
        {
            reach += Int64(Swift.min(Swift.max(count, 0), 1000)) * abs(Int64(gap.days) * 86_400 + gap.seconds)
        }
        return reach
    }
}
