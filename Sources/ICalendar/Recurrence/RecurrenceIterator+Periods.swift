extension RecurrenceIterator {
    /// Last day we expand into (9999-12-31); past it the rule simply ends.
    static let lastDay = Int64(LocalDateTime.days(fromCivil: 9999, 12, 31))

    var unitSeconds: Int64 {
        switch rule.frequency {
        case .secondly: return 1
        case .minutely: return 60
        case .hourly: return 3600
        default: return 86_400
        }
    }

    /// Fills `bases` with the next period's candidate days (or the sub-daily
    /// unit start); false when the rule can produce nothing more. `periodWork`
    /// becomes the number of days (or sub-daily units) examined.
    mutating func fillNextPeriod() -> Bool {
        periodWork = 1
        bases.removeAll(keepingCapacity: true)
        picks.removeAll(keepingCapacity: true)
        cursor = 0
        total = 0
        let k = periodIndex
        periodIndex += 1
        let (steps, overflow) = k.multipliedReportingOverflow(by: interval)
        guard !overflow, steps < 100_000_000_000 else { return false }
        switch rule.frequency {
        case .yearly:
            let year = startLocal.year + steps
            guard year <= 9999, !startsAfterUntil(day: LocalDateTime.days(fromCivil: year, 1, 1)) else { return false }
            var examined = 0
            for month in 1...12 { examined += filter.collect(year: year, month: month, into: &bases) }
            periodWork = Swift.max(1, examined)
        case .monthly:
            let monthIndex = startLocal.year * 12 + startLocal.month - 1 + steps
            let year = monthIndex / 12
            let month = monthIndex % 12 + 1
            guard year <= 9999, !startsAfterUntil(day: LocalDateTime.days(fromCivil: year, month, 1)) else {
                return false
            }
            periodWork = Swift.max(1, filter.collect(year: year, month: month, into: &bases))
        case .weekly, .daily:
            let length: Int64 = rule.frequency == .weekly ? 7 : 1
            periodWork = Int(length)
            let first = anchor + Int64(steps) * length
            guard first <= Self.lastDay, !startsAfterUntil(day: Int(first)) else { return false }
            for day in first..<first + length where filter.matches(day: Int(day)) {
                bases.append(day * 86_400)
            }
        case .hourly, .minutely, .secondly:
            let stepSeconds = unitSeconds * Int64(interval)
            let wall = anchor + Int64(steps) * unitSeconds
            guard wall / 86_400 <= Self.lastDay else { return false }
            if let untilWall, wall > untilWall + 86_400 { return false }
            let day = Int(floorDiv(wall, 86_400))
            if day != lastDay {
                lastDay = day
                lastDayOK = filter.matches(day: day)
            }
            let dayStart = Int64(day) * 86_400
            if !lastDayOK {
                jump(to: dayStart + 86_400, step: stepSeconds)
                return true
            }
            let secondOfDay = Int(wall - dayStart)
            let hour = secondOfDay / 3600
            let minute = secondOfDay % 3600 / 60
            if hourMask != 0 && hourMask & (UInt32(1) << UInt32(hour)) == 0 {
                jump(to: dayStart + Int64(hour + 1) * 3600, step: stepSeconds)
                return true
            }
            if minuteMask != 0 && minuteMask & (UInt64(1) << UInt64(minute)) == 0 {
                jump(to: dayStart + Int64(hour * 3600 + (minute + 1) * 60), step: stepSeconds)
                return true
            }
            if secondMask != 0 && secondMask & (UInt64(1) << UInt64(secondOfDay % 60)) == 0 { return true }
            bases.append(wall)
        }
        total = bases.count * offsets.count
        if !rule.bySetPos.isEmpty && total > 0 {
            for position in rule.bySetPos {
                let index = position > 0 ? position - 1 : total + position
                if index >= 0 && index < total { picks.append(index) }
            }
            picks = Array(Set(picks)).sorted()
            total = picks.count
        }
        return true
    }

    /// Moves `periodIndex` to the first sub-daily period at or after `boundary` (wall seconds).
    mutating func jump(to boundary: Int64, step: Int64) {
        let distance = boundary - anchor
        let k = Int((distance + step - 1) / step)
        if k > periodIndex { periodIndex = k }
    }

    func startsAfterUntil(day: Int) -> Bool {
        guard let untilWall else { return false }
        return Int64(day) * 86_400 > untilWall + 86_400
    }

    /// The index of the period that contains a wall-clock time (0 if before DTSTART's).
    func periodIndex(containing local: LocalDateTime) -> Int {
        let interval = Int64(self.interval)
        let raw: Int64
        switch rule.frequency {
        case .yearly:
            raw = floorDiv(Int64(local.year - startLocal.year), interval)
        case .monthly:
            raw = floorDiv(Int64((local.year - startLocal.year) * 12 + local.month - startLocal.month), interval)
        case .weekly:
            raw = floorDiv(Int64(local.daysSinceEpoch) - anchor, 7 * interval)
        case .daily:
            raw = floorDiv(Int64(local.daysSinceEpoch) - anchor, interval)
        case .hourly, .minutely, .secondly:
            raw = floorDiv(local.secondsSinceEpoch - anchor, unitSeconds * interval)
        }
        return Int(Swift.max(0, Swift.min(raw, Int64(Int32.max))))
    }
}
