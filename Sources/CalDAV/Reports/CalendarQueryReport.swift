import DAVXML
import ICalendar
import Storage

extension CalDAVServer {
    /// calendar-query (RFC 4791 §7.8): prefilter by component type and occurrence range in storage, then match each object.
    func calendarQuery(_ query: CalendarQuery, in instance: CalendarInstance, context: RequestContext) throws
        -> DAVResponse
    {
        guard query.filter.name == "VCALENDAR" else {
            throw DAVError(403, .validFilter, "the top comp-filter must be VCALENDAR")
        }
        // RFC 4791 §9.9: time-range applies to VEVENT, VTODO, VJOURNAL, VFREEBUSY and VALARM, never to VCALENDAR.
        guard query.filter.timeRange == nil else {
            throw DAVError(403, .validFilter, "time-range cannot filter the VCALENDAR component")
        }
        try CalendarFilterMatcher.checkCollations(query.filter)
        let path = context.path
        let owner = path.ownerName ?? ""
        let calendarName: String
        var onlyObject: String? = nil
        switch path {
        case .calendar(_, let name): calendarName = name
        case .calendarObject(_, let name, let object):
            calendarName = name
            onlyObject = object
        default: throw DAVError(403, .supportedReport, "calendar-query needs a calendar")
        }
        let typeFilter =
            query.filter.compFilters.count == 1 && !query.filter.compFilters[0].isNotDefined
            ? query.filter.compFilters[0] : nil
        let floatingZone = self.floatingZone(query, instance: instance)
        // The index reads floating times as UTC: widen the prefilter by the largest offset there is.
        let slack: Int64 = floatingZone == .utc ? 0 : 14 * 3600
        let range = typeFilter?.timeRange.map { indexRange(start: $0.start, end: $0.end, slack: slack) }
        let privileges = try privileges(of: context.user, on: path, instance: instance)
        let limit = min(query.limit ?? configuration.syncResultLimit, configuration.syncResultLimit)
        // Matches go straight into the response unless dead properties must be fetched for them first.
        let needsDead = !allLive(query.properties)
        var multistatus = Multistatus()
        var held: [StoredObject] = []
        var matches = 0
        var truncated = false
        func write(_ object: StoredObject, dead: [DeadProperty]) throws {
            let objectPath = ResourcePath.calendarObject(owner, calendarName, object.uri)
            let scope = PropertyScope(
                path: objectPath, resource: .object(instance, object), user: context.user, privileges: privileges,
                calendarData: query.calendarData)
            let propStats = try properties(query.properties, scope: scope, dead: dead)
            multistatus.add(MultistatusEntry(href: urls.href(objectPath), propStats: minimal(propStats, context.request)))
        }
        let visit: (StoredObject) throws -> Bool = { object in
            guard let data = object.data, let calendar = try? ICalComponent.parse(data) else { return true }
            let matcher = CalendarFilterMatcher(resolver: TimeZoneResolver(calendar: calendar, floatingZone: floatingZone))
            guard matcher.matches(calendar, filter: query.filter) else { return true }
            if matches == limit {
                truncated = true
                return false
            }
            matches += 1
            if needsDead { held.append(object) } else { try write(object, dead: []) }
            return true
        }
        if let onlyObject {
            if let object = try store.object(named: onlyObject, in: instance.calendarID) { _ = try visit(object) }
        } else {
            try store.forEachObject(
                in: instance.calendarID, componentType: typeFilter?.name, overlapping: range, withData: true, visit)
        }
        if needsDead {
            let dead = try deadRows(
                for: query.properties, paths: held.map { ResourcePath.calendarObject(owner, calendarName, $0.uri) })
            for object in held {
                try write(object, dead: dead[ResourcePath.calendarObject(owner, calendarName, object.uri).storagePath] ?? [])
            }
        }
        if truncated { multistatus.add(MultistatusEntry(href: urls.href(path), status: 507)) }
        return multistatus.response()
    }

    /// The zone floating times are read in (RFC 4791 §7.3): the query's timezone, else calendar-timezone, else UTC.
    func floatingZone(_ query: CalendarQuery, instance: CalendarInstance) -> ICalTimeZone {
        if let id = query.timezoneID, let zone = ICalTimeZone.named(id) { return zone }
        for text in [query.timezone, instance.properties.timezone].compactMap({ $0 }) {
            guard let calendar = try? ICalComponent.parse(text),
                let tzid = calendar.components(named: "VTIMEZONE").first?[raw: "TZID"]
            else { continue }
            if let zone = TimeZoneResolver(calendar: calendar).zone(forTZID: tzid) { return zone }
        }
        return .utc
    }

    /// The range to prefilter `firstoccurence`/`lastoccurence` with, widened by `slack` seconds.
    ///
    /// Unbounded series are indexed as ending at 2038-01-01 (sabre's horizon), so a
    /// range starting there or later cannot trust the end column.
    func indexRange(start: Int64?, end: Int64?, slack: Int64 = 0) -> (start: Int64?, end: Int64?) {
        let widenedStart = start.map { $0 - slack }
        return (widenedStart.flatMap { $0 >= ObjectIndexer.horizon - 86_400 ? nil : $0 }, end.map { $0 + slack })
    }
}
