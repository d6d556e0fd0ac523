/// One STANDARD or DAYLIGHT sub-component of a VTIMEZONE (RFC 5545 §3.6.5).
struct Observance: Hashable, Sendable {
    /// DTSTART: the first onset, as a wall-clock time in `offsetFrom`.
    var start: LocalDateTime
    var offsetFrom: Int
    var offsetTo: Int
    var isDaylight: Bool
    var rule: YearlyRule?
    /// UNTIL of the rule as a UTC instant.
    var untilUTC: Int64?
    /// RDATE onsets as UTC instants, sorted.
    var extraOnsets: [Int64]

    var startUTC: Int64 { start.secondsSinceEpoch - Int64(offsetFrom) }

    init(start: LocalDateTime, offsetFrom: Int, offsetTo: Int, isDaylight: Bool, rule: YearlyRule?, extraOnsets: [Int64]) {
        self.start = start
        self.offsetFrom = offsetFrom
        self.offsetTo = offsetTo
        self.isDaylight = isDaylight
        self.rule = rule
        self.extraOnsets = extraOnsets.sorted()
        if let until = rule?.until {
            if until.zone == .utc {
                untilUTC = until.local.secondsSinceEpoch
            } else if until.isDateOnly {
                untilUTC = until.local.secondsSinceEpoch + 86_399 - Int64(offsetFrom)
            } else {
                untilUTC = until.local.secondsSinceEpoch - Int64(offsetFrom)
            }
        }
    }

    /// The latest onset at or before UTC instant `t`, if any.
    func latestOnset(atOrBefore t: Int64) -> Int64? {
        var best: Int64? = nil
        let first = startUTC
        if first <= t { best = first }
        if !extraOnsets.isEmpty {
            var low = 0
            var high = extraOnsets.count
            while low < high {
                let mid = (low + high) / 2
                if extraOnsets[mid] <= t { low = mid + 1 } else { high = mid }
            }
            if low > 0 { best = max(best ?? extraOnsets[low - 1], extraOnsets[low - 1]) }
        }
        guard let rule, first <= t else { return best }
        var year = LocalDateTime(secondsSinceEpoch: t + Int64(offsetFrom)).year + 1
        if let count = rule.count { year = min(year, start.year + (count - 1) * rule.interval) }
        if let untilUTC { year = min(year, LocalDateTime(secondsSinceEpoch: untilUTC + 86_400).year) }
        // Step back through the years the rule fires in (aligned to INTERVAL).
        year -= (year - start.year) % rule.interval
        var tries = 0
        while year >= start.year, tries < 12 {
            defer {
                year -= rule.interval
                tries += 1
            }
            if let count = rule.count, (year - start.year) / rule.interval >= count { continue }
            if let simple = rule.simpleOnset(year: year, start: start) {
                guard let candidate = simple, candidate >= start else { continue }
                let onset = candidate.secondsSinceEpoch - Int64(offsetFrom)
                if onset > t { continue }
                if let untilUTC, onset > untilUTC { continue }
                return max(best ?? onset, onset)
            }
            for candidate in rule.candidates(year: year, start: start).reversed() where candidate >= start {
                let onset = candidate.secondsSinceEpoch - Int64(offsetFrom)
                if onset > t { continue }
                if let untilUTC, onset > untilUTC { continue }
                return max(best ?? onset, onset)
            }
        }
        return best
    }
}

/// The observances of one VTIMEZONE, answering "which offset is in force" (RFC 5545 §3.6.5).
struct ObservanceRules: Hashable, Sendable {
    var observances: [Observance]

    func offset(atUTC instant: Int64) -> Int {
        let t = clampToCivilRange(instant)
        var bestOnset = Int64.min
        var bestOffset: Int? = nil
        for observance in observances {
            if let onset = observance.latestOnset(atOrBefore: t), onset >= bestOnset {
                bestOnset = onset
                bestOffset = observance.offsetTo
            }
        }
        if let bestOffset { return bestOffset }
        // Before the first onset: the offset the earliest observance changes from.
        let earliest = observances.min { $0.startUTC < $1.startUTC }
        return earliest?.offsetFrom ?? 0
    }
}

extension ICalTimeZone {
    /// A zone from a VTIMEZONE's STANDARD/DAYLIGHT observances (RFC 5545 §3.6.5).
    ///
    /// Returns nil when the component has no usable observance. Used for the
    /// VTIMEZONEs inside objects and for RFC 4791's `calendar-timezone` property.
    public static func from(vtimezone: ICalComponent) -> ICalTimeZone? {
        var observances: [Observance] = []
        for child in vtimezone.components where child.name == "STANDARD" || child.name == "DAYLIGHT" {
            guard let offsetTo = child.property("TZOFFSETTO")?.utcOffsetValue?.seconds else { continue }
            let offsetFrom = child.property("TZOFFSETFROM")?.utcOffsetValue?.seconds ?? offsetTo
            let start = child.property("DTSTART")?.dateTimeValue?.local ?? LocalDateTime(year: 1601, month: 1, day: 1)
            let rule = child.property("RRULE").flatMap { YearlyRule(parsing: $0.rawValue) }
            var extra: [Int64] = []
            for rdate in child.properties(named: "RDATE") {
                for value in rdate.dateTimeValues {
                    extra.append(value.zone == .utc ? value.local.secondsSinceEpoch : value.local.secondsSinceEpoch - Int64(offsetFrom))
                }
            }
            observances.append(
                Observance(
                    start: start, offsetFrom: offsetFrom, offsetTo: offsetTo, isDaylight: child.name == "DAYLIGHT",
                    rule: rule, extraOnsets: extra))
        }
        guard !observances.isEmpty else { return nil }
        return ICalTimeZone(storage: .observances(ObservanceRules(observances: observances)), identifier: vtimezone.property("TZID")?.rawValue)
    }

    /// A zone from the text of a VCALENDAR or VTIMEZONE holding one VTIMEZONE (RFC 4791 §5.2.2).
    public static func from(vtimezoneText text: String) -> ICalTimeZone? {
        guard let parsed = try? ICalComponent.parse(text) else { return nil }
        if parsed.name == "VTIMEZONE" { return from(vtimezone: parsed) }
        return parsed.components(named: "VTIMEZONE").first.flatMap { from(vtimezone: $0) }
    }
}

/// Instants outside years 1…9999 are answered as at the nearest end (keeps arithmetic in range).
func clampToCivilRange(_ t: Int64) -> Int64 {
    min(max(t, -62_135_596_800), 253_402_300_799)
}
