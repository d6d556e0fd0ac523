import DAVXML
import Storage

extension CalDAVServer {
    /// Longest lock we grant, in seconds; `Infinite` requests get this too (RFC 4918 §10.7 lets the server choose).
    static var maxLockSeconds: Int64 { 3600 }

    /// LOCK: create or refresh a write lock (RFC 4918 §9.10); conflicts answer 423.
    func lock(_ context: RequestContext) throws -> DAVResponse {
        try requireWrite(context.path, user: context.user)
        try refuseUnmapped(context.path)
        let uri = context.path.storagePath
        let timeout = requestedTimeout(context.request)
        guard let info = try LockInfo.parse(context.request.body) else {
            // Refresh: the token comes in the If header (§9.10.2).
            let submitted = submittedTokens(context.request)
            guard
                var existing = try store.locks(for: uri, includeChildren: false, now: context.now)
                    .first(where: { submitted.contains($0.token) })
            else { throw DAVError(412, .lockTokenSubmitted, "no lock token to refresh") }
            existing.created = context.now
            existing.timeout = timeout
            try store.putLock(existing)
            return lockResponse(existing, status: 200, path: context.path)
        }
        let depthInfinity = try context.depth(default: nil) == nil
        return try store.transaction {
            let current = try store.locks(for: uri, includeChildren: depthInfinity, now: context.now)
            if current.contains(where: { $0.scope == 2 }) || (info.scope == .exclusive && !current.isEmpty) {
                throw DAVError(423, .noConflictingLock, "the resource is locked")
            }
            let record = LockRecord(
                owner: info.owner?.innerXML, timeout: timeout, created: context.now, token: makeID(),
                scope: info.scope == .exclusive ? 2 : 1, depth: depthInfinity ? -1 : 0, uri: uri)
            try store.putLock(record)
            return lockResponse(record, status: 200, path: context.path)
        }
    }

    /// UNLOCK (RFC 4918 §9.11): removes the lock named by Lock-Token.
    func unlock(_ context: RequestContext) throws -> DAVResponse {
        guard var token = context.request.header("lock-token")?.trimmingSpaces() else {
            throw DAVError.badRequest("missing Lock-Token header")
        }
        if token.hasPrefix("<") && token.hasSuffix(">") { token = String(token.dropFirst().dropLast()) }
        if token.hasPrefix("opaquelocktoken:") { token.removeFirst("opaquelocktoken:".count) }
        let uri = context.path.storagePath
        guard
            let found = try store.locks(for: uri, includeChildren: false, now: context.now).first(where: {
                $0.token == token
            })
        else { throw DAVError(409, nil, "no such lock on this resource") }
        try require(.unlock, on: context.path, for: context.user)
        try store.removeLock(token: found.token, uri: found.uri)
        return DAVResponse(status: 204, headers: [("Content-Length", "0")])
    }

    /// Throws 423 when `path` (or, with `includeChildren`, anything below it) is locked and the If header names none of the locks.
    func checkLocks(_ path: ResourcePath, context: RequestContext, includeChildren: Bool = false) throws {
        try evaluateIfHeader(context)
        let locks = try store.locks(for: path.storagePath, includeChildren: includeChildren, now: context.now)
        guard !locks.isEmpty else { return }
        let submitted = submittedTokens(context.request)
        if let held = locks.first(where: { !submitted.contains($0.token) }) {
            let root = ResourcePath(segments: held.uri.split(separator: "/").map(String.init)).map(urls.href)
            throw DAVError(423, .lockTokenSubmittedFor(href: root ?? urls.href(path)), "the resource is locked")
        }
    }

    /// Tokens in the If header (RFC 4918 §10.4), without `opaquelocktoken:`.
    private func submittedTokens(_ request: DAVRequest) -> Set<String> {
        guard let header = request.header("if") else { return [] }
        var tokens = Set<String>()
        var rest = Substring(header)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let token = after[..<close]
            if token.hasPrefix("opaquelocktoken:") { tokens.insert(String(token.dropFirst("opaquelocktoken:".count))) }
            rest = after[after.index(after: close)...]
        }
        return tokens
    }

    private func requestedTimeout(_ request: DAVRequest) -> Int64 {
        guard let header = request.header("timeout") else { return Self.maxLockSeconds }
        for part in header.split(separator: ",") {
            let text = part.trimmingSpaces()
            if text.lowercased().hasPrefix("second-"), let seconds = Int64(text.dropFirst(7)) {
                return min(max(seconds, 1), Self.maxLockSeconds)
            }
        }
        return Self.maxLockSeconds
    }

    private func requireWrite(_ path: ResourcePath, user: AuthenticatedUser) throws {
        if case .calendarObject(let owner, let calendar, _) = path {
            try require(.writeContent, on: .calendar(owner, calendar), for: user)
        } else {
            try require(.writeProperties, on: path, for: user)
        }
    }

    private func lockResponse(_ record: LockRecord, status: Int, path: ResourcePath) -> DAVResponse {
        let active = ActiveLock(
            scope: record.scope == 2 ? .exclusive : .shared, depthInfinity: record.depth != 0,
            owner: record.owner.flatMap { try? XMLElement.parse(name: .owner, innerXML: $0) },
            timeoutSeconds: Int(record.timeout), token: "opaquelocktoken:" + record.token, root: urls.href(path))
        let body = LockResponseWriter.body(active)
        return DAVResponse(
            status: status,
            headers: [
                ("Lock-Token", "<opaquelocktoken:\(record.token)>"), ("Content-Type", "application/xml; charset=utf-8"),
                ("Content-Length", String(body.count)),
            ],
            body: body)
    }
}

extension CalDAVServer {
    /// `DAV:activelock` for lockdiscovery (RFC 4918 §14.1).
    func activeLockElement(_ record: LockRecord) -> XMLElement {
        var children = [
            XMLElement(.lockType, children: [XMLElement(.write)]),
            XMLElement(.lockScope, children: [XMLElement(record.scope == 2 ? .exclusive : .shared)]),
            XMLElement(.depth, text: record.depth == 0 ? "0" : "infinity"),
        ]
        if let owner = record.owner, let element = try? XMLElement.parse(name: .owner, innerXML: owner) {
            children.append(element)
        }
        children.append(XMLElement(.timeout, text: "Second-\(record.timeout)"))
        children.append(XMLElement(.lockToken, children: [XMLElement(.href, text: "opaquelocktoken:" + record.token)]))
        children.append(
            XMLElement(
                .lockRoot,
                children: [
                    XMLElement(
                        .href,
                        text: urls.basePath
                            + record.uri.split(separator: "/").map { URLPath.percentEncode(String($0)) }.joined(
                                separator: "/"))
                ]))
        return XMLElement(.activeLock, children: children)
    }
}
