import Storage

extension CalDAVServer {
    /// Evaluates the `If` header (RFC 4918 §10.4) for a request: 400 when malformed,
    /// 412 when no list holds. Untagged lists are about the request URI, tagged ones about their resource.
    func evaluateIfHeader(_ context: RequestContext) throws {
        guard let raw = context.request.header("if") else { return }
        guard let header = IfHeader(raw) else { throw DAVError.badRequest("malformed If header") }
        var states: [String: ResourceState] = [:]
        for list in header.lists {
            let path: ResourcePath?
            if let tag = list.resource { path = urls.resolve(tag) } else { path = context.path }
            let key = path?.storagePath ?? "\u{0}unknown"
            let state: ResourceState
            if let known = states[key] {
                state = known
            } else {
                state =
                    try path.map { try resourceState($0, now: context.now) } ?? ResourceState(etag: nil, lockTokens: [])
                states[key] = state
            }
            let holds = list.conditions.allSatisfy { condition in
                let matched: Bool
                switch condition.kind {
                case .stateToken(let token): matched = state.lockTokens.contains(token)
                case .entityTag(let tag): matched = state.etag.map { IfHeader.sameEntityTag(tag, $0) } ?? false
                }
                return matched != condition.negated
            }
            if holds { return }
        }
        throw DAVError.preconditionFailed("no list of the If header matches")
    }

    /// The lock tokens submitted in the `If` header, without the `opaquelocktoken:` scheme (RFC 4918 §10.4.1).
    func ifHeaderLockTokens(_ request: DAVRequest) -> Set<String> {
        guard let raw = request.header("if"), let header = IfHeader(raw) else { return [] }
        let prefix = "opaquelocktoken:"
        return Set(header.stateTokens.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil })
    }

    /// What an If condition can test on one resource: its entity tag and the locks covering it.
    struct ResourceState {
        var etag: String?
        var lockTokens: Set<String>
    }

    private func resourceState(_ path: ResourcePath, now: Int64) throws -> ResourceState {
        let tokens = try store.locks(for: path.storagePath, includeChildren: false, now: now).map {
            "opaquelocktoken:" + $0.token
        }
        var etag: String? = nil
        switch path {
        case .calendarObject(let owner, let calendar, let name):
            if let instance = try store.calendar(ofPrincipal: "principals/" + owner, named: calendar) {
                etag = try store.object(named: name, in: instance.calendarID).map { ETag.quoted($0.etag) }
            }
        case .inboxItem(let owner, let name):
            etag = try store.inboxItem(ofPrincipal: "principals/" + owner, named: name).map { ETag.quoted($0.etag) }
        default:
            break
        }
        return ResourceState(etag: etag, lockTokens: Set(tokens))
    }
}

extension CalDAVServer {
    /// LOCK of an unmapped URL would create an empty resource (RFC 4918 §9.10.4), which no calendar
    /// collection can hold (an empty body is no iCalendar object): 409, PUT the object first.
    func refuseUnmapped(_ path: ResourcePath) throws {
        switch path {
        case .calendarObject, .calendar, .inboxItem:
            do { _ = try load(path) } catch let error as DAVError where error.status == 404 {
                throw DAVError.conflict("nothing exists at this URL to lock")
            }
        default:
            return
        }
    }
}
