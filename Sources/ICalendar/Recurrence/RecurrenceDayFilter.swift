/// The day-level BYxxx parts of a rule (BYMONTH, BYWEEKNO, BYYEARDAY,
/// BYMONTHDAY, BYDAY) as one predicate on a day, with the defaults taken from
/// DTSTART that RFC 5545 §3.3.10 implies ("information not contained in the
/// rule … is derived from DTSTART").
struct RecurrenceDayFilter: Sendable {
    enum OrdinalScope: Sendable { case none, month, year }

    let monthMask: UInt16
    let monthDayPositive: UInt32
    let monthDayNegative: UInt32
    let yearDays: [Int]
    let weekNumbers: [Int]
    let weekdayMask: UInt8
    let ordinalDays: [(ordinal: Int, weekday: Int)]
    let ordinalScope: OrdinalScope
    let hasByDay: Bool
    let weekStart: Int

    init(rule: RecurrenceRule, start: LocalDateTime) {
        var byMonth = rule.byMonth
        var byMonthDay = rule.byMonthDay
        var byDay = rule.byDay
        let noDayParts = rule.byWeekNo.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty
        let startWeekday = RecurrenceRule.Weekday(rawValue: start.weekday) ?? .monday
        switch rule.frequency {
        case .yearly:
            if noDayParts {
                if byMonth.isEmpty { byMonth = [start.month] }
                byMonthDay = [start.day]
            } else if !rule.byWeekNo.isEmpty && rule.byYearDay.isEmpty && byMonthDay.isEmpty && byDay.isEmpty {
                byDay = [.init(startWeekday)]
            }
        case .monthly:
            if byMonthDay.isEmpty && byDay.isEmpty && rule.byYearDay.isEmpty { byMonthDay = [start.day] }
        case .weekly:
            if byDay.isEmpty { byDay = [.init(startWeekday)] }
        default:
            break
        }
        switch rule.frequency {
        case .monthly: ordinalScope = .month
        case .yearly: ordinalScope = rule.byMonth.isEmpty ? .year : .month
        default: ordinalScope = .none
        }
        monthMask = byMonth.reduce(0) { $0 | UInt16(1) << UInt16($1) }
        monthDayPositive = byMonthDay.filter { $0 > 0 }.reduce(0) { $0 | UInt32(1) << UInt32($1) }
        monthDayNegative = byMonthDay.filter { $0 < 0 }.reduce(0) { $0 | UInt32(1) << UInt32(-$1) }
        yearDays = rule.byYearDay
        weekNumbers = rule.byWeekNo
        hasByDay = !byDay.isEmpty
        var mask: UInt8 = 0
        var ordinals: [(Int, Int)] = []
        for entry in byDay {
            if let ordinal = entry.ordinal, ordinalScope != .none {
                ordinals.append((ordinal, entry.weekday.rawValue))
            } else {
                mask |= UInt8(1) << UInt8(entry.weekday.rawValue)
            }
        }
        weekdayMask = mask
        ordinalDays = ordinals
        weekStart = rule.weekStart.rawValue
    }

    @inline(__always)
    static func weekday(ofDay day: Int) -> Int { ((day % 7) + 7 + 3) % 7 + 1 }

    /// Whether a day (days since 1970-01-01) passes every day-level part.
    func matches(day: Int) -> Bool {
        let (y, m, d) = LocalDateTime.civil(fromDays: day)
        let jan1 = LocalDateTime.days(fromCivil: y, 1, 1)
        return matches(
            day: day, month: m, dayOfMonth: d, weekday: Self.weekday(ofDay: day), dayOfYear: day - jan1 + 1,
            yearLength: LocalDateTime.isLeapYear(y) ? 366 : 365, monthLength: LocalDateTime.daysInMonth(y, m))
    }

    @inline(__always)
    func matches(
        day: Int, month: Int, dayOfMonth: Int, weekday: Int, dayOfYear: Int, yearLength: Int, monthLength: Int
    ) -> Bool {
        if monthMask != 0 && monthMask & (UInt16(1) << UInt16(month)) == 0 { return false }
        if monthDayPositive | monthDayNegative != 0 {
            let pos = monthDayPositive & (UInt32(1) << UInt32(dayOfMonth)) != 0
            let neg = monthDayNegative & (UInt32(1) << UInt32(monthLength + 1 - dayOfMonth)) != 0
            if !pos && !neg { return false }
        }
        if hasByDay && weekdayMask & (UInt8(1) << UInt8(weekday)) == 0 {
            var hit = false
            for entry in ordinalDays where entry.weekday == weekday {
                let (index, length) = ordinalScope == .month ? (dayOfMonth, monthLength) : (dayOfYear, yearLength)
                let n = entry.ordinal > 0 ? (index - 1) / 7 + 1 : -((length - index) / 7 + 1)
                if n == entry.ordinal { hit = true; break }
            }
            if !hit { return false }
        }
        if !yearDays.isEmpty {
            if !yearDays.contains(where: { $0 > 0 ? $0 == dayOfYear : yearLength + 1 + $0 == dayOfYear }) {
                return false
            }
        }
        if !weekNumbers.isEmpty {
            let (number, total) = weekNumber(ofDay: day, weekday: weekday)
            if !weekNumbers.contains(where: { $0 > 0 ? $0 == number : total + 1 + $0 == number }) { return false }
        }
        return true
    }

    /// Week number per RFC 5545 §3.3.10 (week 1 has at least four days of the year; weeks start on WKST) and the week-year's week count.
    func weekNumber(ofDay day: Int, weekday: Int) -> (number: Int, total: Int) {
        let middle = day - (weekday - weekStart + 7) % 7 + 3
        let year = LocalDateTime.civil(fromDays: middle).year
        let jan1 = LocalDateTime.days(fromCivil: year, 1, 1)
        let dec28 = LocalDateTime.days(fromCivil: year, 12, 28)
        let lastMiddle = dec28 - (Self.weekday(ofDay: dec28) - weekStart + 7) % 7 + 3
        return ((middle - jan1) / 7 + 1, (lastMiddle - jan1) / 7 + 1)
    }

    /// Appends the matching days of a month (as midnight wall seconds); returns how many days it examined.
    @discardableResult
    func collect(year: Int, month: Int, into bases: inout [Int64]) -> Int {
        if monthMask != 0 && monthMask & (UInt16(1) << UInt16(month)) == 0 { return 0 }
        let first = LocalDateTime.days(fromCivil: year, month, 1)
        let monthLength = LocalDateTime.daysInMonth(year, month)
        let yearLength = LocalDateTime.isLeapYear(year) ? 366 : 365
        let firstDayOfYear = first - LocalDateTime.days(fromCivil: year, 1, 1) + 1
        var weekday = Self.weekday(ofDay: first)
        for d in 1...monthLength {
            let day = first + d - 1
            if matches(
                day: day, month: month, dayOfMonth: d, weekday: weekday, dayOfYear: firstDayOfYear + d - 1,
                yearLength: yearLength, monthLength: monthLength)
            {
                bases.append(Int64(day) * 86_400)
            }
            weekday = weekday == 7 ? 1 : weekday + 1
        }
        return monthLength
    }
}
