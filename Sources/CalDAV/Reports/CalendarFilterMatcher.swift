import DAVXML
import ICalendar

/// Evaluates a calendar-query filter against one calendar object (RFC 4791 §9.7).
///
/// Time ranges on the components directly under VCALENDAR use the recurrence
/// set with its overrides (§9.9); on VALARM the alarm triggers of each instance.
struct CalendarFilterMatcher {
    let resolver: TimeZoneResolver

    /// Whether the VCALENDAR `calendar` passes the top-level comp-filter (which must name VCALENDAR).
    func matches(_ calendar: ICalComponent, filter: CompFilter) -> Bool {
        guard filter.name == calendar.name else { return filter.isNotDefined }
        if filter.isNotDefined { return false }
        return component(calendar, satisfies: filter, parent: nil, root: calendar)
    }

    /// `component` (already known to carry the filter's name) satisfies time-range, prop- and comp-filters.
    private func component(
        _ component: ICalComponent, satisfies filter: CompFilter, parent: ICalComponent?, root: ICalComponent
    ) -> Bool {
        if let range = filter.timeRange {
            let window = TimeRange(start: range.start, end: range.end)
            if component.name == "VALARM" {
                guard let parent, root.hasAlarm(in: window, componentNamed: parent.name, resolver: resolver) else {
                    return false
                }
            } else if parent?.name == "VCALENDAR" {
                guard root.matches(window, componentNamed: component.name, resolver: resolver) else { return false }
            } else {
                guard component.overlaps(window, resolver: resolver) else { return false }
            }
        }
        for propFilter in filter.propFilters where !property(of: component, satisfies: propFilter) { return false }
        for child in filter.compFilters {
            let candidates = component.components(named: child.name)
            if child.isNotDefined {
                if !candidates.isEmpty { return false }
                continue
            }
            guard candidates.contains(where: { self.component($0, satisfies: child, parent: component, root: root) })
            else {
                return false
            }
        }
        return true
    }

    /// A prop-filter (§9.7.2): defined-ness, time-range, text-match, param-filters.
    private func property(of component: ICalComponent, satisfies filter: PropFilter) -> Bool {
        let properties = component.properties(named: filter.name)
        if filter.isNotDefined { return properties.isEmpty }
        return properties.contains { property in
            if let range = filter.timeRange {
                guard let value = ICalDateTime(parsing: property.rawValue, tzid: property[parameter: "TZID"]) else {
                    return false
                }
                let seconds = resolver.utcSeconds(value)
                if let start = range.start, seconds < start { return false }
                if let end = range.end, seconds >= end { return false }
            }
            if let textMatch = filter.textMatch, !matches(ICalText.unescape(property.rawValue), textMatch) {
                return false
            }
            for paramFilter in filter.paramFilters {
                let values = property.parameterValues(paramFilter.name)
                let present = property.hasParameter(paramFilter.name)
                if paramFilter.isNotDefined {
                    if present { return false }
                    continue
                }
                guard present else { return false }
                if let textMatch = paramFilter.textMatch, !values.contains(where: { matches($0, textMatch) }) {
                    return false
                }
            }
            return true
        }
    }

    /// Collations text-match understands (RFC 4791 §7.5, RFC 4790 §9, RFC 5051).
    static let collations: Set<String> = ["i;ascii-casemap", "i;octet", "i;unicode-casemap"]

    /// Throws CALDAV:supported-collation when any text-match of `filter` names another collation.
    static func checkCollations(_ filter: CompFilter) throws {
        func check(_ textMatch: TextMatch?) throws {
            guard let textMatch, !collations.contains(textMatch.collation) else { return }
            throw DAVError(403, .supportedCollation, "collation \(textMatch.collation) is not supported")
        }
        for propFilter in filter.propFilters {
            try check(propFilter.textMatch)
            for paramFilter in propFilter.paramFilters { try check(paramFilter.textMatch) }
        }
        for child in filter.compFilters { try checkCollations(child) }
    }

    /// text-match with the i;ascii-casemap, i;unicode-casemap or i;octet collation (RFC 4790 §9.2–9.3, RFC 5051).
    func matches(_ value: String, _ textMatch: TextMatch) -> Bool {
        let haystack: String
        let needle: String
        switch textMatch.collation {
        case "i;octet":
            haystack = value
            needle = textMatch.text
        case "i;unicode-casemap":
            haystack = value.lowercased()
            needle = textMatch.text.lowercased()
        default:
            haystack = asciiLowercased(value)
            needle = asciiLowercased(textMatch.text)
        }
        let found: Bool
        switch textMatch.matchType {
        case .contains: found = needle.isEmpty || haystack.utf8.count >= needle.utf8.count && contains(haystack, needle)
        case .equals: found = haystack == needle
        case .startsWith: found = haystack.hasPrefix(needle)
        case .endsWith: found = haystack.hasSuffix(needle)
        }
        return found != textMatch.negate
    }

    private func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        guard n.count <= h.count else { return false }
        for start in 0...(h.count - n.count) where h[start] == n[0] {
            if Array(h[start..<(start + n.count)]) == n { return true }
        }
        return false
    }

    private func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
