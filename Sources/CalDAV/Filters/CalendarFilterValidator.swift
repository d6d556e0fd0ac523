import DAVXML

/// Checks a calendar-query filter before any object is read (RFC 4791 §7.8 preconditions).
enum CalendarFilterValidator {
    /// Throws 403 CALDAV:valid-filter for a malformed tree, 403 CALDAV:supported-collation for an unknown collation.
    static func validate(_ filter: CompFilter) throws {
        guard filter.name == "VCALENDAR" else {
            throw DAVError(403, .validFilter, "the top comp-filter must be VCALENDAR")
        }
        guard filter.timeRange == nil else { throw DAVError(403, .validFilter, "no time-range on VCALENDAR") }
        try check(filter, depth: 0)
    }

    private static func check(_ filter: CompFilter, depth: Int) throws {
        if depth > 0, filter.name == "VCALENDAR" { throw DAVError(403, .validFilter, "VCALENDAR nested in a filter") }
        if filter.isNotDefined, filter.timeRange != nil || !filter.propFilters.isEmpty || !filter.compFilters.isEmpty {
            throw DAVError(403, .validFilter, "is-not-defined excludes other tests")
        }
        try checkRange(filter.timeRange)
        for prop in filter.propFilters {
            try checkRange(prop.timeRange)
            try checkCollation(prop.textMatch)
            for param in prop.paramFilters { try checkCollation(param.textMatch) }
        }
        for child in filter.compFilters { try check(child, depth: depth + 1) }
    }

    private static func checkRange(_ range: DAVTimeRange?) throws {
        guard let range, let start = range.start, let end = range.end else { return }
        if end < start { throw DAVError(403, .validFilter, "time-range ends before it starts") }
    }

    private static func checkCollation(_ textMatch: TextMatch?) throws {
        guard let textMatch, !TextMatcher.supportedCollations.contains(textMatch.collation) else { return }
        throw DAVError(403, .supportedCollation, "collation \(textMatch.collation) is not supported")
    }
}
