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
}
