import DAVXML
import Storage

extension CalDAVServer {
    /// sync-collection (RFC 6578 §3) with sabre's tokens, so clients continue from tokens sabre gave out.
    ///
    /// An empty token lists every member; otherwise the change log from the
    /// token on (inclusive), last change per uri, deletions as 404 responses.
    /// More members than the limit: a page of them, a 507 for the collection,
    /// and a token to resume from (§3.6; see `syncPage`).
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
                let full = try store.changes(in: instance.calendarID, since: 1, limit: nil)
                let live = (full?.changes ?? []).filter { $0.operation != .deleted && members.contains($0.uri) }
                guard Set(live.map(\.uri)) == members else {
                    throw DAVError(507, .numberOfMatchesWithinLimits, "more than \(limit) members")
                }
                let page = try syncPage(of: instance, from: 1, reporting: live, limit: limit)
                present = try store.objects(named: page.changes.map(\.uri), in: instance.calendarID)
                truncated = page.newToken < instance.syncToken
                multistatus.syncToken = SyncTokenFormat.string(page.newToken)
            }
        } else {
            guard let token = SyncTokenFormat.parse(sync.syncToken),
                let tail = try store.changes(in: instance.calendarID, since: token, limit: nil)
            else { throw DAVError(403, .validSyncToken, "unknown sync token") }
            let changes = try syncPage(of: instance, from: token, reporting: Self.reported(tail), limit: limit)
            truncated = changes.newToken < instance.syncToken
            var changedNames: [String] = []
            for change in changes.changes {
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

    /// The changes a reply reports: named members, less those created and removed again since the token,
    /// which the client cannot have seen (RFC 6578 §3.5.2).
    static func reported(_ changes: ChangeSet) -> [(uri: String, operation: ChangeOperation)] {
        changes.changes.filter { !$0.uri.isEmpty && !($0.operation == .deleted && changes.created.contains($0.uri)) }
    }

    /// The first page of `changes` (the tail of the log from `token`, in order of last change) for a reply
    /// of at most `limit` members, and the token that continues it (RFC 6578 §3.6).
    ///
    /// The page ends at the largest token X such that at most `limit` of these
    /// members have no change at or after X: exactly those are reported, and
    /// the continuation from X reports the rest, each once with its last state.
    /// Cutting after a number of log rows instead would give sparse pages on a
    /// calendar with history (edits, objects created and removed), and a client
    /// following the 507 checkpoints would need many round trips. Binary search
    /// over the token: about log2(changes) queries, only when a limit cuts.
    private func syncPage(
        of instance: CalendarInstance, from token: Int64,
        reporting changes: [(uri: String, operation: ChangeOperation)],
        limit: Int
    ) throws -> ChangeSet {
        guard changes.count > limit else { return ChangeSet(changes: changes, newToken: instance.syncToken) }
        func before(_ end: Int64) throws -> [(uri: String, operation: ChangeOperation)] {
            guard let later = try store.changes(in: instance.calendarID, since: end, limit: nil) else { return changes }
            let changedLater = Set(later.changes.map(\.uri))
            return changes.filter { !changedLater.contains($0.uri) }
        }
        var low = token + 1
        var high = instance.syncToken
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if try before(middle).count <= limit { low = middle } else { high = middle }
        }
        return ChangeSet(changes: try before(low), newToken: low)
    }
}
