/// One VAVAILABILITY component: a span of time that is busy (BUSYTYPE)
/// except where its AVAILABLE sub-components say otherwise (RFC 7953 §3).
public struct Availability: Hashable, Sendable {
    /// The VAVAILABILITY component.
    public var component: ICalComponent
    /// BUSYTYPE; BUSY-UNAVAILABLE when absent (RFC 7953 §3.2).
    public var busyType: FreeBusyType
    /// PRIORITY 0…9: 1 is highest, 9 lowest, 0 (or absent) undefined and below 9 (RFC 7953 §4, RFC 5545 §3.8.1.9).
    public var priority: Int
    /// DTSTART in UTC; nil = from the beginning of time.
    public var start: Int64?
    /// DTEND (or DTSTART + DURATION) in UTC; nil = for ever.
    public var end: Int64?

    /// Reads a VAVAILABILITY component; floating times in the resolver's floating zone.
    public init(_ component: ICalComponent, resolver: TimeZoneResolver) {
        self.component = component
        busyType = component[raw: "BUSYTYPE"].map { FreeBusyType(parameter: $0.recurTrimmed()) } ?? .busyUnavailable
        if busyType == .free { busyType = .busyUnavailable }
        let p = component[raw: "PRIORITY"].flatMap { Int($0.recurTrimmed()) } ?? 0
        priority = (0...9).contains(p) ? p : 0
        let startValue = component.property("DTSTART")?.dateTimeValue
        start = startValue.map { resolver.utcSeconds($0) }
        if let endValue = component.property("DTEND")?.dateTimeValue {
            end = resolver.utcSeconds(endValue)
        } else if let startValue, let duration = component.property("DURATION")?.durationValue {
            end = duration.adding(to: startValue, resolver: resolver)
        } else {
            end = nil
        }
    }

    /// Processing order: undefined (0) first, then 9 down to 1, so that higher priorities paint last (RFC 7953 §4).
    var rank: Int { priority == 0 ? 10 : priority }

    /// The component's own span clipped to `[from, to)`.
    func coverage(from: Int64, to: Int64) -> (Int64, Int64)? {
        let s = Swift.max(start ?? .min, from)
        let e = Swift.min(end ?? .max, to)
        return e > s ? (s, e) : nil
    }

    /// AVAILABLE time within `[from, to)` and within this component's span, sorted and merged (RFC 7953 §3.1).
    ///
    /// At most `maxComponents` AVAILABLE sub-components are read; each
    /// expands under `limits`.
    func availableTime(
        from: Int64, to: Int64, resolver: TimeZoneResolver, limits: RecurrenceLimits, maxComponents: Int
    ) -> [(Int64, Int64)] {
        guard let (lo, hi) = coverage(from: from, to: to) else { return [] }
        var limited = component
        limited.components = Array(component.components(named: "AVAILABLE").prefix(maxComponents))
        var spans: [(Int64, Int64)] = []
        for set in RecurrenceSet.all(in: limited, componentName: "AVAILABLE") {
            for instance in set.instances(in: TimeRange(start: lo, end: hi), resolver: resolver, limits: limits) {
                let s = Swift.max(instance.start, lo)
                let e = Swift.min(instance.end, hi)
                if e > s { spans.append((s, e)) }
            }
        }
        return Intervals.union(spans)
    }
}
