import DAVXML
import ICalendar

/// Applies a REPORT's `calendar-data` request to a stored object (RFC 4791 §9.6): recurrence
/// expansion (§9.6.5) or limit-recurrence-set (§9.6.6), limit-freebusy-set (§9.6.7), then
/// the comp/prop selection (§9.6.1–9.6.4). sabre ignores partial retrieval; we honour it.
struct CalendarDataShaper {
    let request: CalendarDataRequest
    /// The zone floating times are read in (calendar-timezone or the query's timezone).
    var floatingZone: ICalTimeZone = .utc
    /// Most instances one object may expand to (CALDAV:max-instances).
    var maxInstances: Int = 3000

    /// The text to return for `data`; unchanged when nothing is asked of it or it cannot be parsed.
    /// Throws 403 CALDAV:max-instances when an expansion would exceed `maxInstances`.
    func shape(_ data: String) throws -> String {
        guard !request.isPlain, var calendar = try? ICalComponent.parse(data) else { return data }
        let resolver = TimeZoneResolver(calendar: calendar, floatingZone: floatingZone)
        if let expand = request.expand {
            calendar = try expanded(calendar, TimeRange(start: expand.start, end: expand.end), resolver: resolver)
        } else if let limit = request.limitRecurrenceSet {
            calendar = limitedRecurrenceSet(calendar, TimeRange(start: limit.start, end: limit.end), resolver: resolver)
        }
        if let limit = request.limitFreeBusySet {
            calendar = limitedFreeBusy(calendar, TimeRange(start: limit.start, end: limit.end), resolver: resolver)
        }
        if let selection = request.component, selection.name == calendar.name {
            calendar = select(calendar, selection)
        }
        return calendar.serialized()
    }

    /// Keeps the selected properties and sub-components (§9.6.1–9.6.4); `novalue` empties a value.
    func select(_ component: ICalComponent, _ selection: ComponentSelection) -> ICalComponent {
        var out = ICalComponent(component.name)
        if selection.allProperties {
            out.properties = component.properties
        } else {
            for property in component.properties {
                guard let wanted = selection.properties.first(where: { $0.name == property.name }) else { continue }
                var kept = property
                if wanted.noValue { kept.rawValue = "" }
                out.properties.append(kept)
            }
        }
        if selection.allComponents {
            out.components = component.components
        } else {
            for child in component.components {
                guard let wanted = selection.components.first(where: { $0.name == child.name }) else { continue }
                out.components.append(select(child, wanted))
            }
        }
        return out
    }

    /// Every instance overlapping the range as its own component in UTC: RECURRENCE-ID set, no
    /// RRULE/RDATE/EXDATE, overrides applied, VTIMEZONEs dropped (§9.6.5).
    func expanded(_ calendar: ICalComponent, _ range: TimeRange, resolver: TimeZoneResolver) throws -> ICalComponent {
        var out = ICalComponent(calendar.name, properties: calendar.properties)
        let window = TimeRange(start: range.start, end: range.end.map { $0 == .max ? $0 : $0 + 1 })
        var count = 0
        for name in ["VEVENT", "VTODO", "VJOURNAL"] {
            for set in RecurrenceSet.all(in: calendar, componentName: name) {
                // Lazily, so a runaway rule stops at the limit instead of filling memory first.
                var found: [(start: Int64, component: ICalComponent)] = []
                for instance in set.instances(in: window, resolver: resolver) {
                    let component = instance.expandedComponent()
                    guard component.overlaps(range, resolver: resolver) else { continue }
                    count += 1
                    if count > maxInstances {
                        throw DAVError(403, .maxInstances, "expansion yields more than \(maxInstances) instances")
                    }
                    found.append((instance.start, component))
                }
                out.components += found.sorted { $0.start < $1.start }.map(\.component)
            }
        }
        for other in calendar.components where !["VEVENT", "VTODO", "VJOURNAL", "VTIMEZONE"].contains(other.name) {
            out.components.append(other)
        }
        return out
    }

    /// The master plus the overrides whose RECURRENCE-ID lies in the range, that overlap it, or that
    /// (RANGE=THISANDFUTURE) take effect before its end (§9.6.6).
    func limitedRecurrenceSet(_ calendar: ICalComponent, _ range: TimeRange, resolver: TimeZoneResolver) -> ICalComponent {
        var out = calendar
        out.components = calendar.components.filter { component in
            guard ["VEVENT", "VTODO", "VJOURNAL"].contains(component.name),
                let recurrenceID = component.property("RECURRENCE-ID")
            else { return true }
            if let value = recurrenceID.dateTimeValue, range.contains(resolver.utcSeconds(value)) { return true }
            if recurrenceID[parameter: "RANGE"]?.uppercased() == "THISANDFUTURE",
                let value = recurrenceID.dateTimeValue, range.end.map({ resolver.utcSeconds(value) < $0 }) ?? true
            {
                return true
            }
            return component.overlaps(range, resolver: resolver)
        }
        return out
    }

    /// VFREEBUSY components keep only the FREEBUSY periods that overlap the range (§9.6.7).
    func limitedFreeBusy(_ calendar: ICalComponent, _ range: TimeRange, resolver: TimeZoneResolver) -> ICalComponent {
        var out = calendar
        for index in out.components.indices where out.components[index].name == "VFREEBUSY" {
            var kept: [ICalProperty] = []
            for property in out.components[index].properties {
                guard property.name == "FREEBUSY" else {
                    kept.append(property)
                    continue
                }
                let periods = property.rawValue.split(separator: ",").filter { text in
                    guard let period = ICalPeriod.parseList(text)?.first else { return false }
                    return range.overlaps(from: resolver.utcSeconds(period.start), to: period.endUTC(resolver))
                }
                guard !periods.isEmpty else { continue }
                var trimmed = property
                trimmed.rawValue = periods.joined(separator: ",")
                kept.append(trimmed)
            }
            out.components[index].properties = kept
        }
        return out
    }
}
