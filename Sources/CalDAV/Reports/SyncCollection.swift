import DAVXML
import Storage

extension CalDAVServer {
    /// sync-collection (RFC 6578 §3) with sabre's tokens, so clients continue from tokens sabre gave out.
    ///
    /// An empty token lists every member; otherwise the change log from the
    /// token on (inclusive), last change per uri, deletions as 404 responses.
    /// More changes than the limit: the first ones, a 507 for the collection,
    /// and a token to resume from (§3.6).
    func syncCollection(_ sync: SyncCollection, in instance: CalendarInstance, context: RequestContext) throws
        -> DAVResponse
    {
        guard case .calendar(let owner, let calendarName) = context.path else { throw DAVError.notFound() }
        guard sync.level == .one else { throw DAVError(403, .supportedReport, "only sync-level 1 is supported") }
        let privileges = try privileges(of: context.user, on: context.path, instance: instance)
        let withData = wantsData(sync.properties)
        let limit = min(sync.limit ?? configuration.syncResultLimit, configuration.syncResultLimit)
        var multistatus = Multistatus()
        var present: [StoredObject] = []
        var deleted: [String] = []
        var truncated = false

        if sync.syncToken.isEmpty {
            try store.forEachObject(in: instance.calendarID, componentType: nil, overlapping: nil, withData: withData) {
                present.append($0)
                return true
            }
            multistatus.syncToken = SyncTokenFormat.string(instance.syncToken)
            if present.count > limit {
                // Page through the change log from the calendar's first token, when it accounts for every member.
                let members = Set(present.map(\.uri))
                guard let full = try store.changes(in: instance.calendarID, since: 1, limit: nil),
                    Set(full.changes.filter { $0.operation != .deleted && !$0.uri.isEmpty }.map(\.uri)) == members,
                    let page = try store.changes(in: instance.calendarID, since: 1, limit: limit)
                else { throw DAVError(507, .numberOfMatchesWithinLimits, "more than \(limit) members") }
                let names = page.changes.filter { $0.operation != .deleted && !$0.uri.isEmpty }.map(\.uri)
                present = try store.objects(named: names, in: instance.calendarID)
                truncated = page.newToken < instance.syncToken
                multistatus.syncToken = SyncTokenFormat.string(page.newToken)
            }
        } else {
            guard let token = SyncTokenFormat.parse(sync.syncToken),
                let changes = try store.changes(in: instance.calendarID, since: token, limit: limit)
            else { throw DAVError(403, .validSyncToken, "unknown sync token") }
            truncated = changes.newToken < instance.syncToken
            var changedNames: [String] = []
            for change in changes.changes where !change.uri.isEmpty {
                if change.operation == .deleted { deleted.append(change.uri) } else { changedNames.append(change.uri) }
            }
            let objects = try store.objects(named: changedNames, in: instance.calendarID)
            let found = Set(objects.map(\.uri))
            present = objects
            deleted += changedNames.filter { !found.contains($0) }
            multistatus.syncToken = SyncTokenFormat.string(changes.newToken)
        }
        let paths = present.map { ResourcePath.calendarObject(owner, calendarName, $0.uri) }
        let dead = try deadRows(for: sync.properties, paths: paths)
        for object in present {
            let path = ResourcePath.calendarObject(owner, calendarName, object.uri)
            let scope = PropertyScope(
                path: path, resource: .object(instance, object), user: context.user, privileges: privileges,
                calendarData: sync.calendarData)
            let propStats = try properties(sync.properties, scope: scope, dead: dead[path.storagePath] ?? [])
            multistatus.add(
                MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        for name in deleted {
            multistatus.add(
                MultistatusEntry(href: urls.href(.calendarObject(owner, calendarName, name)), status: 404))
        }
        if truncated {
            multistatus.add(MultistatusEntry(href: urls.href(context.path), status: 507))
        }
        return multistatus.response()
    }
}
