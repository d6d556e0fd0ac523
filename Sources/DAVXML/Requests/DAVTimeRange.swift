/// A `CALDAV:time-range` (or expand / limit-recurrence-set / limit-freebusy-set) in seconds since the Unix epoch, UTC (RFC 4791 §9.9).
public struct DAVTimeRange: Hashable, Sendable {
    /// Inclusive start; nil means unbounded ("-infinity").
    public var start: Int64?
    /// Exclusive end; nil means unbounded ("+infinity").
    public var end: Int64?

    /// Creates a range.
    public init(start: Int64?, end: Int64?) {
        self.start = start
        self.end = end
    }

    /// Reads the `start`/`end` attributes of `element`; at least one must be present (RFC 4791 §9.9).
    init(element: XMLElement) throws(DAVXMLError) {
        let startText = element.attribute("start")
        let endText = element.attribute("end")
        guard startText != nil || endText != nil else { throw .invalidValue(element: element.name, value: "") }
        var start: Int64?
        var end: Int64?
        if let startText {
            guard let seconds = DAVTimeRange.seconds(fromUTC: startText) else {
                throw .invalidValue(element: element.name, value: startText)
            }
            start = seconds
        }
        if let endText {
            guard let seconds = DAVTimeRange.seconds(fromUTC: endText) else {
                throw .invalidValue(element: element.name, value: endText)
            }
            end = seconds
        }
        self.init(start: start, end: end)
    }

    /// Reads a range whose `start` and `end` are both required (expand, limit-*; RFC 4791 §9.6.5).
    init(bounded element: XMLElement) throws(DAVXMLError) {
        try self.init(element: element)
        guard start != nil, end != nil else { throw .invalidValue(element: element.name, value: "") }
    }

    /// Seconds since the epoch for an RFC 5545 UTC DATE-TIME `YYYYMMDDTHHMMSSZ` (a missing `Z` is read as UTC too).
    public static func seconds(fromUTC text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 15, bytes[8] == UInt8(ascii: "T") else { return nil }
        if bytes.count == 16, bytes[15] != UInt8(ascii: "Z") { return nil }
        func number(_ from: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for index in from..<(from + length) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(4, 2), let day = number(6, 2),
            let hour = number(9, 2), let minute = number(11, 2), let second = number(13, 2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil algorithm).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
