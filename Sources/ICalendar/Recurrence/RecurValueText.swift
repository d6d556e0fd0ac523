/// A DURATION split the way RFC 5545 §3.3.6 defines it: weeks and days are
/// nominal (wall-clock days, DST-aware), hours/minutes/seconds exact.
struct RecurDuration: Hashable, Sendable {
    /// Nominal days (weeks × 7 + days), signed.
    var days: Int
    /// Exact seconds, signed.
    var seconds: Int64

    static let zero = RecurDuration(days: 0, seconds: 0)

    /// Whether the duration is longer than zero (treating a day as 86 400 s).
    var isPositive: Bool { Int64(days) * 86_400 + seconds > 0 }
}

/// Minimal decoding of the value types recurrence needs (DATE, DATE-TIME,
/// DURATION, PERIOD) from raw property text (RFC 5545 §3.3).
enum RecurValueText {
    /// `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`.
    static func dateTime(_ text: some StringProtocol, tzid: String? = nil) -> ICalDateTime? {
        let u = Array(text.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            var v = 0
            for i in from..<from + len {
                let c = u[i]
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard u.count >= 8, let y = num(0, 4), let mo = num(4, 2), let d = num(6, 2) else { return nil }
        if u.count == 8 {
            let local = LocalDateTime(year: y, month: mo, day: d)
            return local.isValid ? ICalDateTime(local: local, isDateOnly: true) : nil
        }
        guard u.count == 15 || (u.count == 16 && (u[15] == 90 || u[15] == 122)), u[8] == 84 || u[8] == 116,
            let h = num(9, 2), let mi = num(11, 2), let s = num(13, 2)
        else { return nil }
        let local = LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: min(s, 59))
        guard local.isValid else { return nil }
        if u.count == 16 { return ICalDateTime(local: local, zone: .utc) }
        if let tzid { return ICalDateTime(local: local, zone: .tzid(tzid)) }
        return ICalDateTime(local: local, zone: .floating)
    }

    /// `[+-]P…` as in RFC 5545 §3.3.6 (`P1W`, `-PT15M`, `P1DT2H`).
    static func duration(_ text: some StringProtocol) -> RecurDuration? {
        var chars = Substring(text.recurTrimmed().uppercased())
        var sign = 1
        if chars.first == "+" || chars.first == "-" {
            if chars.first == "-" { sign = -1 }
            chars = chars.dropFirst()
        }
        guard chars.first == "P" else { return nil }
        chars = chars.dropFirst()
        var days = 0
        var seconds: Int64 = 0
        var inTime = false
        var number: Int64? = nil
        var sawComponent = false
        for c in chars {
            if let digit = c.wholeNumberValue, c.isASCII {
                number = (number ?? 0) * 10 + Int64(digit)
                guard number! < 1_000_000_000 else { return nil }
                continue
            }
            if c == "T" {
                guard !inTime, number == nil else { return nil }
                inTime = true
                continue
            }
            guard let n = number else { return nil }
            switch (c, inTime) {
            case ("W", false): days += Int(n) * 7
            case ("D", false): days += Int(n)
            case ("H", true): seconds += n * 3600
            case ("M", true): seconds += n * 60
            case ("S", true): seconds += n
            default: return nil
            }
            number = nil
            sawComponent = true
        }
        guard sawComponent, number == nil else { return nil }
        return RecurDuration(days: days * sign, seconds: seconds * Int64(sign))
    }

    /// The DATE/DATE-TIME value of a property, honouring `TZID` and `VALUE=DATE`.
    static func dateTime(of property: ICalProperty) -> ICalDateTime? {
        dateTime(property.rawValue.recurTrimmed(), tzid: property[parameter: "TZID"])
    }

    /// One entry of an RDATE/EXDATE/FREEBUSY list: a date, a date-time or a period.
    enum ListItem: Hashable, Sendable {
        case date(ICalDateTime)
        case period(start: ICalDateTime, end: ICalDateTime?, duration: RecurDuration?)
    }

    /// The comma-separated entries of RDATE, EXDATE or FREEBUSY (RFC 5545 §3.8.5.2, §3.8.5.1, §3.8.2.6).
    static func list(of property: ICalProperty) -> [ListItem] {
        let tzid = property[parameter: "TZID"]
        var out: [ListItem] = []
        for item in property.rawValue.split(separator: ",") {
            let text = item.recurTrimmed()
            if let slash = text.firstIndex(of: "/") {
                guard let start = dateTime(text[..<slash], tzid: tzid) else { continue }
                let rest = text[text.index(after: slash)...]
                if let end = dateTime(rest, tzid: tzid) {
                    out.append(.period(start: start, end: end, duration: nil))
                } else if let d = duration(rest) {
                    out.append(.period(start: start, end: nil, duration: d))
                }
            } else if let value = dateTime(text, tzid: tzid) {
                out.append(.date(value))
            }
        }
        return out
    }
}

extension TimeZoneResolver {
    /// The UTC instant of `value` shifted by a duration: days on the wall clock of the value's zone, then exact seconds (RFC 5545 §3.3.6).
    func recurUTC(_ value: ICalDateTime, plus duration: RecurDuration) -> Int64 {
        let zone = self.zone(for: value.zone)
        let local = duration.days == 0 ? value.local : value.local.adding(days: duration.days)
        return zone.utcSeconds(forLocal: local) + duration.seconds
    }
}
