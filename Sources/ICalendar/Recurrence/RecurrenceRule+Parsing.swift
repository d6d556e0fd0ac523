extension RecurrenceRule {
    /// Reads an RRULE value such as `FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20270101T000000Z` (RFC 5545 §3.3.10).
    ///
    /// Part names are case-insensitive; a part may appear only once; COUNT and
    /// UNTIL exclude each other. Unknown `X-` parts are ignored.
    public init(parsing text: String) throws(RecurrenceRuleError) {
        var seen = Set<String>()
        var frequency: Frequency?
        var rule = RecurrenceRule(frequency: .daily)
        for rawPart in text.split(separator: ";", omittingEmptySubsequences: true) {
            guard let eq = rawPart.firstIndex(of: "=") else { throw .unknownPart(String(rawPart)) }
            let name = rawPart[..<eq].recurTrimmed().uppercased()
            let value = String(rawPart[rawPart.index(after: eq)...]).recurTrimmed()
            if name.hasPrefix("X-") { continue }
            guard seen.insert(name).inserted else { throw .duplicatePart(name) }
            func bad() -> RecurrenceRuleError { .invalidValue(part: name, value: value) }
            func ints(_ range: ClosedRange<Int>, nonZero: Bool) throws(RecurrenceRuleError) -> [Int] {
                var out: [Int] = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let n = Int(item.recurTrimmed()), range.contains(n), !(nonZero && n == 0) else {
                        throw bad()
                    }
                    out.append(n)
                }
                return out
            }
            switch name {
            case "FREQ":
                guard let f = Frequency(rawValue: value.uppercased()) else { throw bad() }
                frequency = f
            case "INTERVAL":
                guard let n = Int(value), n >= 1 else { throw bad() }
                rule.interval = n
            case "COUNT":
                guard let n = Int(value), n >= 1 else { throw bad() }
                rule.count = n
            case "UNTIL":
                guard let until = ICalDateTime(parsing: value) else { throw bad() }
                rule.until = until
            case "BYSECOND": rule.bySecond = try ints(0...60, nonZero: false)
            case "BYMINUTE": rule.byMinute = try ints(0...59, nonZero: false)
            case "BYHOUR": rule.byHour = try ints(0...23, nonZero: false)
            case "BYMONTHDAY": rule.byMonthDay = try ints(-31...31, nonZero: true)
            case "BYYEARDAY": rule.byYearDay = try ints(-366...366, nonZero: true)
            case "BYWEEKNO": rule.byWeekNo = try ints(-53...53, nonZero: true)
            case "BYMONTH": rule.byMonth = try ints(1...12, nonZero: false)
            case "BYSETPOS": rule.bySetPos = try ints(-366...366, nonZero: true)
            case "BYDAY":
                var days: [WeekdayNum] = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    let entry = item.recurTrimmed()
                    guard entry.count >= 2, let weekday = Weekday(code: String(entry.suffix(2))) else { throw bad() }
                    let prefix = entry.dropLast(2)
                    var ordinal: Int?
                    if !prefix.isEmpty {
                        guard let n = Int(prefix), n != 0, (-53...53).contains(n) else { throw bad() }
                        ordinal = n
                    }
                    days.append(WeekdayNum(weekday, ordinal: ordinal))
                }
                rule.byDay = days
            case "WKST":
                guard let day = Weekday(code: value) else { throw bad() }
                rule.weekStart = day
            case "RSCALE":
                // RFC 7529: only the Gregorian scale is supported.
                guard value.uppercased() == "GREGORIAN" else { throw bad() }
            case "SKIP":
                // RFC 7529: OMIT is what RFC 5545 does anyway; other modes need RSCALE leap months.
                guard value.uppercased() == "OMIT" else { throw bad() }
            default:
                throw .unknownPart(name)
            }
        }
        guard let frequency else { throw .missingFrequency }
        if rule.count != nil && rule.until != nil { throw .countAndUntil }
        rule.frequency = frequency
        self = rule
    }
}

extension RecurrenceRule {
    /// Checks the "MUST NOT" combinations of RFC 5545 §3.3.10 that parsing tolerates (expansion copes with them).
    ///
    /// BYWEEKNO only with YEARLY; BYYEARDAY not with DAILY, WEEKLY or MONTHLY;
    /// BYMONTHDAY not with WEEKLY; BYDAY ordinals only with MONTHLY or YEARLY,
    /// and not with YEARLY plus BYWEEKNO.
    public func validate() throws(RecurrenceRuleError) {
        if !byWeekNo.isEmpty && frequency != .yearly { throw .partNotAllowed(part: "BYWEEKNO", frequency: frequency) }
        if !byYearDay.isEmpty && [.daily, .weekly, .monthly].contains(frequency) {
            throw .partNotAllowed(part: "BYYEARDAY", frequency: frequency)
        }
        if !byMonthDay.isEmpty && frequency == .weekly { throw .partNotAllowed(part: "BYMONTHDAY", frequency: frequency) }
        if byDay.contains(where: { $0.ordinal != nil }) {
            if !(frequency == .monthly || frequency == .yearly) || (frequency == .yearly && !byWeekNo.isEmpty) {
                throw .partNotAllowed(part: "BYDAY", frequency: frequency)
            }
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func recurTrimmed() -> String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return String(self[start..<end])
    }
}
