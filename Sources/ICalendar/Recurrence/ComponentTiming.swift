/// Where a component sits in time, as recurrence needs it: the anchor
/// (DTSTART, or DUE for a VTODO without DTSTART), its zone and kind, and the
/// length of each instance (RFC 5545 §3.6.1, §3.8.2.5, §3.8.5.3).
struct ComponentTiming: Sendable {
    /// DTSTART (or DUE) as written.
    let anchor: ICalDateTime
    let zone: ICalTimeZone
    /// Instance length: nominal days plus exact seconds.
    let duration: RecurDuration
    /// True when DTEND/DUE/DURATION fixed the length (false: defaulted).
    let hasExplicitEnd: Bool

    init?(_ component: ICalComponent, resolver: TimeZoneResolver) {
        var anchorProperty = component.property("DTSTART")
        var anchorIsDue = false
        if anchorProperty == nil, component.name == "VTODO" {
            anchorProperty = component.property("DUE")
            anchorIsDue = true
        }
        guard let anchorProperty, let anchor = RecurValueText.dateTime(of: anchorProperty) else { return nil }
        self.anchor = anchor
        zone = resolver.zone(for: anchor.zone)
        let endName = component.name == "VTODO" ? "DUE" : "DTEND"
        if !anchorIsDue, component.name != "VJOURNAL", let endProperty = component.property(endName),
            let end = RecurValueText.dateTime(of: endProperty)
        {
            if anchor.isDateOnly && end.isDateOnly {
                duration = RecurDuration(days: end.local.daysSinceEpoch - anchor.local.daysSinceEpoch, seconds: 0)
            } else {
                duration = RecurDuration(days: 0, seconds: resolver.utcSeconds(end) - resolver.utcSeconds(anchor))
            }
            hasExplicitEnd = true
        } else if !anchorIsDue, component.name != "VJOURNAL", let text = component[raw: "DURATION"],
            let d = RecurValueText.duration(text)
        {
            duration = d
            hasExplicitEnd = true
        } else {
            // RFC 5545 §3.6.1 (and RFC 4791 §9.9 for journals): a DATE start without an end lasts one day.
            duration =
                anchor.isDateOnly && (component.name == "VEVENT" || component.name == "VJOURNAL")
                ? RecurDuration(days: 1, seconds: 0) : .zero
            hasExplicitEnd = false
        }
    }

    /// UTC start and end of an instance starting at wall time `local` in the anchor's zone.
    func span(startingAt local: LocalDateTime) -> (start: Int64, end: Int64) {
        let start = zone.utcSeconds(forLocal: local)
        let endBase = duration.days == 0 ? start : zone.utcSeconds(forLocal: local.adding(days: duration.days))
        return (start, endBase + duration.seconds)
    }

    /// An upper bound of the instance length in seconds (for window margins).
    var maxLength: Int64 { Swift.max(0, Int64(duration.days) * 86_400 + 7200 + duration.seconds) }
}
