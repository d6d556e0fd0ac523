import Foundation
import ICalendar

/// A DATE or DATE-TIME of an event, read for display (RFC 5545 §3.3.4, §3.3.5).
struct EventTime: Equatable, Sendable {
    /// Wall-clock fields as written.
    var local: LocalDateTime
    /// True for VALUE=DATE.
    var isDate: Bool
    /// Where the wall-clock time is anchored.
    var zone: ICalDateTime.Zone

    /// Reads a DTSTART/DTEND/DUE/RECURRENCE-ID property; nil when the value is not a date.
    init?(_ property: ICalProperty?) {
        guard let property else { return nil }
        let raw = property.rawValue.trimmingSpaces
        let digits = Array(raw.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var value = 0
            for byte in digits[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8) else { return nil }
        if digits.count == 8 {
            local = LocalDateTime(year: year, month: month, day: day)
            isDate = true
            zone = .floating
        } else {
            guard digits.count >= 15, digits[8] == UInt8(ascii: "T"), let hour = number(9..<11), let minute = number(11..<13),
                let second = number(13..<15)
            else { return nil }
            local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            isDate = false
            if digits.count == 16 && (digits[15] == UInt8(ascii: "Z") || digits[15] == UInt8(ascii: "z")) {
                zone = .utc
            } else if let tzid = property[parameter: "TZID"] {
                zone = .tzid(tzid)
            } else {
                zone = .floating
            }
        }
        guard local.isValid else { return nil }
    }

    /// A value built from fields.
    init(local: LocalDateTime, isDate: Bool, zone: ICalDateTime.Zone) {
        self.local = local
        self.isDate = isDate
        self.zone = zone
    }

    /// The Foundation zone of a TZID, if it names an IANA zone (or a common Windows name).
    static func foundationZone(_ tzid: String) -> TimeZone? {
        var id = tzid
        if id.hasPrefix("/") { id.removeFirst() }  // "/mozilla.org/…/Europe/Berlin" style prefixes
        if let zone = TimeZone(identifier: id) { return zone }
        let parts = id.split(separator: "/")
        if parts.count >= 2, let zone = TimeZone(identifier: parts.suffix(2).joined(separator: "/")) { return zone }
        if let mapped = windowsZones[tzid], let zone = TimeZone(identifier: mapped) { return zone }
        return nil
    }

    /// The UTC instant, or nil for floating times and unknown zones.
    func utcSeconds() -> Int64? {
        switch zone {
        case .utc: return local.secondsSinceEpoch
        case .floating: return nil
        case .tzid(let id):
            guard let tz = EventTime.foundationZone(id) else { return nil }
            return EventTime.utcSeconds(local, in: tz)
        }
    }

    /// The instant of a wall-clock time in a Foundation zone (first occurrence when ambiguous).
    static func utcSeconds(_ local: LocalDateTime, in zone: TimeZone) -> Int64 {
        let wall = local.secondsSinceEpoch
        var guess = wall - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall))))
        for _ in 0..<2 {
            guess = wall - Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(guess))))
        }
        return guess
    }

    /// This value moved by a duration (wall-clock arithmetic, as RFC 5545 §3.3.6 does for days).
    func adding(seconds: Int64) -> EventTime {
        EventTime(local: local.adding(seconds: seconds), isDate: isDate, zone: zone)
    }

    /// Seconds of a DURATION value such as `PT1H30M`, `P1D`, `-P1W` (RFC 5545 §3.3.6).
    static func durationSeconds(_ raw: String) -> Int64? {
        var text = Substring(raw.trimmingSpaces.uppercased())
        var sign: Int64 = 1
        if text.hasPrefix("-") { sign = -1; text = text.dropFirst() } else if text.hasPrefix("+") { text = text.dropFirst() }
        guard text.hasPrefix("P") else { return nil }
        text = text.dropFirst()
        var total: Int64 = 0
        var number: Int64 = 0
        var sawDigit = false
        for character in text {
            if let digit = character.wholeNumberValue {
                number = number * 10 + Int64(digit)
                sawDigit = true
                continue
            }
            let unit: Int64
            switch character {
            case "T": continue
            case "W": unit = 604_800
            case "D": unit = 86_400
            case "H": unit = 3600
            case "M": unit = 60
            case "S": unit = 1
            default: return nil
            }
            guard sawDigit else { return nil }
            total += number * unit
            number = 0
            sawDigit = false
        }
        return sawDigit ? nil : sign * total
    }

    /// Windows zone names Outlook writes as TZID, mapped to IANA (the common ones).
    static let windowsZones: [String: String] = [
        "W. Europe Standard Time": "Europe/Berlin", "Romance Standard Time": "Europe/Paris",
        "Central Europe Standard Time": "Europe/Budapest", "GMT Standard Time": "Europe/London",
        "Eastern Standard Time": "America/New_York", "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver", "Pacific Standard Time": "America/Los_Angeles",
        "Tokyo Standard Time": "Asia/Tokyo", "India Standard Time": "Asia/Kolkata",
        "China Standard Time": "Asia/Shanghai", "AUS Eastern Standard Time": "Australia/Sydney",
        "UTC": "UTC", "E. Europe Standard Time": "Europe/Chisinau", "FLE Standard Time": "Europe/Kiev",
    ]
}
