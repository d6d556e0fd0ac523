import DAVXML
import Storage

extension CalDAVServer {
    /// principal-match (RFC 3744 §9.3): the members of the collection that are the current user
    /// (or a group they are in), or whose named property points at them.
    func principalMatch(_ match: PrincipalMatch, resource: Resource, context: RequestContext) throws -> DAVResponse {
        var mine: Set<String> = [urls.href(.principal(context.user.username))]
        for group in try groupURIs(of: context.user) {
            if let href = principalHref(group) { mine.insert(href) }
        }
        var candidates: [(ResourcePath, Resource)] = [(context.path, resource)]
        candidates += try children(of: context.path, resource, user: context.user, withData: false)
        var multistatus = Multistatus()
        for (path, member) in candidates {
            let privileges = try self.privileges(of: context.user, on: path, instance: member.instance)
            guard privileges.contains(.read) else { continue }
            let scope = PropertyScope(path: path, resource: member, user: context.user, privileges: privileges)
            let matches: Bool
            switch match.target {
            case .selfPrincipal:
                switch path {
                case .principal, .proxyGroup: matches = mine.contains(urls.href(path))
                default: matches = false
                }
            case .principalProperty(let name):
                guard let row = propertyTable.byName[name], privileges.isSuperset(of: row.readPrivilege),
                    let value = try row.get(self, scope)
                else { continue }
                matches = value.children(.href).contains { mine.contains($0.trimmedText) }
            }
            guard matches else { continue }
            let propStats = try properties(.prop(match.properties), scope: scope, dead: [])
            multistatus.entries.append(MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        return multistatus.response()
    }

    /// calendarserver-principal-search (CalendarServer): every token must occur, caselessly, in the
    /// display name, an email address or the name of a user principal; `context` narrows the kind.
    func calendarServerPrincipalSearch(_ search: CalendarServerPrincipalSearch, context: RequestContext) throws
        -> DAVResponse
    {
        var multistatus = Multistatus()
        let kinds: Set<String> = ["user", "attendee"]
        if let wanted = search.context?.lowercased(), !kinds.contains(wanted) { return multistatus.response() }
        let tokens = search.tokens.map { $0.lowercased() }
        guard !tokens.isEmpty else { return multistatus.response() }
        let limit = min(search.limit ?? 100, 1000)
        for record in try store.principals(withPrefix: "principals/") {
            guard let name = Self.userName(record.uri) else { continue }
            let fields = [name, record.displayName ?? "", record.email ?? ""].map { $0.lowercased() }
            guard tokens.allSatisfy({ token in fields.contains { $0.contains(token) } }) else { continue }
            if multistatus.entries.count == limit {
                multistatus.entries.append(MultistatusEntry(href: urls.href(context.path), status: 507))
                break
            }
            let path = ResourcePath.principal(name)
            let scope = PropertyScope(
                path: path, resource: .principal(record), user: context.user,
                privileges: try privileges(of: context.user, on: path))
            let propStats = try properties(.prop(search.properties), scope: scope, dead: [])
            multistatus.entries.append(MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        return multistatus.response()
    }
}
