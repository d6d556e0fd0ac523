/// The yearly RRULE subset VTIMEZONE observances use (RFC 5545 §3.6.5, §3.3.10).
///
/// `FREQ=YEARLY` with BYMONTH, BYDAY (with ordinals such as `-1SU`, `2SU`),
/// BYMONTHDAY (e.g. `8,9,10,11,12,13,14` with `BYDAY=SU`), INTERVAL, UNTIL and
/// COUNT. The full RRULE grammar lives with recurrence expansion.
struct YearlyRule: Hashable, Sendable {
    struct WeekdayNum: Hashable, Sendable {
        var ordinal: Int
        var weekday: Int  // 1 = Monday … 7 = Sunday
    }

    var interval = 1
    var months: [Int] = []
    var byDay: [WeekdayNum] = []
    var byMonthDay: [Int] = []
    var until: ICalDateTime?
    var count: Int?

    /// Parses a rule; nil unless FREQ=YEARLY.
    init?(parsing text: String) {
        var yearly = false
        for part in text.split(separator: ";") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let key = part[..<eq].uppercased()
            let value = part[part.index(after: eq)...]
            switch key {
            case "FREQ": yearly = value.uppercased() == "YEARLY"
            case "INTERVAL": interval = min(max(1, Int(value) ?? 1), 1000)
            case "BYMONTH": months = value.split(separator: ",").compactMap { Int($0) }.filter { (1...12).contains($0) }
            case "BYMONTHDAY":
                byMonthDay = value.split(separator: ",").compactMap { Int($0) }.filter { $0 != 0 && abs($0) <= 31 }
            case "BYDAY": byDay = value.split(separator: ",").compactMap(YearlyRule.weekdayNum)
            case "UNTIL": until = ICalDateTime(parsing: value)
            case "COUNT": count = Int(value).map { min(max(0, $0), 100_000) }
            default: continue
            }
        }
        guard yearly else { return nil }
    }

    static func weekdayNum(_ text: Substring) -> WeekdayNum? {
        let upper = text.uppercased()
        guard upper.count >= 2 else { return nil }
        let dayCode = upper.suffix(2)
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        guard let index = days.firstIndex(of: String(dayCode)) else { return nil }
        let number = upper.dropLast(2)
        let ordinal = number.isEmpty ? 0 : Int(number.hasPrefix("+") ? number.dropFirst() : number) ?? 0
        guard abs(ordinal) <= 5 else { return nil }
        return WeekdayNum(ordinal: ordinal, weekday: index + 1)
    }

    /// The single onset in `year` for the common shape `BYMONTH=m;BYDAY=±nDD`
    /// (computed without allocating); nil when the rule has another shape.
    func simpleOnset(year: Int, start: LocalDateTime) -> LocalDateTime?? {
        guard months.count <= 1, byDay.count == 1, byMonthDay.isEmpty, byDay[0].ordinal != 0 else { return nil }
        let month = months.first ?? start.month
        let entry = byDay[0]
        let length = LocalDateTime.daysInMonth(year, month)
        let firstWeekday = LocalDateTime(year: year, month: month, day: 1).weekday
        let first = (entry.weekday - firstWeekday + 7) % 7 + 1
        let day: Int
        if entry.ordinal > 0 {
            day = first + (entry.ordinal - 1) * 7
        } else {
            day = first + ((length - first) / 7) * 7 + (entry.ordinal + 1) * 7
        }
        guard day >= 1, day <= length else { return .some(nil) }
        return .some(LocalDateTime(year: year, month: month, day: day, hour: start.hour, minute: start.minute, second: start.second))
    }

    /// The onsets (wall-clock, as DTSTART is written) in `year`, sorted, before
    /// applying the DTSTART lower bound, UNTIL and COUNT.
    func candidates(year: Int, start: LocalDateTime) -> [LocalDateTime] {
        var result: [LocalDateTime] = []
        let monthList = months.isEmpty ? [start.month] : months.sorted()
        for month in monthList {
            let length = LocalDateTime.daysInMonth(year, month)
            var days: [Int] = []
            if !byDay.isEmpty {
                let firstWeekday = LocalDateTime(year: year, month: month, day: 1).weekday
                for entry in byDay {
                    let first = (entry.weekday - firstWeekday + 7) % 7 + 1
                    if entry.ordinal > 0 {
                        let day = first + (entry.ordinal - 1) * 7
                        if day <= length { days.append(day) }
                    } else if entry.ordinal < 0 {
                        let last = first + ((length - first) / 7) * 7
                        let day = last + (entry.ordinal + 1) * 7
                        if day >= 1 { days.append(day) }
                    } else {
                        var day = first
                        while day <= length {
                            days.append(day)
                            day += 7
                        }
                    }
                }
                if !byMonthDay.isEmpty {
                    let allowed = Set(byMonthDay.map { $0 > 0 ? $0 : length + $0 + 1 })
                    days = days.filter { allowed.contains($0) }
                }
            } else if !byMonthDay.isEmpty {
                days = byMonthDay.map { $0 > 0 ? $0 : length + $0 + 1 }.filter { $0 >= 1 && $0 <= length }
            } else if start.day <= length {
                days = [start.day]
            }
            for day in Set(days).sorted() {
                result.append(
                    LocalDateTime(year: year, month: month, day: day, hour: start.hour, minute: start.minute, second: start.second))
            }
        }
        return result
    }
}
