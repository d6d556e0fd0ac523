import DAVXML
import ICalendar
import Storage

extension CalDAVServer {
    /// calendar-query (RFC 4791 §7.8): prefilter by component type and occurrence range in storage, then match each object.
    func calendarQuery(_ query: CalendarQuery, in instance: CalendarInstance, context: RequestContext) throws -> DAVResponse {
        guard query.filter.name == "VCALENDAR" else {
            throw DAVError(403, .validFilter, "the top comp-filter must be VCALENDAR")
        }
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
        let typeFilter = query.filter.compFilters.count == 1 && !query.filter.compFilters[0].isNotDefined
            ? query.filter.compFilters[0] : nil
        let range = typeFilter?.timeRange.map { (start: $0.start, end: $0.end) }
        let privileges = try privileges(of: context.user, on: path, instance: instance)
        let limit = min(query.limit ?? configuration.syncResultLimit, configuration.syncResultLimit)
        var matched: [StoredObject] = []
        var truncated = false
        let visit: (StoredObject) throws -> Bool = { object in
            guard let data = object.data, let calendar = try? ICalComponent.parse(data) else { return true }
            let matcher = CalendarFilterMatcher(resolver: TimeZoneResolver(calendar: calendar))
            guard matcher.matches(calendar, filter: query.filter) else { return true }
            if matched.count == limit {
                truncated = true
                return false
            }
            matched.append(object)
            return true
        }
        if let onlyObject {
            if let object = try store.object(named: onlyObject, in: instance.calendarID) { _ = try visit(object) }
        } else {
            try store.forEachObject(
                in: instance.calendarID, componentType: typeFilter?.name, overlapping: range, withData: true, visit)
        }
        let paths = matched.map { ResourcePath.calendarObject(owner, calendarName, $0.uri) }
        let dead = try deadRows(for: query.properties, paths: paths)
        var multistatus = Multistatus()
        for object in matched {
            let objectPath = ResourcePath.calendarObject(owner, calendarName, object.uri)
            let scope = PropertyScope(path: objectPath, resource: .object(instance, object), user: context.user, privileges: privileges)
            let propStats = try properties(query.properties, scope: scope, dead: dead[objectPath.storagePath] ?? [])
            multistatus.entries.append(MultistatusEntry(href: urls.href(objectPath), propStats: minimal(propStats, context.request)))
        }
        if truncated { multistatus.entries.append(MultistatusEntry(href: urls.href(path), status: 507)) }
        return multistatus.response()
    }
}
