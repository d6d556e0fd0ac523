import DAVXML
import ICalendar

/// Applies a REPORT's `calendar-data` request to a stored object: partial retrieval (RFC 4791 §9.6.1)
/// and recurrence expansion (§9.6.5). sabre ignores the first; we honour both.
struct CalendarDataShaper {
    let request: CalendarDataRequest

    /// The text to return for `data`; the stored text unchanged when nothing is asked of it or it cannot be parsed.
    func shape(_ data: String) -> String {
        guard !request.isPlain, var calendar = try? ICalComponent.parse(data) else { return data }
        if let expand = request.expand {
            calendar = expanded(calendar, start: expand.start ?? .min, end: expand.end ?? .max)
        } else if let limit = request.limitRecurrenceSet {
            calendar = limitedRecurrences(calendar, TimeRange(start: limit.start, end: limit.end))
        }
        if let limit = request.limitFreeBusySet {
            calendar = limitedFreeBusy(calendar, TimeRange(start: limit.start, end: limit.end))
        }
        if let selection = request.component, selection.name == calendar.name {
            calendar = select(calendar, selection)
        }
        return calendar.serialized()
    }

    /// Keeps the selected properties and sub-components (§9.6.1–9.6.4).
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

    /// Masters plus only the overrides that affect the range (§9.6.6).
    func limitedRecurrences(_ calendar: ICalComponent, _ range: TimeRange) -> ICalComponent {
        let resolver = TimeZoneResolver(calendar: calendar)
        var out = calendar
        out.components = calendar.components.filter { component in
            guard let recurrenceID = component.property("RECURRENCE-ID") else { return true }
            if let value = ICalDateTime(parsing: recurrenceID.rawValue, tzid: recurrenceID[parameter: "TZID"]),
                range.contains(resolver.utcSeconds(value))
            {
                return true
            }
            return component.overlaps(range, resolver: resolver)
        }
        return out
    }

    /// FREEBUSY properties reduced to the periods that overlap the range (§9.6.7).
    func limitedFreeBusy(_ calendar: ICalComponent, _ range: TimeRange) -> ICalComponent {
        let resolver = TimeZoneResolver(calendar: calendar)
        var out = calendar
        for index in out.components.indices where out.components[index].name == "VFREEBUSY" {
            var component = out.components[index]
            component.properties = component.properties.compactMap { property in
                guard property.name == "FREEBUSY", let periods = ICalPeriod.parseList(property.rawValue) else { return property }
                let kept = periods.filter {
                    range.overlaps(from: resolver.utcSeconds($0.start), to: $0.endUTC(resolver))
                }
                guard !kept.isEmpty else { return nil }
                var copy = property
                copy.rawValue = kept.map(\.description).joined(separator: ",")
                return copy
            }
            out.components[index] = component
        }
        return out
    }

    /// Every instance overlapping [start, end) as its own component in UTC, without rules or time zones (§9.6.5).
    func expanded(_ calendar: ICalComponent, start: Int64, end: Int64) -> ICalComponent {
        var out = ICalComponent(calendar.name, properties: calendar.properties)
        let resolver = TimeZoneResolver(calendar: calendar)
        for name in ["VEVENT", "VTODO", "VJOURNAL"] {
            for set in RecurrenceSet.all(in: calendar, componentName: name) {
                let recurring = set.isRecurring
                for instance in set.instances(in: TimeRange(start: start, end: end), resolver: resolver) {
                    let overlaps =
                        instance.end > instance.start
                        ? instance.start < end && instance.end > start : instance.start >= start && instance.start < end
                    guard overlaps else { continue }
                    out.components.append(component(for: instance, recurring: recurring))
                }
            }
        }
        for other in calendar.components where !["VEVENT", "VTODO", "VJOURNAL", "VTIMEZONE"].contains(other.name) {
            out.components.append(other)
        }
        return out
    }

    private func component(for instance: RecurrenceSet.Instance, recurring: Bool) -> ICalComponent {
        var component = instance.component
        for name in ["RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID", "DTSTART", "DTEND", "DURATION"] {
            component.removeProperties(named: name)
        }
        var head = [property("DTSTART", instance.start, dateOnly: instance.isDateOnly)]
        if instance.end != instance.start || instance.component.property("DTEND") != nil {
            head.append(
                property(
                    instance.component.name == "VTODO" ? "DUE" : "DTEND", instance.end, dateOnly: instance.isDateOnly))
            if instance.component.name == "VTODO" { component.removeProperties(named: "DUE") }
        }
        if recurring, let recurrenceID = instance.recurrenceID {
            head.append(property("RECURRENCE-ID", recurrenceID, dateOnly: instance.isDateOnly))
        }
        let insertAt = component.properties.firstIndex { $0.name == "UID" }.map { $0 + 1 } ?? 0
        component.properties.insert(contentsOf: head, at: insertAt)
        return component
    }

    private func property(_ name: String, _ seconds: Int64, dateOnly: Bool) -> ICalProperty {
        dateOnly
            ? ICalProperty(name, rawValue: text(seconds, dateOnly: true), parameters: [ICalParameter("VALUE", "DATE")])
            : ICalProperty(name, rawValue: text(seconds, dateOnly: false))
    }

    private func text(_ seconds: Int64, dateOnly: Bool) -> String {
        let value = ICalDateTime.utc(seconds)
        return dateOnly ? String(value.valueText.prefix(8)) : value.valueText
    }
}
