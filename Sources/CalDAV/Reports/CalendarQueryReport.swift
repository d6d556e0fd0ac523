import DAVXML
import ICalendar
import Storage

extension CalDAVServer {
    /// calendar-query (RFC 4791 §7.8) on a calendar or one of its objects.
    ///
    /// The filter is checked first (§7.8 preconditions). Storage prefilters by
    /// component type and the top time-range on firstoccurence/lastoccurence
    /// (NULLs pass); each candidate is then decided exactly and, when it
    /// matches, written to the multistatus at once: one query for the
    /// collection, one for the objects, no list of objects held.
    func calendarQuery(_ query: CalendarQuery, in instance: CalendarInstance, context: RequestContext) throws -> DAVResponse {
        try CalendarFilterValidator.validate(query.filter)
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
        let requestZone = try queryZone(query)
        let floating = requestZone ?? FloatingZone.zone(calendarTimezone: instance.properties.timezone) ?? .utc
        let privileges = try privileges(of: context.user, on: path, instance: instance)
        let limit = min(query.limit ?? configuration.syncResultLimit, configuration.syncResultLimit)
        let needsDead = needsDeadRows(query.properties)
        // Results stream from storage on the one connection: a getter that queries storage must wait for the end.
        let deferEmit = needsDead || !Self.streamSafe(query.properties)
        let minimal = ReturnPreference.prefersMinimal(context.request)

        var writer = MultistatusWriter(minimal: minimal, capacity: 65536)
        let rows = resolvedRows(query.properties)
        var deferred: [StoredObject] = []
        var count = 0
        var truncated = false
        func emit(_ object: StoredObject, dead: [DeadProperty]) throws {
            let objectPath = ResourcePath.calendarObject(owner, calendarName, object.uri)
            var scope = PropertyScope(
                path: objectPath, resource: .object(instance, object), user: context.user, privileges: privileges,
                calendarData: query.calendarData)
            scope.floatingZone = floating
            let propStats = try properties(query.properties, scope: scope, dead: dead, rows: rows)
            if minimal, propStats.allSatisfy({ $0.status == 404 }) {
                // Nothing left to say but that it matched: a bare status keeps the response well-formed.
                writer.add(href: urls.href(objectPath), status: 200)
                return
            }
            writer.add(
                href: urls.href(objectPath),
                propstats: propStats.map { Propstat(status: $0.status, properties: $0.properties.map(Multistatus.property)) })
        }
        let prefilter = QueryPrefilter(query.filter)
        let wantsData = wantsData(query.properties)
        let visit: (StoredObject) throws -> Bool = { object in
            if onlyObject != nil || (!prefilter.isExact && !prefilter.provesMatch(object.index)) {
                guard let data = object.data, let calendar = try? ICalComponent.parse(data) else { return true }
                let objectMatcher = CalendarFilterMatcher(resolver: TimeZoneResolver(calendar: calendar, floatingZone: floating))
                guard objectMatcher.matches(calendar, filter: query.filter) else { return true }
            }
            if count == limit {
                truncated = true
                return false
            }
            count += 1
            if deferEmit {
                // Held until the stream ends: metadata only, unless calendar-data is asked for.
                var kept = object
                if !wantsData { kept.data = nil }
                deferred.append(kept)
            } else {
                try emit(object, dead: [])
            }
            return true
        }
        if let onlyObject {
            if let object = try store.object(named: onlyObject, in: instance.calendarID) { _ = try visit(object) }
        } else {
            try store.forEachObject(
                in: instance.calendarID, componentType: prefilter.componentType, overlapping: prefilter.range,
                withData: wantsData || !prefilter.isExact, visit)
        }
        if deferEmit {
            let paths = deferred.map { ResourcePath.calendarObject(owner, calendarName, $0.uri) }
            let dead = needsDead ? try deadRows(for: query.properties, paths: paths) : [:]
            for (object, objectPath) in zip(deferred, paths) { try emit(object, dead: dead[objectPath.storagePath] ?? []) }
        }
        if truncated {
            writer.add(href: urls.href(path), status: 507, error: PropertyName(.dav, "number-of-matches-within-limits"))
        }
        let body = writer.finish()
        return DAVResponse(
            status: 207,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }

    /// The zone of the query's `timezone` (RFC 4791 §9.8) or `timezone-id` (RFC 7809 §5.2) element, if any.
    func queryZone(_ query: CalendarQuery) throws -> ICalTimeZone? {
        if query.timezone != nil, query.timezoneID != nil {
            throw DAVError.badRequest("timezone and timezone-id are mutually exclusive")
        }
        if let text = query.timezone {
            guard let zone = FloatingZone.zone(calendarTimezone: text) else {
                throw DAVError(403, .validCalendarData, "timezone must be a VCALENDAR with one VTIMEZONE")
            }
            return zone
        }
        if let id = query.timezoneID {
            guard let zone = FloatingZone.zone(timezoneID: id) else {
                throw DAVError(403, .validTimezone, "unknown time zone \(id)")
            }
            return zone
        }
        return nil
    }

    /// Object properties whose getters read only the object row, so they can be written while rows stream.
    static var streamSafeProperties: Set<PropertyName> {
        [.getETag, .calendarData, .getContentType, .getContentLength, .getLastModified, .scheduleTag, .resourceType,
         .displayName]
    }

    /// Whether every property of the selection is stream-safe.
    static func streamSafe(_ selection: PropertySelection) -> Bool {
        if case .prop(let names) = selection { return names.allSatisfy(streamSafeProperties.contains) }
        return false
    }

    /// Whether a selection may ask for dead properties (then they are fetched for all matches in one query).
    func needsDeadRows(_ selection: PropertySelection) -> Bool {
        if case .prop(let names) = selection { return !names.allSatisfy { propertyTable.byName[$0] != nil } }
        return true
    }
}
