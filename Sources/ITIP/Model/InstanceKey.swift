import ICalendar

/// Identifies one component of a recurring set: the master, or the instance
/// whose RECURRENCE-ID is a given UTC instant (RFC 5545 §3.8.4.4).
struct InstanceKey: Hashable, Comparable, Sendable {
    /// nil for the master component.
    let utc: Int64?

    static let master = InstanceKey(utc: nil)

    var isMaster: Bool { utc == nil }

    static func < (lhs: InstanceKey, rhs: InstanceKey) -> Bool {
        switch (lhs.utc, rhs.utc) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?): return l < r
        }
    }
}

/// Reads DATE / DATE-TIME property values (RFC 5545 §3.3.4, §3.3.5).
enum DateValue {
    /// The first value of a date property, with its TZID.
    static func parse(_ property: ICalProperty) -> ICalDateTime? {
        let text = property.rawValue.split(separator: ",").first.map(String.init) ?? ""
        return parse(text, tzid: property[parameter: "TZID"])
    }

    /// Every value of a multi-valued date property (EXDATE, RDATE without periods).
    static func parseAll(_ property: ICalProperty) -> [ICalDateTime] {
        property.rawValue.split(separator: ",").compactMap {
            parse(String($0).trimmingWhitespace(), tzid: property[parameter: "TZID"])
        }
    }

    /// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `…Z`.
    static func parse(_ text: String, tzid: String?) -> ICalDateTime? {
        let chars = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= chars.count else { return nil }
            var v = 0
            for c in chars[from..<(from + count)] {
                guard c >= 48 && c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(4, 2), let d = num(6, 2) else { return nil }
        if chars.count == 8 {
            return ICalDateTime(local: LocalDateTime(year: y, month: mo, day: d), isDateOnly: true)
        }
        guard chars.count >= 15, chars[8] == UInt8(ascii: "T"),
            let h = num(9, 2), let mi = num(11, 2), let s = num(13, 2)
        else { return nil }
        let local = LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        if chars.count == 16 && (chars[15] == UInt8(ascii: "Z") || chars[15] == UInt8(ascii: "z")) {
            return ICalDateTime(local: local, zone: .utc)
        }
        guard chars.count == 15 else { return nil }
        if let tzid { return ICalDateTime(local: local, zone: .tzid(tzid)) }
        return ICalDateTime(local: local, zone: .floating)
    }

    /// A property holding `value` with the TZID / VALUE=DATE parameters it needs.
    static func property(_ name: String, _ value: ICalDateTime) -> ICalProperty {
        var params: [ICalParameter] = []
        if value.isDateOnly { params.append(ICalParameter("VALUE", "DATE")) }
        if let tzid = value.tzid { params.append(ICalParameter("TZID", tzid)) }
        return ICalProperty(name, rawValue: value.valueText, parameters: params)
    }

    /// A UTC DATE-TIME text for `seconds` since the epoch.
    static func utcText(_ seconds: Int64) -> String {
        ICalDateTime.utc(seconds).valueText
    }
}
