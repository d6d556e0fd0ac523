/// An RRULE value: how a recurring component repeats (RFC 5545 §3.3.10).
///
/// Parsing keeps every rule part; serializing writes them back in a fixed
/// order (FREQ first, as RFC 5545 §3.3.10 recommends for compatibility).
public struct RecurrenceRule: Hashable, Sendable {
    /// The FREQ rule part (RFC 5545 §3.3.10).
    public enum Frequency: String, Hashable, Sendable, CaseIterable {
        case secondly = "SECONDLY", minutely = "MINUTELY", hourly = "HOURLY", daily = "DAILY"
        case weekly = "WEEKLY", monthly = "MONTHLY", yearly = "YEARLY"
    }

    /// A day of the week; raw values are ISO weekdays, 1 = Monday … 7 = Sunday (RFC 5545 §3.3.10 `weekday`).
    public enum Weekday: Int, Hashable, Sendable, CaseIterable {
        case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

        /// The two-letter code (`MO` … `SU`).
        public var code: String {
            ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue - 1]
        }

        /// The weekday for a two-letter code, case-insensitive.
        public init?(code: String) {
            guard let index = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].firstIndex(of: code.uppercased()) else {
                return nil
            }
            self.init(rawValue: index + 1)
        }
    }

    /// One BYDAY entry: a weekday with an optional ordinal, e.g. `-1FR` (RFC 5545 §3.3.10 `weekdaynum`).
    public struct WeekdayNum: Hashable, Sendable {
        /// nil for every such weekday; otherwise ±1…53 (the n-th / n-th last).
        public var ordinal: Int?
        /// The weekday.
        public var weekday: Weekday

        /// Creates an entry.
        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// The entry as RFC 5545 writes it (`MO`, `2TU`, `-1FR`).
        public var text: String { (ordinal.map(String.init) ?? "") + weekday.code }
    }

    /// FREQ.
    public var frequency: Frequency
    /// INTERVAL, at least 1.
    public var interval: Int = 1
    /// COUNT, if given (at least 1).
    public var count: Int?
    /// UNTIL, if given: a DATE or a DATE-TIME (UTC or floating).
    public var until: ICalDateTime?
    /// BYSECOND, 0…60.
    public var bySecond: [Int] = []
    /// BYMINUTE, 0…59.
    public var byMinute: [Int] = []
    /// BYHOUR, 0…23.
    public var byHour: [Int] = []
    /// BYDAY.
    public var byDay: [WeekdayNum] = []
    /// BYMONTHDAY, ±1…31.
    public var byMonthDay: [Int] = []
    /// BYYEARDAY, ±1…366.
    public var byYearDay: [Int] = []
    /// BYWEEKNO, ±1…53.
    public var byWeekNo: [Int] = []
    /// BYMONTH, 1…12.
    public var byMonth: [Int] = []
    /// BYSETPOS, ±1…366.
    public var bySetPos: [Int] = []
    /// WKST, Monday by default.
    public var weekStart: Weekday = .monday

    /// Creates a rule with only a frequency; set the other parts as needed.
    public init(frequency: Frequency) {
        self.frequency = frequency
    }

    /// Whether the rule ends (has COUNT or UNTIL).
    public var isBounded: Bool { count != nil || until != nil }

    /// The rule as RFC 5545 text, e.g. `FREQ=MONTHLY;BYDAY=-1FR;COUNT=3` (RFC 5545 §3.3.10).
    public var text: String {
        var parts = ["FREQ=" + frequency.rawValue]
        if let until { parts.append("UNTIL=" + until.valueText) }
        if let count { parts.append("COUNT=\(count)") }
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        func list(_ name: String, _ values: [Int]) {
            if !values.isEmpty { parts.append(name + "=" + values.map(String.init).joined(separator: ",")) }
        }
        list("BYSECOND", bySecond)
        list("BYMINUTE", byMinute)
        list("BYHOUR", byHour)
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.text).joined(separator: ",")) }
        list("BYMONTHDAY", byMonthDay)
        list("BYYEARDAY", byYearDay)
        list("BYWEEKNO", byWeekNo)
        list("BYMONTH", byMonth)
        list("BYSETPOS", bySetPos)
        if weekStart != .monday { parts.append("WKST=" + weekStart.code) }
        return parts.joined(separator: ";")
    }
}
