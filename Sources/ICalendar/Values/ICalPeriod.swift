/// A PERIOD value: `start/end` or `start/duration` (RFC 5545 §3.3.9).
public struct ICalPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The start (UTC or with the property's TZID).
    public var start: ICalDateTime
    /// The explicit end, for the `start/end` form.
    public var end: ICalDateTime?
    /// The duration, for the `start/duration` form.
    public var duration: ICalDuration?

    /// A `start/end` period.
    public init(start: ICalDateTime, end: ICalDateTime) {
        self.start = start
        self.end = end
        self.duration = nil
    }

    /// A `start/duration` period.
    public init(start: ICalDateTime, duration: ICalDuration) {
        self.start = start
        self.end = nil
        self.duration = duration
    }

    /// Parses one period; nil when malformed.
    public init?(parsing text: some StringProtocol, tzid: String? = nil) {
        let string = String(text)
        guard let slash = string.utf8.firstIndex(of: 0x2F) else { return nil }
        let left = string[..<slash]
        let right = string[string.utf8.index(after: slash)...]
        guard let start = ICalDateTime(parsing: left, tzid: tzid), !start.isDateOnly else { return nil }
        if let first = right.utf8.first(where: { $0 != 0x20 }), first == 0x50 || first == 0x2B || first == 0x2D || first == 0x70 {
            guard let duration = ICalDuration(parsing: right) else { return nil }
            self.init(start: start, duration: duration)
        } else {
            guard let end = ICalDateTime(parsing: right, tzid: tzid), !end.isDateOnly else { return nil }
            self.init(start: start, end: end)
        }
    }

    /// Parses a comma-separated list of periods (RDATE;VALUE=PERIOD, FREEBUSY).
    public static func parseList(_ text: some StringProtocol, tzid: String? = nil) -> [ICalPeriod]? {
        var result: [ICalPeriod] = []
        for piece in text.split(separator: ",") {
            guard let period = ICalPeriod(parsing: piece, tzid: tzid) else { return nil }
            result.append(period)
        }
        return result
    }

    /// The end as UTC seconds, whichever form the period has.
    public func endUTC(_ resolver: TimeZoneResolver) -> Int64 {
        if let end { return resolver.utcSeconds(end) }
        return (duration ?? ICalDuration()).adding(to: start, resolver: resolver)
    }

    /// The RFC 5545 text, e.g. `19970101T180000Z/PT5H30M`.
    public var description: String {
        if let end { return start.valueText + "/" + end.valueText }
        return start.valueText + "/" + (duration ?? ICalDuration()).description
    }
}
