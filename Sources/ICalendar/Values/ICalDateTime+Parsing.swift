extension ICalDateTime {
    /// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.4, §3.3.5).
    ///
    /// `tzid` anchors a form-#3 DATE-TIME; it is ignored for DATE and UTC values.
    /// Returns nil for anything else, including impossible dates like Feb 30.
    public init?(parsing text: some StringProtocol, tzid: String? = nil) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for b in text.utf8 where b != 0x20 && b != 0x09 { bytes.append(b) }
        guard let value = ICalDateTime.parse(bytes[...], tzid: tzid) else { return nil }
        self = value
    }

    static func parse(_ b: ArraySlice<UInt8>, tzid: String?) -> ICalDateTime? {
        let s = b.startIndex
        func digits(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for k in from..<(from + count) {
                let d = b[s + k]
                guard d >= 0x30 && d <= 0x39 else { return nil }
                v = v * 10 + Int(d - 0x30)
            }
            return v
        }
        guard b.count == 8 || b.count == 15 || b.count == 16 else { return nil }
        guard let year = digits(0, 4), let month = digits(4, 2), let day = digits(6, 2) else { return nil }
        if b.count == 8 {
            let local = LocalDateTime(year: year, month: month, day: day)
            guard local.isValid else { return nil }
            return ICalDateTime(local: local, isDateOnly: true)
        }
        guard b[s + 8] == 0x54 || b[s + 8] == 0x74 else { return nil }  // T
        guard let hour = digits(9, 2), let minute = digits(11, 2), let second = digits(13, 2) else { return nil }
        let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard local.isValid else { return nil }
        if b.count == 16 {
            guard b[s + 15] == 0x5A || b[s + 15] == 0x7A else { return nil }  // Z
            return ICalDateTime(local: local, zone: .utc)
        }
        if let tzid, !tzid.isEmpty { return ICalDateTime(local: local, zone: .tzid(tzid)) }
        return ICalDateTime(local: local, zone: .floating)
    }

    /// Parses a comma-separated list of values sharing one TZID (EXDATE, RDATE; RFC 5545 §3.8.5).
    public static func parseList(_ text: some StringProtocol, tzid: String? = nil) -> [ICalDateTime]? {
        var result: [ICalDateTime] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        for b in text.utf8 {
            if b == 0x2C {
                guard let v = parse(current[...], tzid: tzid) else { return nil }
                result.append(v)
                current.removeAll(keepingCapacity: true)
            } else if b != 0x20 && b != 0x09 {
                current.append(b)
            }
        }
        if !current.isEmpty {
            guard let v = parse(current[...], tzid: tzid) else { return nil }
            result.append(v)
        }
        return result
    }

    /// The same instant as a UTC DATE-TIME, resolving its zone with `resolver`.
    public func inUTC(_ resolver: TimeZoneResolver) -> ICalDateTime {
        if zone == .utc { return self }
        return .utc(resolver.utcSeconds(self))
    }
}
