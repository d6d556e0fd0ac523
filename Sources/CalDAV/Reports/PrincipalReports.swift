import DAVXML
import Storage

extension CalDAVServer {
    /// Properties principal-property-search can match on (RFC 3744 §9.5), with a description.
    static var searchableProperties: [(PropertyName, String)] {
        [
            (.displayName, "Display name"),
            (.calendarUserAddressSet, "Calendar user addresses"),
            (PropertyName(.calendarServer, "email-address-set"), "Email addresses"),
            (.calendarUserType, "Calendar user type"),
        ]
    }

    /// principal-property-search (RFC 3744 §9.4) over the principals collection.
    func principalPropertySearch(_ search: PrincipalPropertySearch, context: RequestContext) throws -> DAVResponse {
        let matcher = CalendarFilterMatcher(resolver: .init(calendar: nil))
        var multistatus = Multistatus()
        var count = 0
        for record in try store.principals(withPrefix: "principals/") {
            let parts = record.uri.split(separator: "/")
            guard parts.count == 2 else { continue }
            let path = ResourcePath.principal(String(parts[1]))
            let scope = PropertyScope(
                path: path, resource: .principal(record), user: context.user,
                privileges: try privileges(of: context.user, on: path))
            let results = try search.searches.map { condition in
                try condition.properties.contains { name in
                    guard let value = try propertyTable.byName[name]?.get(self, scope) else { return false }
                    let texts = value.children.isEmpty ? [value.text] : value.children.map(\.trimmedText)
                    let wanted = TextMatch(text: condition.match, matchType: condition.matchType)
                    return texts.contains { matcher.matches($0, wanted) }
                }
            }
            let passes = search.test == .anyof ? results.contains(true) : !results.contains(false)
            guard passes else { continue }
            if let limit = search.limit, count == limit {
                multistatus.add(MultistatusEntry(href: urls.href(context.path), status: 507))
                break
            }
            count += 1
            let propStats = try properties(.prop(search.properties), scope: scope, dead: [])
            multistatus.add(
                MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        return multistatus.response()
    }

    /// CS:calendarserver-principal-search: every token must match the display name or an address (CalendarServer extension).
    func calendarServerPrincipalSearch(_ search: CalendarServerPrincipalSearch, context: RequestContext) throws
        -> DAVResponse
    {
        let matcher = CalendarFilterMatcher(resolver: .init(calendar: nil))
        var multistatus = Multistatus()
        if let kind = search.context, !["user", "attendee"].contains(kind) { return multistatus.response() }
        for record in try store.principals(withPrefix: "principals/") {
            let parts = record.uri.split(separator: "/")
            guard parts.count == 2 else { continue }
            let texts = [record.displayName, record.email, String(parts[1])].compactMap { $0 }
            let passes = search.tokens.allSatisfy { token in
                texts.contains { matcher.matches($0, TextMatch(text: token)) }
            }
            guard passes else { continue }
            if let limit = search.limit, multistatus.count == limit { break }
            let path = ResourcePath.principal(String(parts[1]))
            let scope = PropertyScope(
                path: path, resource: .principal(record), user: context.user,
                privileges: try privileges(of: context.user, on: path))
            let propStats = try properties(.prop(search.properties), scope: scope, dead: [])
            multistatus.add(
                MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        return multistatus.response()
    }

    /// principal-match (RFC 3744 §9.3): the current user's principal and groups (`self`), or the members of
    /// the target whose principal property names the current user.
    func principalMatch(_ match: PrincipalMatch, resource: Resource, context: RequestContext) throws -> DAVResponse {
        let me = urls.href(.principal(context.user.username))
        var candidates: [(ResourcePath, Resource)] = []
        var matched: [(ResourcePath, Resource)] = []
        switch match.target {
        case .selfPrincipal:
            guard let principal = try store.principal(uri: context.user.principalURI) else { break }
            candidates = [(.principal(context.user.username), .principal(principal))]
            for group in try store.memberships(of: principal.id) {
                let parts = group.uri.split(separator: "/").map(String.init)
                guard parts.count == 3, let kind = ResourcePath.ProxyKind(rawValue: parts[2]),
                    let owner = try store.principal(uri: "principals/" + parts[1])
                else { continue }
                candidates.append((.proxyGroup(parts[1], kind), .proxyGroup(owner: owner, kind: kind, group: group)))
            }
            matched = candidates
        case .principalProperty(let name):
            candidates = try children(of: context.path, resource, user: context.user, withData: false)
            for (path, member) in candidates {
                let scope = PropertyScope(
                    path: path, resource: member, user: context.user,
                    privileges: try privileges(of: context.user, on: path, instance: member.instance))
                guard scope.privileges.contains(.read), let value = try propertyTable.byName[name]?.get(self, scope),
                    value.children(.href).contains(where: { $0.trimmedText == me })
                else { continue }
                matched.append((path, member))
            }
        }
        var multistatus = Multistatus()
        let selection: PropertySelection = .prop(match.properties)
        for (path, member) in matched {
            let scope = PropertyScope(
                path: path, resource: member, user: context.user,
                privileges: try privileges(of: context.user, on: path, instance: member.instance))
            let propStats = match.properties.isEmpty ? [] : try properties(selection, scope: scope, dead: [])
            multistatus.add(
                propStats.isEmpty
                    ? MultistatusEntry(href: urls.href(path), status: 200)
                    : MultistatusEntry(href: urls.href(path), propStats: minimal(propStats, context.request)))
        }
        return multistatus.response()
    }

    /// principal-search-property-set (RFC 3744 §9.5).
    func principalSearchPropertySet() -> DAVResponse {
        let entries = Self.searchableProperties.map { name, description in
            XMLElement(
                .principalSearchProperty,
                children: [
                    XMLElement(.prop, children: [XMLElement(name)]),
                    XMLElement(.description, attributes: ["xml:lang": "en"], text: description),
                ])
        }
        let root = XMLElement(.principalSearchPropertySet, children: entries)
        let body = Array(("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.outerXML + "\n").utf8)
        return DAVResponse(
            status: 200,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }

    /// expand-property (RFC 3253 §3.8): href-valued properties replaced by the responses of the resources they name.
    func expandProperty(_ report: ExpandProperty, resource: Resource, context: RequestContext) throws -> DAVResponse {
        let propStats = try expanded(
            report.properties, path: context.path, resource: resource, user: context.user, depth: 0)
        return Multistatus(MultistatusEntry(href: urls.href(context.path), propStats: propStats)).response()
    }

    private func expanded(
        _ items: [ExpandPropertyItem], path: ResourcePath, resource: Resource, user: AuthenticatedUser, depth: Int
    ) throws -> [PropStat] {
        let scope = PropertyScope(
            path: path, resource: resource, user: user,
            privileges: try privileges(of: user, on: path, instance: resource.instance))
        var found: [XMLElement] = []
        var missing: [XMLElement] = []
        for item in items {
            guard let row = propertyTable.byName[item.name], scope.privileges.isSuperset(of: row.readPrivilege),
                let value = try row.get(self, scope)
            else {
                missing.append(XMLElement(item.name))
                continue
            }
            guard !item.children.isEmpty, depth < 3 else {
                found.append(value)
                continue
            }
            var responses: [XMLElement] = []
            for href in value.children(.href).map(\.trimmedText) {
                var children = [XMLElement(.href, text: href)]
                if let target = urls.resolve(href), let loaded = try? load(target),
                    try privileges(of: user, on: target, instance: loaded.instance).contains(.read)
                {
                    for propStat in try expanded(
                        item.children, path: target, resource: loaded, user: user, depth: depth + 1)
                    {
                        children.append(
                            XMLElement(
                                .propStat,
                                children: [
                                    XMLElement(.prop, children: propStat.properties),
                                    XMLElement(.status, text: "HTTP/1.1 " + HTTPStatus.line(propStat.status)),
                                ]))
                    }
                } else {
                    children.append(XMLElement(.status, text: "HTTP/1.1 " + HTTPStatus.line(404)))
                }
                responses.append(XMLElement(.response, children: children))
            }
            found.append(XMLElement(item.name, children: responses))
        }
        var propStats: [PropStat] = []
        if !found.isEmpty { propStats.append(PropStat(status: 200, properties: found)) }
        if !missing.isEmpty { propStats.append(PropStat(status: 404, properties: missing)) }
        return propStats
    }
}
