/// Lazily produces the start times of an RRULE in wall-clock time, DTSTART first (RFC 5545 §3.3.10, §3.8.5.3).
///
/// Expansion works period by period (a year, month, week, day, hour, minute or
/// second per FREQ × INTERVAL): the candidate days of a period are all its days
/// that pass every BYxxx day filter, which is exactly the expand/limit table of
/// §3.3.10 (an expanding part and a limiting part both reduce to "the day is in
/// the set"); candidate times are BYHOUR × BYMINUTE × BYSECOND (or DTSTART's).
/// Invalid dates never arise because only real days are visited. BYSETPOS picks
/// from the period's sorted set. Arithmetic is on day numbers, never Foundation.
public struct RecurrenceIterator: IteratorProtocol, Sequence, Sendable {
    let rule: RecurrenceRule
    /// INTERVAL, clamped so that period arithmetic cannot overflow.
    let interval: Int
    let limits: RecurrenceLimits
    let zone: ICalTimeZone
    let startWall: Int64
    let startLocal: LocalDateTime
    /// Inclusive bound in wall seconds; with `untilUTC`, only approximate (±1 day).
    let untilWall: Int64?
    let untilUTC: Int64?
    let filter: RecurrenceDayFilter
    /// Sorted offsets (seconds) inside one period unit: a day for DAILY and coarser, else the hour/minute/second.
    let offsets: [Int64]
    /// For sub-daily frequencies: BYHOUR/BYMINUTE/BYSECOND as limits (bit masks, 0 = no limit).
    let hourMask: UInt32
    let minuteMask: UInt64
    let secondMask: UInt64
    /// Period index 0 anchors: first day of DTSTART's year/month/week/day, or the truncated sub-daily unit.
    let anchor: Int64

    var periodIndex: Int = 0
    var bases: [Int64] = []
    var picks: [Int] = []
    var cursor = 0
    var total = 0
    var emitted = 0
    /// Days (or sub-daily units) examined since the last instance.
    var emptyRun = 0
    var periodWork = 1
    var done = false
    var startPending = true
    var skipBelow: Int64 = .min
    var lastDay = Int.min
    var lastDayOK = false

    /// Why expansion stopped early, once `next()` has returned nil; nil when the rule simply ended.
    public private(set) var truncation: RecurrenceTruncation?

    /// An iterator for `rule` anchored at `start` (DTSTART's wall-clock time).
    ///
    /// `zone` is DTSTART's zone; it matters only for comparing with a UTC UNTIL.
    /// With `isDateOnly`, every instance is a date (time parts are ignored).
    public init(
        rule: RecurrenceRule, start: LocalDateTime, isDateOnly: Bool = false, zone: ICalTimeZone = .utc,
        limits: RecurrenceLimits = .default
    ) {
        self.rule = rule
        self.interval = Swift.min(rule.interval, 1_000_000_000)
        self.limits = limits
        self.zone = zone
        let start = isDateOnly ? start.startOfDay : start
        self.startLocal = start
        self.startWall = start.secondsSinceEpoch
        if let until = rule.until {
            if until.isDateOnly {
                untilWall = until.local.startOfDay.secondsSinceEpoch + 86_399
                untilUTC = nil
            } else if until.zone == .floating {
                untilWall = until.local.secondsSinceEpoch
                untilUTC = nil
            } else {
                // UTC (or, against RFC 5545, a TZID'd value read as UTC).
                let utc = until.local.secondsSinceEpoch
                untilUTC = utc
                untilWall = zone.local(atUTC: utc).secondsSinceEpoch
            }
        } else {
            untilWall = nil
            untilUTC = nil
        }
        filter = RecurrenceDayFilter(rule: rule, start: start)
        let f = rule.frequency
        func mask32(_ values: [Int]) -> UInt32 { values.reduce(0) { $0 | (1 << UInt32($1)) } }
        func mask64(_ values: [Int]) -> UInt64 { values.reduce(0) { $0 | (1 << UInt64($1)) } }
        let hours = rule.byHour.isEmpty ? [start.hour] : rule.byHour
        let minutes = rule.byMinute.isEmpty ? [start.minute] : rule.byMinute
        let seconds = (rule.bySecond.isEmpty ? [start.second] : rule.bySecond).filter { $0 < 60 }
        var offsets: [Int64] = []
        switch f {
        case .secondly:
            offsets = [0]
            hourMask = mask32(rule.byHour)
            minuteMask = mask64(rule.byMinute)
            secondMask = mask64(rule.bySecond)
            anchor = startWall
        case .minutely:
            offsets = seconds.map { Int64($0) }
            hourMask = mask32(rule.byHour)
            minuteMask = mask64(rule.byMinute)
            secondMask = 0
            anchor = startWall - Int64(start.second)
        case .hourly:
            for m in minutes { for s in seconds { offsets.append(Int64(m * 60 + s)) } }
            hourMask = mask32(rule.byHour)
            minuteMask = 0
            secondMask = 0
            anchor = startWall - Int64(start.minute * 60 + start.second)
        default:
            if isDateOnly {
                offsets = [0]
            } else {
                for h in hours { for m in minutes { for s in seconds { offsets.append(Int64(h * 3600 + m * 60 + s)) } } }
            }
            hourMask = 0
            minuteMask = 0
            secondMask = 0
            let day = start.daysSinceEpoch
            switch f {
            case .yearly: anchor = Int64(LocalDateTime.days(fromCivil: start.year, 1, 1))
            case .monthly: anchor = Int64(LocalDateTime.days(fromCivil: start.year, start.month, 1))
            case .weekly: anchor = Int64(day - (start.weekday - rule.weekStart.rawValue + 7) % 7)
            default: anchor = Int64(day)
            }
        }
        self.offsets = Array(Set(offsets)).sorted()
    }

    /// The next instance's wall-clock start, or nil at the end (see `truncation`).
    public mutating func next() -> LocalDateTime? {
        if done { return nil }
        if startPending {
            startPending = false
            emitted = 1
            if startWall >= skipBelow { return startLocal }
        }
        let perBase = offsets.count
        while true {
            while cursor < total {
                let index = picks.isEmpty ? cursor : picks[cursor]
                cursor += 1
                let candidate =
                    perBase == 1 ? bases[index] + offsets[0] : bases[index / perBase] + offsets[index % perBase]
                if candidate <= startWall { continue }
                if let count = rule.count, emitted >= count { return finish(nil) }
                if isBeyondUntil(candidate) { return finish(nil) }
                if emitted >= limits.maxInstances { return finish(.instanceLimit) }
                emitted += 1
                emptyRun = 0
                if candidate < skipBelow { continue }
                return LocalDateTime(secondsSinceEpoch: candidate)
            }
            if emptyRun >= limits.maxIterationsWithoutMatch { return finish(.iterationLimit) }
            if !fillNextPeriod() { return nil }
            emptyRun += periodWork
        }
    }

    /// Fast-forwards so that instances starting before `local` are not returned.
    ///
    /// Without COUNT this jumps straight to the period containing `local`;
    /// with COUNT it still walks (every earlier instance counts).
    public mutating func skip(to local: LocalDateTime) {
        let wall = local.secondsSinceEpoch
        guard wall > skipBelow else { return }
        skipBelow = wall
        guard rule.count == nil, !done else { return }
        let target = periodIndex(containing: local)
        if target > periodIndex {
            periodIndex = target
            cursor = 0
            total = 0
        }
    }

    mutating func finish(_ reason: RecurrenceTruncation?) -> LocalDateTime? {
        done = true
        truncation = reason
        return nil
    }

    func isBeyondUntil(_ candidate: Int64) -> Bool {
        guard let untilWall else { return false }
        guard let untilUTC else { return candidate > untilWall }
        if candidate < untilWall - 86_400 { return false }
        if candidate > untilWall + 86_400 { return true }
        return zone.utcSeconds(forLocal: LocalDateTime(secondsSinceEpoch: candidate)) > untilUTC
    }
}
