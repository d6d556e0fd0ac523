extension RecurrenceSet {
    /// A lazy sequence of a set's instances within a range (RFC 5545 §3.8.5).
    public struct Instances: Sequence, IteratorProtocol, Sendable {
        struct ExtraDate: Sendable {
            var recurrenceID: Int64
            var local: LocalDateTime
            var end: Int64?
        }

        struct FutureRange: Sendable {
            var recurrenceID: Int64
            var shift: Int64
            var length: Int64
            var component: ICalComponent
        }

        let range: TimeRange
        let master: ICalComponent?
        let timing: ComponentTiming?
        var rules: [RecurrenceIterator] = []
        var heads: [LocalDateTime?] = []
        var headUTC: [Int64] = []
        var extras: [ExtraDate] = []
        var extraIndex = 0
        var excludedUTC: Set<Int64> = []
        var excludedDays: Set<Int> = []
        var overridden: Set<Int64> = []
        /// Dates of DATE-valued RECURRENCE-IDs against a DATE-TIME master (a common client mistake).
        var overriddenDays: Set<Int> = []
        var futureRanges: [FutureRange] = []
        var overrideInstances: [Instance] = []
        var overrideIndex = 0
        var maxNegativeShift: Int64 = 0
        var lastRecurrenceID = Int64.min
        var finished = false

        /// Why expansion of an RRULE stopped early, if it did.
        public private(set) var truncation: RecurrenceTruncation?

        init(set: RecurrenceSet, range: TimeRange, resolver: TimeZoneResolver, limits: RecurrenceLimits) {
            self.range = range
            master = set.master
            let timing = set.master.flatMap { ComponentTiming($0, resolver: resolver) }
            self.timing = timing
            var maxPositiveShift: Int64 = 0
            var masterLength: Int64 = 0
            if let timing {
                let first = timing.span(startingAt: timing.anchor.local)
                masterLength = first.end - first.start
            }
            for override in set.overrides {
                guard let ridProperty = override.property("RECURRENCE-ID"),
                    let rid = ridProperty.dateTimeValue
                else { continue }
                let ridUTC = resolver.utcSeconds(rid)
                var span: (start: Int64, end: Int64)
                let own = ComponentTiming(override, resolver: resolver)
                if let own {
                    span = own.span(startingAt: own.anchor.local)
                } else {
                    span = (ridUTC, ridUTC + masterLength)
                }
                if let timing {
                    overridden.insert(ridUTC)
                    if rid.isDateOnly && !timing.anchor.isDateOnly { overriddenDays.insert(rid.local.daysSinceEpoch) }
                }
                if ridProperty[parameter: "RANGE"]?.uppercased() == "THISANDFUTURE" {
                    let shift = span.start - ridUTC
                    futureRanges.append(
                        FutureRange(recurrenceID: ridUTC, shift: shift, length: span.end - span.start, component: override))
                    maxPositiveShift = Swift.max(maxPositiveShift, shift)
                    maxNegativeShift = Swift.max(maxNegativeShift, -shift)
                }
                if span.start < (range.end ?? .max) && span.end >= (range.start ?? .min) {
                    let ridValue = timing.map { Self.value(ridUTC, like: $0.anchor, in: $0.zone) } ?? rid
                    overrideInstances.append(
                        Instance(
                            recurrenceID: ridUTC, recurrenceIDValue: ridValue, start: span.start, end: span.end,
                            isDateOnly: own?.anchor.isDateOnly ?? rid.isDateOnly, component: override, isOverride: true,
                            wallStart: own?.anchor.local ?? rid.local))
                }
            }
            overrideInstances.sort { $0.start < $1.start }
            futureRanges.sort { $0.recurrenceID < $1.recurrenceID }
            guard let master = set.master, let timing else {
                finished = true
                return
            }
            let isRecurring = master.property("RRULE") != nil || master.property("RDATE") != nil
            if !isRecurring {
                let span = timing.span(startingAt: timing.anchor.local)
                if span.start < (range.end ?? .max) && span.end >= (range.start ?? .min) {
                    overrideInstances.insert(
                        Instance(
                            recurrenceID: nil, recurrenceIDValue: nil, start: span.start, end: span.end,
                            isDateOnly: timing.anchor.isDateOnly, component: master, isOverride: false,
                            wallStart: timing.anchor.local),
                        at: 0)
                }
                finished = true
                return
            }
            var skipTo: LocalDateTime?
            if let start = range.start {
                skipTo = timing.zone.local(atUTC: start - timing.maxLength - maxPositiveShift - 86_400)
            }
            for property in master.properties(named: "RRULE") {
                guard let rule = try? RecurrenceRule(parsing: property.rawValue) else { continue }
                var iterator = RecurrenceIterator(
                    rule: rule, start: timing.anchor.local, isDateOnly: timing.anchor.isDateOnly, zone: timing.zone,
                    limits: limits)
                if let skipTo { iterator.skip(to: skipTo) }
                rules.append(iterator)
                heads.append(nil)
                headUTC.append(0)
            }
            if rules.isEmpty {
                let start = timing.zone.utcSeconds(forLocal: timing.anchor.local)
                extras.append(ExtraDate(recurrenceID: start, local: timing.anchor.local, end: nil))
            }
            for property in master.properties(named: "RDATE") {
                if property.valueType == "PERIOD" || property.rawValue.contains("/") {
                    for period in property.periodValues {
                        let utc = resolver.utcSeconds(period.start)
                        extras.append(
                            ExtraDate(recurrenceID: utc, local: timing.zone.local(atUTC: utc), end: period.endUTC(resolver)))
                    }
                    continue
                }
                for value in property.dateTimeValues {
                    let utc = resolver.utcSeconds(value)
                    let local = value.isDateOnly ? value.local : timing.zone.local(atUTC: utc)
                    extras.append(ExtraDate(recurrenceID: utc, local: local, end: nil))
                }
            }
            extras.sort { $0.recurrenceID < $1.recurrenceID }
            for property in master.properties(named: "EXDATE") {
                for value in property.dateTimeValues {
                    if value.isDateOnly && !timing.anchor.isDateOnly {
                        excludedDays.insert(value.local.daysSinceEpoch)
                    } else {
                        excludedUTC.insert(resolver.utcSeconds(value))
                    }
                }
            }
            // An EXDATE removes the instance even when an override for it is still stored (RFC 5545 §3.8.5.1).
            if !excludedUTC.isEmpty || !excludedDays.isEmpty {
                let utcSet = excludedUTC
                let daySet = excludedDays
                let zone = timing.zone
                overrideInstances.removeAll { instance in
                    guard let rid = instance.recurrenceID, instance.component.property("RECURRENCE-ID") != nil else {
                        return false
                    }
                    return utcSet.contains(rid) || (!daySet.isEmpty && daySet.contains(zone.local(atUTC: rid).daysSinceEpoch))
                }
            }
        }

        /// Whether every override instance has been returned (the series comes next).
        var isPastOverrides: Bool { overrideIndex >= overrideInstances.count }

        /// The RECURRENCE-ID value for a UTC instant, in the anchor's form.
        static func value(_ utc: Int64, like anchor: ICalDateTime, in zone: ICalTimeZone) -> ICalDateTime {
            if anchor.zone == .utc { return .utc(utc) }
            return ICalDateTime(local: zone.local(atUTC: utc), isDateOnly: anchor.isDateOnly, zone: anchor.zone)
        }

        /// The next instance, or nil.
        public mutating func next() -> Instance? {
            if overrideIndex < overrideInstances.count {
                overrideIndex += 1
                return overrideInstances[overrideIndex - 1]
            }
            guard !finished, let timing, let master else { return nil }
            while let (recurrenceID, local, explicitEnd) = popEarliest() {
                if recurrenceID == lastRecurrenceID { continue }
                lastRecurrenceID = recurrenceID
                if let end = range.end, recurrenceID - maxNegativeShift >= end {
                    finished = true
                    return nil
                }
                if !excludedUTC.isEmpty && excludedUTC.contains(recurrenceID) { continue }
                if !overridden.isEmpty && overridden.contains(recurrenceID) { continue }
                if !overriddenDays.isEmpty && overriddenDays.contains(local.daysSinceEpoch) { continue }
                if !excludedDays.isEmpty && excludedDays.contains(local.daysSinceEpoch) { continue }
                var span = explicitEnd.map { (start: recurrenceID, end: $0) } ?? timing.span(startingAt: local, utc: recurrenceID)
                var component = master
                var isOverride = false
                var wallStart = local
                if !futureRanges.isEmpty, let future = futureRange(before: recurrenceID) {
                    span = (span.start + future.shift, span.start + future.shift + future.length)
                    wallStart = local.adding(seconds: future.shift)
                    component = future.component
                    isOverride = true
                }
                guard span.start < (range.end ?? .max) && span.end >= (range.start ?? .min) else { continue }
                return Instance(
                    recurrenceID: recurrenceID, recurrenceIDValue: timing.anchor.zone == .utc
                        ? .utc(recurrenceID) : ICalDateTime(local: local, isDateOnly: timing.anchor.isDateOnly, zone: timing.anchor.zone),
                    start: span.start, end: span.end, isDateOnly: timing.anchor.isDateOnly, component: component,
                    isOverride: isOverride, wallStart: wallStart)
            }
            finished = true
            return nil
        }

        /// The THISANDFUTURE override with the latest RECURRENCE-ID before `recurrenceID` (binary search).
        func futureRange(before recurrenceID: Int64) -> FutureRange? {
            var lo = 0
            var hi = futureRanges.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if futureRanges[mid].recurrenceID < recurrenceID { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? futureRanges[lo - 1] : nil
        }

        mutating func popEarliest() -> (Int64, LocalDateTime, Int64?)? {
            guard let timing else { return nil }
            var best = -1
            var bestUTC = Int64.max
            for i in rules.indices {
                if heads[i] == nil {
                    if let next = rules[i].next() {
                        heads[i] = next
                        headUTC[i] = timing.zone.utcSeconds(forLocal: next)
                    } else {
                        if let reason = rules[i].truncation { truncation = reason }
                        continue
                    }
                }
                if headUTC[i] < bestUTC {
                    best = i
                    bestUTC = headUTC[i]
                }
            }
            if extraIndex < extras.count && extras[extraIndex].recurrenceID <= bestUTC {
                let extra = extras[extraIndex]
                extraIndex += 1
                return (extra.recurrenceID, extra.local, extra.end)
            }
            guard best >= 0, let local = heads[best] else { return nil }
            heads[best] = nil
            return (bestUTC, local, nil)
        }
    }
}
