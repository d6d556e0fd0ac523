/// A DURATION value: `[+-]P[nW][nD][T[nH][nM][nS]]` (RFC 5545 §3.3.6).
///
/// Weeks and days are nominal (a day keeps the wall-clock time across a DST
/// change); hours, minutes and seconds are exact. Use `adding(to:in:)` to
/// get that right; `seconds` is the exact length assuming 24-hour days.
public struct ICalDuration: Hashable, Sendable, CustomStringConvertible {
    /// True for a negative duration (e.g. an alarm before the start).
    public var isNegative: Bool
    /// Whole weeks.
    public var weeks: Int
    /// Whole days.
    public var days: Int
    /// Hours.
    public var hours: Int
    /// Minutes.
    public var minutes: Int
    /// Seconds (the S part; `seconds` is the whole length).
    public var secondsPart: Int

    /// Creates a duration; all parts count in the direction given by `isNegative`.
    public init(isNegative: Bool = false, weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        self.isNegative = isNegative
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.secondsPart = seconds
    }

    /// A duration of exactly `seconds` (negative allowed), written with days where whole.
    public init(totalSeconds total: Int64) {
        let negative = total < 0
        var rest = negative ? -total : total
        let d = rest / 86_400
        rest %= 86_400
        self.init(
            isNegative: negative, days: Int(d), hours: Int(rest / 3600), minutes: Int((rest % 3600) / 60),
            seconds: Int(rest % 60))
    }

    /// Parses the RFC 5545 text form; nil when malformed.
    public init?(parsing text: some StringProtocol) {
        var negative = false
        var weeks = 0, days = 0, hours = 0, minutes = 0, secs = 0
        var number: Int? = nil
        var inTime = false
        var sawP = false
        var sawUnit = false
        var timeUnits = 0
        var first = true
        for b in text.utf8 {
            if b == 0x20 || b == 0x09 { continue }
            if first {
                first = false
                if b == 0x2D { negative = true; continue }
                if b == 0x2B { continue }
            }
            switch b {
            case 0x50, 0x70:  // P
                guard !sawP, number == nil else { return nil }
                sawP = true
            case 0x54, 0x74:  // T
                guard sawP, !inTime, number == nil else { return nil }
                inTime = true
            case 0x30...0x39:
                guard sawP else { return nil }
                let (v, overflow) = (number ?? 0).multipliedReportingOverflow(by: 10)
                guard !overflow, v < 1_000_000_000 else { return nil }
                number = v + Int(b - 0x30)
            default:
                guard let value = number else { return nil }
                switch (b | 0x20, inTime) {
                case (0x77, false): weeks = value
                case (0x64, false): days = value
                case (0x68, true): hours = value; timeUnits += 1
                case (0x6D, true): minutes = value; timeUnits += 1
                case (0x73, true): secs = value; timeUnits += 1
                default: return nil
                }
                number = nil
                sawUnit = true
            }
        }
        guard sawP, sawUnit, number == nil, !inTime || timeUnits > 0 else { return nil }
        self.init(isNegative: negative, weeks: weeks, days: days, hours: hours, minutes: minutes, seconds: secs)
    }

    /// Nominal days (weeks × 7 + days), signed.
    public var nominalDays: Int { (isNegative ? -1 : 1) * (weeks * 7 + days) }

    /// The exact part (hours, minutes, seconds) in seconds, signed.
    public var timeSeconds: Int64 {
        (isNegative ? -1 : 1) * (Int64(hours) * 3600 + Int64(minutes) * 60 + Int64(secondsPart))
    }

    /// Total length in seconds, counting a day as 86 400 seconds, signed.
    public var seconds: Int64 { Int64(nominalDays) * 86_400 + timeSeconds }

    /// The UTC end of this duration started at wall-clock `start` in `zone`: days
    /// move the wall clock, the time part is added exactly (RFC 5545 §3.3.6).
    public func adding(to start: LocalDateTime, in zone: ICalTimeZone) -> Int64 {
        zone.utcSeconds(forLocal: start.adding(days: nominalDays)) + timeSeconds
    }

    /// The end of this duration after `start`, as UTC seconds (RFC 5545 §3.3.6).
    public func adding(to start: ICalDateTime, resolver: TimeZoneResolver) -> Int64 {
        adding(to: start.local, in: resolver.zone(for: start.zone))
    }

    /// The RFC 5545 text, e.g. `-PT15M`, `P1W`, `P1DT2H`, `PT0S`.
    public var description: String {
        var s = isNegative ? "-P" : "P"
        if weeks != 0 && days == 0 && hours == 0 && minutes == 0 && secondsPart == 0 {
            return s + "\(weeks)W"
        }
        let allDays = weeks * 7 + days
        if allDays != 0 { s += "\(allDays)D" }
        if hours != 0 || minutes != 0 || secondsPart != 0 || allDays == 0 {
            s += "T"
            if hours != 0 { s += "\(hours)H" }
            if minutes != 0 { s += "\(minutes)M" }
            if secondsPart != 0 || (hours == 0 && minutes == 0) { s += "\(secondsPart)S" }
        }
        return s
    }
}
