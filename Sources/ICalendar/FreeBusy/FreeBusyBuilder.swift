/// Computes busy time for a window from calendar objects and availability
/// (RFC 4791 §7.10, RFC 6638 §3.2.3 free-busy, RFC 7953 §4).
///
/// Events count unless TRANSP:TRANSPARENT or STATUS:CANCELLED;
/// STATUS:TENTATIVE gives BUSY-TENTATIVE. VFREEBUSY components contribute
/// their FREEBUSY periods. VAVAILABILITY components mark their span busy
/// (BUSYTYPE) except for AVAILABLE time, higher PRIORITY painting over lower;
/// events show on top. Where types overlap, BUSY beats BUSY-UNAVAILABLE beats
/// BUSY-TENTATIVE.
public struct FreeBusyBuilder: Sendable {
    /// Window start, UTC seconds.
    public let start: Int64
    /// Window end (exclusive), UTC seconds.
    public let end: Int64
    /// Expansion limits applied to every recurring component.
    public var limits: RecurrenceLimits
    /// At most this many VAVAILABILITY components, and AVAILABLE per VAVAILABILITY, are read.
    public var maxAvailabilityComponents: Int
    var periods: [BusyPeriod] = []
    /// True once some input was cut short by `limits` or `maxAvailabilityComponents` (the answer may under-report busy time).
    public private(set) var isTruncated = false
    var availabilities: [(Availability, TimeZoneResolver)] = []

    /// A builder for `[start, end)`.
    public init(
        start: Int64, end: Int64, limits: RecurrenceLimits = RecurrenceLimits(maxInstances: 20_000),
        maxAvailabilityComponents: Int = 1000
    ) {
        self.start = start
        self.end = end
        self.limits = limits
        self.maxAvailabilityComponents = maxAvailabilityComponents
    }

    /// Adds a calendar object resource (a VCALENDAR): its VEVENTs, VFREEBUSYs and VAVAILABILITYs.
    public mutating func add(calendar: ICalComponent, resolver: TimeZoneResolver) {
        let range = TimeRange(start: start, end: end)
        for set in RecurrenceSet.all(in: calendar, componentName: "VEVENT") {
            var instances = set.instances(in: range, resolver: resolver, limits: limits)
            defer { if instances.truncation != nil { isTruncated = true } }
            while let instance = instances.next() {
                let event = instance.component
                if event[raw: "TRANSP"]?.recurTrimmed().uppercased() == "TRANSPARENT" { continue }
                let status = event[raw: "STATUS"]?.recurTrimmed().uppercased()
                if status == "CANCELLED" { continue }
                add(instance.start, instance.end, status == "TENTATIVE" ? .busyTentative : .busy)
            }
        }
        for freeBusy in calendar.components(named: "VFREEBUSY") {
            for property in freeBusy.properties(named: "FREEBUSY") {
                let type = FreeBusyType(parameter: property[parameter: "FBTYPE"])
                guard type != .free else { continue }
                for period in property.periodValues {
                    add(resolver.utcSeconds(period.start), period.endUTC(resolver), type)
                }
            }
        }
        for component in calendar.components(named: "VAVAILABILITY") {
            add(availability: Availability(component, resolver: resolver), resolver: resolver)
        }
    }

    /// Adds one VAVAILABILITY (e.g. from the CALDAV:calendar-availability property of an inbox, RFC 7953 §7.2.4).
    public mutating func add(availability: Availability, resolver: TimeZoneResolver) {
        guard availability.coverage(from: start, to: end) != nil else { return }
        guard availabilities.count < maxAvailabilityComponents else {
            isTruncated = true
            return
        }
        if availability.component.components(named: "AVAILABLE").count > maxAvailabilityComponents { isTruncated = true }
        availabilities.append((availability, resolver))
    }

    /// Adds a busy period directly (clipped to the window).
    public mutating func add(_ from: Int64, _ to: Int64, _ type: FreeBusyType) {
        let s = Swift.max(from, start)
        let e = Swift.min(to, end)
        if e > s && type != .free { periods.append(BusyPeriod(start: s, end: e, type: type)) }
    }

    /// The busy periods, sorted, merged, non-overlapping (RFC 5545 §3.8.2.6).
    public func busyPeriods() -> [BusyPeriod] {
        Intervals.flatten(availabilityBusy() + periods)
    }

    /// Busy time from VAVAILABILITY, painted from lowest to highest priority (RFC 7953 §4).
    func availabilityBusy() -> [BusyPeriod] {
        var painted: [BusyPeriod] = []
        let ranks = Set(availabilities.map { $0.0.rank }).sorted(by: >)
        for rank in ranks {
            let level = availabilities.filter { $0.0.rank == rank }
            var coverage: [(Int64, Int64)] = []
            var available: [(Int64, Int64)] = []
            for (availability, resolver) in level {
                guard let span = availability.coverage(from: start, to: end) else { continue }
                coverage.append(span)
                available += availability.availableTime(
                    from: start, to: end, resolver: resolver, limits: limits,
                    maxComponents: maxAvailabilityComponents)
            }
            let levelCoverage = Intervals.union(coverage)
            let levelAvailable = Intervals.union(available)
            // What this level covers replaces whatever lower levels said there.
            var kept: [BusyPeriod] = []
            for period in painted {
                for (s, e) in Intervals.subtract([(period.start, period.end)], levelCoverage) {
                    kept.append(BusyPeriod(start: s, end: e, type: period.type))
                }
            }
            for (availability, _) in level {
                guard let span = availability.coverage(from: start, to: end) else { continue }
                for (s, e) in Intervals.subtract([span], levelAvailable) {
                    kept.append(BusyPeriod(start: s, end: e, type: availability.busyType))
                }
            }
            painted = Intervals.flatten(kept)
        }
        return painted
    }

    /// The answer as a VFREEBUSY component: `DTSTAMP`, the caller's properties (ORGANIZER, ATTENDEE, UID…), DTSTART, DTEND, then one FREEBUSY per period, all in UTC (RFC 5545 §3.6.4, RFC 6638 §3.2.3).
    ///
    /// FBTYPE is written only when it is not BUSY, the default (RFC 5545 §3.2.9), as sabre/dav does.
    public func component(dtstamp: Int64, properties: [ICalProperty] = []) -> ICalComponent {
        var component = ICalComponent("VFREEBUSY")
        component.addProperty(ICalProperty("DTSTAMP", rawValue: ICalDateTime.utc(dtstamp).valueText))
        for property in properties { component.addProperty(property) }
        component.addProperty(ICalProperty("DTSTART", rawValue: ICalDateTime.utc(start).valueText))
        component.addProperty(ICalProperty("DTEND", rawValue: ICalDateTime.utc(end).valueText))
        for period in busyPeriods() {
            component.addProperty(
                ICalProperty(
                    "FREEBUSY",
                    rawValue: ICalDateTime.utc(period.start).valueText + "/" + ICalDateTime.utc(period.end).valueText,
                    parameters: period.type == .busy ? [] : [ICalParameter("FBTYPE", period.type.rawValue)]))
        }
        return component
    }
}
