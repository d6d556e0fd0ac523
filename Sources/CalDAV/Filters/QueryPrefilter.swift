import DAVXML
import ICalendar

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

    init(_ filter: CompFilter) {
        let widening: Int64 = 14 * 3600
        let kinds = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY"]
        guard let typed = filter.compFilters.first(where: { !$0.isNotDefined && kinds.contains($0.name) }) else { return }
        componentType = typed.name
        isExact = filter.propFilters.isEmpty && filter.compFilters.count == 1 && typed.timeRange == nil
            && typed.propFilters.isEmpty && typed.compFilters.isEmpty
        if typed.name == "VEVENT", let range = typed.timeRange {
            self.range = (range.start.map { Self.lowerBound($0 - widening) }, range.end.map { $0 + widening })
        }
    }
}
