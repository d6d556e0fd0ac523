import ICalendar
import Storage

/// The `calendarobjects` index columns of a validated object, computed as sabre does.
///
/// TEMPORARY: a simple computation until ical-recur's `ObjectIndexer` is merged
/// (no recurrence walk: a bounded RRULE counts like a single instance, an
/// unbounded one ends at 2145916800; a TZID is read at the VTIMEZONE's first
/// STANDARD offset).
enum IndexFields {
    /// sabre's stand-in end for an unbounded recurrence.
    static let unboundedEnd: Int64 = 2_145_916_800

    /// uid, component type and first/last occurrence (VEVENT only).
    static func compute(_ object: ValidatedObject) -> ObjectIndex {
        var index = ObjectIndex(
            uid: object.uid, componentType: object.componentType, firstOccurrence: nil, lastOccurrence: nil)
        guard object.componentType == "VEVENT" else { return index }
        let masters = object.calendar.components.filter { $0.name == "VEVENT" }
        guard let master = masters.first(where: { $0.property("RECURRENCE-ID") == nil }) ?? masters.first,
            let start = master.property("DTSTART"), let startTime = instant(start, in: object.calendar)
        else { return index }
        index.firstOccurrence = startTime.seconds
        var end: Int64
        if let dtend = master.property("DTEND"), let endTime = instant(dtend, in: object.calendar) {
            end = endTime.seconds
        } else if let duration = master[raw: "DURATION"], let seconds = durationSeconds(duration) {
            end = startTime.seconds + seconds
        } else if startTime.isDate {
            end = startTime.seconds + 86_400
        } else {
            end = startTime.seconds
        }
        if let rule = master[raw: "RRULE"]?.uppercased() {
            if !rule.contains("COUNT=") && !rule.contains("UNTIL=") { end = unboundedEnd }
        }
        index.lastOccurrence = end
        return index
    }

    private static func instant(_ property: ICalProperty, in calendar: ICalComponent) -> (seconds: Int64, isDate: Bool)? {
        let text = property.rawValue
        let digits = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= digits.count else { return nil }
            var value = 0
            for byte in digits[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2) else { return nil }
        if digits.count == 8 {
            return (LocalDateTime(year: year, month: month, day: day).secondsSinceEpoch, true)
        }
        guard digits.count >= 15, let hour = number(9, 2), let minute = number(11, 2), let second = number(13, 2)
        else { return nil }
        var seconds = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            .secondsSinceEpoch
        if text.hasSuffix("Z") { return (seconds, false) }
        if let tzid = property[parameter: "TZID"] {
            let zone = calendar.components(named: "VTIMEZONE").first { $0[raw: "TZID"] == tzid }
            if let standard = zone?.components.first(where: { $0.name == "STANDARD" }) ?? zone?.components.first,
                let offset = standard[raw: "TZOFFSETTO"], let offsetSeconds = utcOffset(offset)
            {
                seconds -= offsetSeconds
            }
        }
        return (seconds, false)
    }

    private static func utcOffset(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, let hours = Int64(String(decoding: bytes[1..<3], as: UTF8.self)),
            let minutes = Int64(String(decoding: bytes[3..<5], as: UTF8.self))
        else { return nil }
        let value = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -value : value
    }

    private static func durationSeconds(_ text: String) -> Int64? {
        var negative = false
        var total: Int64 = 0
        var number: Int64 = 0
        for character in text.uppercased() {
            switch character {
            case "-": negative = true
            case "+", "P", "T": break
            case "0"..."9": number = number * 10 + Int64(character.wholeNumberValue ?? 0)
            case "W": total += number * 604_800; number = 0
            case "D": total += number * 86_400; number = 0
            case "H": total += number * 3600; number = 0
            case "M": total += number * 60; number = 0
            case "S": total += number; number = 0
            default: return nil
            }
        }
        return negative ? -total : total
    }
}
