import DAVXML
import ICalendar

/// Evaluates a calendar-query filter against one calendar object (RFC 4791 §9.7).
///
/// Components directly under VCALENDAR are grouped into recurrence sets: a
/// comp-filter with a time-range matches when an instance overlaps it
/// (§9.9), and the filters below it are then judged against the component
/// that instance comes from (master or override). VALARM time-ranges test
/// the trigger times of that instance's alarms. Floating times and dates
/// are read in the resolver's floating zone (the calendar-timezone).
struct CalendarFilterMatcher {
    let resolver: TimeZoneResolver
    /// Bounds on expansion; a series beyond them matches on what was expanded.
    var limits = RecurrenceLimits(maxInstances: 20_000)

    /// Whether the VCALENDAR `calendar` passes the top-level comp-filter (which names VCALENDAR).
    func matches(_ calendar: ICalComponent, filter: CompFilter) -> Bool {
        guard filter.name == calendar.name else { return filter.isNotDefined }
        if filter.isNotDefined { return false }
        for propFilter in filter.propFilters where !matches(calendar, propFilter) { return false }
        for child in filter.compFilters where !topLevel(calendar, child) { return false }
        return true
    }

    /// A comp-filter on the components of the VCALENDAR (VEVENT, VTODO, VJOURNAL, VFREEBUSY, VAVAILABILITY, VTIMEZONE…).
    private func topLevel(_ calendar: ICalComponent, _ filter: CompFilter) -> Bool {
        let components = calendar.components(named: filter.name)
        if filter.isNotDefined { return components.isEmpty }
        guard !components.isEmpty else { return false }
        guard ["VEVENT", "VTODO", "VJOURNAL"].contains(filter.name) else {
            return components.contains { plain($0, filter) }
        }
        return RecurrenceSet.all(in: calendar, componentName: filter.name).contains { matches($0, filter) }
    }

    /// One recurrence set against a comp-filter: by instance when there is a time-range.
    private func matches(_ set: RecurrenceSet, _ filter: CompFilter) -> Bool {
        guard let davRange = filter.timeRange else {
            let components = (set.master.map { [$0] } ?? []) + set.overrides
            return components.contains { inner($0, filter, instance: nil) }
        }
        let range = TimeRange(start: davRange.start, end: davRange.end)
        if filter.propFilters.isEmpty && filter.compFilters.isEmpty {
            return set.overlaps(range, resolver: resolver, limits: limits)
        }
        // A task with neither DTSTART nor DUE has no instances; §9.9 judges it by COMPLETED and CREATED.
        for component in (set.master.map { [$0] } ?? []) + set.overrides
        where component.property("DTSTART") == nil && component.property("DUE") == nil {
            if component.overlaps(range, resolver: resolver, limits: limits), inner(component, filter, instance: nil) {
                return true
            }
        }
        let window = TimeRange(start: range.start, end: range.end.map { $0 == .max ? $0 : $0 + 1 })
        for instance in set.instances(in: window, resolver: resolver, limits: limits) {
            let expanded = instance.expandedComponent()
            guard expanded.overlaps(range, resolver: resolver, limits: limits) else { continue }
            if inner(instance.component, filter, instance: expanded) { return true }
        }
        return false
    }

    /// A component outside recurrence (VTIMEZONE, VFREEBUSY, AVAILABLE, nested ones): its own time-range, then the rest.
    private func plain(_ component: ICalComponent, _ filter: CompFilter) -> Bool {
        if let davRange = filter.timeRange {
            let range = TimeRange(start: davRange.start, end: davRange.end)
            guard component.overlaps(range, resolver: resolver, limits: limits) else { return false }
        }
        return inner(component, filter, instance: nil)
    }

    /// Prop-filters and nested comp-filters of `component`; `instance` is the expanded occurrence being judged, if any.
    private func inner(_ component: ICalComponent, _ filter: CompFilter, instance: ICalComponent?) -> Bool {
        for propFilter in filter.propFilters where !matches(component, propFilter) { return false }
        for child in filter.compFilters {
            let subcomponents = component.components(named: child.name)
            if child.isNotDefined {
                if !subcomponents.isEmpty { return false }
                continue
            }
            if child.name == "VALARM", let davRange = child.timeRange {
                var untimed = child
                untimed.timeRange = nil
                let alarms = subcomponents.filter { inner($0, untimed, instance: nil) }
                guard !alarms.isEmpty else { return false }
                var host = instance ?? component
                host.components = host.components.filter { $0.name != "VALARM" } + alarms
                let wrapper = ICalComponent("VCALENDAR", components: [host])
                let range = TimeRange(start: davRange.start, end: davRange.end)
                guard wrapper.hasAlarm(in: range, componentNamed: host.name, resolver: resolver, limits: limits) else {
                    return false
                }
                continue
            }
            guard subcomponents.contains(where: { plain($0, child) }) else { return false }
        }
        return true
    }

    /// A prop-filter (§9.7.2): defined-ness, then some property passing time-range, text-match and param-filters.
    func matches(_ component: ICalComponent, _ filter: PropFilter) -> Bool {
        let properties = component.properties(named: filter.name)
        if filter.isNotDefined { return properties.isEmpty }
        return properties.contains { property in
            if let range = filter.timeRange, !inRange(property, range) { return false }
            if let textMatch = filter.textMatch, !matches(property, textMatch) { return false }
            for paramFilter in filter.paramFilters where !matches(property, paramFilter) { return false }
            return true
        }
    }

    /// Collations text-match understands (CALDAV:supported-collation-set, RFC 4791 §7.5.1).
    static var collations: Set<String> { TextMatcher.supportedCollations }

    /// text-match on a property value; list-valued CATEGORIES and RESOURCES also match value by value, so
    /// `equals` finds one category among several (a negated match must hold for the whole value and each one).
    private func matches(_ property: ICalProperty, _ textMatch: TextMatch) -> Bool {
        let whole = TextMatcher.matches(property.textValue, textMatch)
        guard property.name == "CATEGORIES" || property.name == "RESOURCES" else { return whole }
        let values = property.textValues
        guard values.count > 1 else { return whole }
        if textMatch.negate { return whole && values.allSatisfy { TextMatcher.matches($0, textMatch) } }
        return whole || values.contains { TextMatcher.matches($0, textMatch) }
    }

    /// text-match on a bare string (principal searches reuse the collations).
    func matches(_ value: String, _ textMatch: TextMatch) -> Bool { TextMatcher.matches(value, textMatch) }

    /// A param-filter (§9.7.3): defined-ness, then some value passing text-match.
    private func matches(_ property: ICalProperty, _ filter: ParamFilter) -> Bool {
        let present = property.hasParameter(filter.name)
        if filter.isNotDefined { return !present }
        guard present else { return false }
        guard let textMatch = filter.textMatch else { return true }
        return property.parameterValues(filter.name).contains { TextMatcher.matches($0, textMatch) }
    }

    /// A DATE-TIME (an instant) or DATE (a whole day) property value against a time-range (§9.9, last table).
    private func inRange(_ property: ICalProperty, _ range: DAVTimeRange) -> Bool {
        guard let value = property.dateTimeValue else { return false }
        let start = resolver.utcSeconds(value)
        let end = value.isDateOnly ? start + 86_400 : start
        return TimeRange(start: range.start, end: range.end).overlaps(from: start, to: end)
    }
}
