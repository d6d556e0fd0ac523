/// A wall-clock date and time with no zone attached (RFC 5545 §3.3.4/§3.3.5).
///
/// All calendar arithmetic in this library runs on this type with the
/// proleptic Gregorian calendar; Foundation's `Calendar` is far too slow for
/// recurrence expansion. Fields are not validated on construction: recurrence
/// code builds candidates like Feb 30 and asks `isValid`.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Gregorian year.
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, 1–31.
    public var day: Int
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int
    /// Second, 0–60 (60 only for a leap second).
    public var second: Int

    /// Creates a date-time; a date alone has 00:00:00.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// The wall-clock time that is `seconds` after 1970-01-01T00:00:00.
    public init(secondsSinceEpoch seconds: Int64) {
        let days = Int(floorDiv(seconds, 86_400))
        let rest = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = LocalDateTime.civil(fromDays: days)
        self.init(year: y, month: m, day: d, hour: rest / 3600, minute: (rest % 3600) / 60, second: rest % 60)
    }

    /// Seconds since 1970-01-01T00:00:00 of this wall-clock time read as UTC.
    public var secondsSinceEpoch: Int64 {
        Int64(daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 of the date part.
    public var daysSinceEpoch: Int {
        LocalDateTime.days(fromCivil: year, month, day)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let d = daysSinceEpoch  // 1970-01-01 was a Thursday (4)
        return ((d % 7) + 7 + 3) % 7 + 1
    }

    /// Day of the year, 1-based.
    public var dayOfYear: Int {
        daysSinceEpoch - LocalDateTime.days(fromCivil: year, 1, 1) + 1
    }

    /// Whether the fields name a real calendar moment (no Feb 30, no hour 24).
    public var isValid: Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= LocalDateTime.daysInMonth(year, month)
            && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61
    }

    /// The date part at midnight.
    public var startOfDay: LocalDateTime { LocalDateTime(year: year, month: month, day: day) }

    /// This moment shifted by a number of seconds (wall-clock arithmetic).
    public func adding(seconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// This moment shifted by whole days, keeping the time of day.
    public func adding(days: Int) -> LocalDateTime {
        let (y, m, d) = LocalDateTime.civil(fromDays: daysSinceEpoch + days)
        return LocalDateTime(year: y, month: m, day: d, hour: hour, minute: minute, second: second)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month of a year.
    public static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
    public static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    /// Chronological order of the wall-clock fields.
    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
            < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
    }

    /// `YYYYMMDDTHHMMSS`, the RFC 5545 form without zone designator.
    public var description: String {
        func pad(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
        }
        return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(hour, 2) + pad(minute, 2) + pad(second, 2)
    }
}

@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
