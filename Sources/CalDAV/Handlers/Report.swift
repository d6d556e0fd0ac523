import DAVXML
import Storage

extension CalDAVServer {
    /// REPORT dispatch (RFC 3253 §3.6); unknown reports get 403 DAV:supported-report.
    func report(_ context: RequestContext) throws -> DAVResponse {
        let report = try ReportRequest.parse(context.request.body)
        let resource = try load(context.path)
        if case .freeBusyQuery(let query) = report {
            return try freeBusyQuery(query, on: resource, context: context)
        }
        try require(.read, on: context.path, for: context.user, instance: resource.instance)
        switch (report, resource) {
        case (.calendarMultiget(let multiget), .calendar(let instance)):
            return try calendarMultiget(multiget, in: instance, context: context)
        case (.calendarQuery(let query), .calendar(let instance)),
            (.calendarQuery(let query), .object(let instance, _)):
            return try calendarQuery(query, in: instance, context: context)
        case (.syncCollection(let sync), .calendar(let instance)):
            return try syncCollection(sync, in: instance, context: context)
        case (.principalPropertySearch(var search), _):
            if search.properties.isEmpty { search.properties = try strayProperties(context.request.body) }
            return try principalPropertySearch(search, context: context)
        case (.calendarServerPrincipalSearch(let search), _):
            return try calendarServerPrincipalSearch(search, context: context)
        case (.principalMatch(let match), _):
            return try principalMatch(match, resource: resource, context: context)
        case (.principalSearchPropertySet, _):
            return principalSearchPropertySet()
        case (.expandProperty(let expand), _):
            return try expandProperty(expand, resource: resource, context: context)
        default:
            throw DAVError(403, .supportedReport, "\(report.name.clark) is not supported on this resource")
        }
    }

    /// calendar-multiget (RFC 4791 §7.9): one query for every named object; unknown hrefs get 404.
    func calendarMultiget(_ multiget: CalendarMultiget, in instance: CalendarInstance, context: RequestContext) throws
        -> DAVResponse
    {
        guard case .calendar(let owner, let calendarName) = context.path else { throw DAVError.notFound() }
        var names: [String] = []
        var entries: [String: MultistatusEntry] = [:]
        var order: [String] = []
        for href in multiget.hrefs {
            order.append(href)
            if case .calendarObject(owner, calendarName, let name) = urls.resolve(href) {
                names.append(name)
            }
            entries[href] = MultistatusEntry(href: href, status: 404)
        }
        let objects = try store.objects(named: names, in: instance.calendarID)
        let privileges = try privileges(of: context.user, on: context.path, instance: instance)
        let dead = try deadRows(
            for: multiget.properties, paths: objects.map { ResourcePath.calendarObject(owner, calendarName, $0.uri) })
        var byName: [String: MultistatusEntry] = [:]
        let rows = resolvedRows(multiget.properties)
        let dropMissing = wantsMinimal(context.request)
        for object in objects {
            let path = ResourcePath.calendarObject(owner, calendarName, object.uri)
            let scope = PropertyScope(
                path: path, resource: .object(instance, object), user: context.user, privileges: privileges,
                calendarData: multiget.calendarData)
            let propStats = try properties(
                multiget.properties, scope: scope, dead: dead.isEmpty ? [] : dead[path.storagePath] ?? [], rows: rows)
            byName[object.uri] = MultistatusEntry(
                href: urls.href(path), propStats: dropMissing ? propStats.filter { $0.status != 404 } : propStats)
        }
        var multistatus = Multistatus(capacity: 1024 + objects.reduce(0) { $0 + 400 + ($1.data?.utf8.count ?? 0) })
        for href in order {
            if case .calendarObject(owner, calendarName, let name) = urls.resolve(href), var found = byName[name] {
                found.href = href
                multistatus.add(found)
            } else if let missing = entries[href] {
                multistatus.add(missing)
            }
        }
        return multistatus.response()
    }

    /// Property elements written beside an empty `DAV:prop` (python caldav 3.x sends its principal search so);
    /// displayname and calendar-home-set when there are none.
    func strayProperties(_ body: [UInt8]) throws -> [PropertyName] {
        let known: Set<PropertyName> = [.propertySearch, .prop, .applyToPrincipalCollectionSet, .limit]
        let stray = try XMLElement.parse(body).children.map(\.name).filter { !known.contains($0) }
        return stray.isEmpty ? [.displayName, .calendarHomeSet] : stray
    }

    /// Whether every property the selection names is live (so no dead property needs reading).
    func allLive(_ selection: PropertySelection) -> Bool {
        if case .prop(let names) = selection, names.allSatisfy({ propertyTable.byName[$0] != nil }) { return true }
        return false
    }

    /// Dead properties of many paths in one query, when the selection may ask for any.
    func deadRows(for selection: PropertySelection, paths: [ResourcePath]) throws -> [String: [DeadProperty]] {
        if allLive(selection) || paths.isEmpty { return [:] }
        var byPath: [String: [DeadProperty]] = [:]
        for row in try store.deadProperties(paths: paths.map(\.storagePath)) {
            byPath[row.path, default: []].append(row)
        }
        return byPath
    }
}
