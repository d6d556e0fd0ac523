import DAVXML
import ICalendar
import Storage

/// What storage can filter on before an object is parsed: the component type and the top time-range.
struct QueryPrefilter {
    /// `calendarobjects.componenttype` to require, when the filter names one kind of component.
    var componentType: String?
    /// The range on firstoccurence/lastoccurence, widened by 14 hours either side because the
    /// index reads floating times as UTC while the query reads them in the calendar's zone.
    var range: (start: Int64?, end: Int64?)?

    /// The lowest lastoccurence a match can have: sabre (and the indexer) stop walking a series at
    /// 2038 and store that horizon for unbounded ones, so windows beyond it must still see them.
    static func lowerBound(_ start: Int64) -> Int64 {
        Swift.min(start, ObjectIndexer.horizon - 366 * 86_400)
    }

    /// Whether the component type alone decides (`VCALENDAR > VEVENT` and nothing else): no body is parsed.
    var isExact = false

    /// The query range when the filter is exactly `VCALENDAR > VEVENT > time-range` with both bounds.
    private var onlyRange: (start: Int64, end: Int64)?

    /// The widening either side for floating times (the index reads them as UTC).
    private static let widening: Int64 = 14 * 3600

    /// Whether the index row alone proves a match, so the body need not be parsed (RFC 4791 §9.9).
    ///
    /// True when the filter is only a VEVENT time-range and every instance of the object lies
    /// strictly inside it even with floating times read in any zone: the indexer stores the
    /// first instance's start and the last one's end (NULLs when there is no instance), so
    /// some instance exists and overlaps the range.
    func provesMatch(_ index: Storage.ObjectIndex) -> Bool {
        guard let onlyRange, index.componentType == "VEVENT", let first = index.firstOccurrence,
            let last = index.lastOccurrence, last < ObjectIndexer.horizon
        else { return false }
        return first - Self.widening > onlyRange.start && last + Self.widening < onlyRange.end
    }

    init(_ filter: CompFilter) {
        let widening: Int64 = 14 * 3600
        let kinds = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY"]
        guard let typed = filter.compFilters.first(where: { !$0.isNotDefined && kinds.contains($0.name) }) else { return }
        componentType = typed.name
        isExact = filter.propFilters.isEmpty && filter.compFilters.count == 1 && typed.timeRange == nil
            && typed.propFilters.isEmpty && typed.compFilters.isEmpty
        if typed.name == "VEVENT", let range = typed.timeRange {
            self.range = (range.start.map { Self.lowerBound($0 - widening) }, range.end.map { $0 + widening })
            if filter.propFilters.isEmpty, filter.compFilters.count == 1, filter.timeRange == nil, !filter.isNotDefined,
                typed.propFilters.isEmpty,
                typed.compFilters.isEmpty, let start = range.start, let end = range.end
            {
                onlyRange = (start, end)
            }
        }
    }
}
