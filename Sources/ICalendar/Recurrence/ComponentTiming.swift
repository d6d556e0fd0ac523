/// Where a component sits in time, as recurrence needs it: the anchor
/// (DTSTART, or DUE for a VTODO without DTSTART), its zone and kind, and the
/// length of each instance (RFC 5545 §3.6.1, §3.8.2.5, §3.8.5.3).
struct ComponentTiming: Sendable {
    /// DTSTART (or DUE) as written.
    let anchor: ICalDateTime
    let zone: ICalTimeZone
    /// Instance length: nominal days plus exact seconds.
    let duration: ICalDuration
    /// True when DTEND/DUE/DURATION fixed the length (false: defaulted).
    let hasExplicitEnd: Bool

    init?(_ component: ICalComponent, resolver: TimeZoneResolver) {
        var anchorProperty = component.property("DTSTART")
        var anchorIsDue = false
        if anchorProperty == nil, component.name == "VTODO" {
            anchorProperty = component.property("DUE")
            anchorIsDue = true
        }
        guard let anchorProperty, let anchor = anchorProperty.dateTimeValue else { return nil }
        self.anchor = anchor
        zone = resolver.zone(for: anchor.zone)
        let endName = component.name == "VTODO" ? "DUE" : "DTEND"
        if !anchorIsDue, component.name != "VJOURNAL", let endProperty = component.property(endName),
            let end = endProperty.dateTimeValue
        {
            if anchor.isDateOnly && end.isDateOnly {
                let days = end.local.daysSinceEpoch - anchor.local.daysSinceEpoch
                duration = ICalDuration(isNegative: days < 0, days: abs(days))
            } else {
                duration = Self.exact(resolver.utcSeconds(end) - resolver.utcSeconds(anchor))
            }
            hasExplicitEnd = true
        } else if !anchorIsDue, component.name != "VJOURNAL", let d = component.property("DURATION")?.durationValue
        {
            duration = d
            hasExplicitEnd = true
        } else {
            // RFC 5545 §3.6.1 (and RFC 4791 §9.9 for journals): a DATE start without an end lasts one day.
            duration =
                anchor.isDateOnly && (component.name == "VEVENT" || component.name == "VJOURNAL")
                ? ICalDuration(days: 1) : ICalDuration()
            hasExplicitEnd = false
        }
    }

    /// UTC start and end of an instance starting at wall time `local` in the anchor's zone.
    func span(startingAt local: LocalDateTime) -> (start: Int64, end: Int64) {
        span(startingAt: local, utc: zone.utcSeconds(forLocal: local))
    }

    /// As `span(startingAt:)` when the start's UTC instant is already known.
    func span(startingAt local: LocalDateTime, utc start: Int64) -> (start: Int64, end: Int64) {
        let days = duration.nominalDays
        let endBase = days == 0 ? start : zone.utcSeconds(forLocal: local.adding(days: days))
        return (start, endBase + duration.timeSeconds)
    }

    /// An upper bound of the instance length in seconds (for window margins).
    var maxLength: Int64 { Swift.max(0, duration.seconds + 7200) }

    /// An exact duration (no nominal days, so DST changes do not stretch it).
    static func exact(_ seconds: Int64) -> ICalDuration {
        let magnitude = seconds.magnitude
        return ICalDuration(
            isNegative: seconds < 0, hours: Int(magnitude / 3600), minutes: Int(magnitude % 3600 / 60),
            seconds: Int(magnitude % 60))
    }
}
