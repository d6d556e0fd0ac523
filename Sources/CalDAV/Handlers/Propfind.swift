import DAVXML
import Storage

extension CalDAVServer {
    /// PROPFIND with Depth 0 or 1 (RFC 4918 §9.1); Depth infinity is refused (§9.1, DAV:propfind-finite-depth).
    ///
    /// Depth 1 on a calendar reads the collection once and its objects in one
    /// pass without bodies; dead properties of all members come in one query.
    func propfind(_ context: RequestContext) throws -> DAVResponse {
        guard let depth = try context.depth(default: 1) else {
            throw DAVError(403, .propfindFiniteDepth, "Depth: infinity is not supported")
        }
        let selection = try PropertySelection.parse(context.request.body)
        let resource = try load(context.path)
        let privileges = try privileges(of: context.user, on: context.path, instance: resource.instance)
        try require(.read, on: context.path, for: context.user, instance: resource.instance)
        var members: [(ResourcePath, Resource)] = [(context.path, resource)]
        if depth == 1 {
            members += try children(of: context.path, resource, user: context.user, withData: wantsData(selection))
        }
        let deadRows =
            try needsDeadProperties(selection)
            ? store.deadProperties(paths: members.map { $0.0.storagePath }) : []
        var deadByPath: [String: [DeadProperty]] = [:]
        for row in deadRows { deadByPath[row.path, default: []].append(row) }

        var multistatus = Multistatus(capacity: 1024 + members.count * 320)
        let rows = resolvedRows(selection)
        let dropMissing = wantsMinimal(context.request)
        // The objects of one calendar (the items of one inbox) share their ACL: grants depend on the
        // owner, the calendar instance and the kind only, so it is computed once, not once per object.
        var siblingPrivileges: Privilege? = nil
        for (path, member) in members {
            let held: Privilege
            if path == context.path {
                held = privileges
            } else if path.isLeafMember {
                if let known = siblingPrivileges {
                    held = known
                } else {
                    held = try self.privileges(of: context.user, on: path, instance: member.instance)
                    siblingPrivileges = held
                }
            } else {
                held = try self.privileges(of: context.user, on: path, instance: member.instance)
            }
            let scope = PropertyScope(path: path, resource: member, user: context.user, privileges: held)
            let dead = deadByPath.isEmpty ? [] : deadByPath[path.storagePath] ?? []
            let propStats = try properties(selection, scope: scope, dead: dead, rows: rows)
            multistatus.add(
                MultistatusEntry(
                    href: urls.href(path), propStats: dropMissing ? propStats.filter { $0.status != 404 } : propStats))
        }
        return multistatus.response()
    }

    /// The propstats of one resource for a selection (RFC 4918 §9.1, §14.22).
    ///
    /// `rows` is `resolvedRows(selection)`, passed by callers that ask for many resources.
    func properties(
        _ selection: PropertySelection, scope: PropertyScope, dead: [DeadProperty], rows: [LiveProperty<Store>?]? = nil
    ) throws -> [PropStat] {
        var found: [XMLElement] = []
        var missing: [XMLElement] = []
        var forbidden: [XMLElement] = []
        let readable = try mayReadDeadProperties(scope)
        let deadElements = readable ? dead.compactMap(DeadPropertyCodec.element) : []

        func lookUp(_ name: PropertyName, reportMissing: Bool) throws {
            try lookUp(name, row: propertyTable.byName[name], reportMissing: reportMissing)
        }
        func lookUp(_ name: PropertyName, row: LiveProperty<Store>?, reportMissing: Bool) throws {
            if let row {
                guard scope.privileges.isSuperset(of: row.readPrivilege) else {
                    if reportMissing { forbidden.append(XMLElement(name)) }
                    return
                }
                if let value = try row.get(self, scope) {
                    found.append(value)
                } else if let deadValue = deadElements.first(where: { $0.name == name }) {
                    found.append(deadValue)
                } else if reportMissing {
                    missing.append(XMLElement(name))
                }
                return
            }
            if let deadValue = deadElements.first(where: { $0.name == name }) {
                found.append(deadValue)
            } else if reportMissing {
                missing.append(XMLElement(name))
            }
        }

        switch selection {
        case .prop(let names):
            if let rows, rows.count == names.count {
                // An index loop: zip over the generic rows costs a metadata lookup per step.
                for position in names.indices { try lookUp(names[position], row: rows[position], reportMissing: true) }
            } else {
                for name in names { try lookUp(name, reportMissing: true) }
            }
        case .allprop(let include):
            var seen = Set<PropertyName>()
            for row in propertyTable.ordered where row.inAllprop && scope.privileges.isSuperset(of: row.readPrivilege) {
                if let value = try row.get(self, scope) {
                    found.append(value)
                    seen.insert(row.name)
                }
            }
            for element in deadElements where !seen.contains(element.name) {
                found.append(element)
                seen.insert(element.name)
            }
            for name in include where !seen.contains(name) { try lookUp(name, reportMissing: true) }
        case .propname:
            var seen = Set<PropertyName>()
            for row in propertyTable.ordered where scope.privileges.isSuperset(of: row.readPrivilege) {
                if try row.get(self, scope) != nil, seen.insert(row.name).inserted {
                    found.append(XMLElement(row.name))
                }
            }
            for element in deadElements where seen.insert(element.name).inserted {
                found.append(XMLElement(element.name))
            }
        }
        var propStats: [PropStat] = []
        if !found.isEmpty { propStats.append(PropStat(status: 200, properties: found)) }
        if !forbidden.isEmpty { propStats.append(PropStat(status: 403, properties: forbidden)) }
        if !missing.isEmpty { propStats.append(PropStat(status: 404, properties: missing)) }
        return propStats
    }

    /// The live-property rows of a `prop` selection, looked up once for all the resources of a request.
    func resolvedRows(_ selection: PropertySelection) -> [LiveProperty<Store>?]? {
        guard case .prop(let names) = selection else { return nil }
        return names.map { propertyTable.byName[$0] }
    }

    /// The members of a collection, loaded in as few queries as the store allows.
    func children(of path: ResourcePath, _ resource: Resource, user: AuthenticatedUser, withData: Bool) throws
        -> [(ResourcePath, Resource)]
    {
        switch resource {
        case .root:
            return [(.principals, .principals), (.calendarHomes, .calendarHomes)]
        case .principals:
            return try store.principals(withPrefix: "principals/").compactMap { record in
                let parts = record.uri.split(separator: "/")
                guard parts.count == 2 else { return nil }
                return (.principal(String(parts[1])), .principal(record))
            }
        case .principal(let record):
            let name = String(record.uri.split(separator: "/").last ?? "")
            return try [ResourcePath.ProxyKind.read, .write].map { kind in
                let group = try store.principal(uri: "\(record.uri)/\(kind.rawValue)")
                return (.proxyGroup(name, kind), .proxyGroup(owner: record, kind: kind, group: group))
            }
        case .calendarHomes:
            guard let own = try store.principal(uri: user.principalURI) else { return [] }
            return [(.calendarHome(user.username), .calendarHome(own))]
        case .calendarHome(let record):
            guard case .calendarHome(let name) = path else { return [] }
            var members: [(ResourcePath, Resource)] = try store.calendars(ofPrincipal: record.uri).map {
                (.calendar(name, $0.uri), .calendar($0))
            }
            members.append((.inbox(name), .inbox(record)))
            members.append((.outbox(name), .outbox(record)))
            return members
        case .calendar(let instance):
            guard case .calendar(let name, let calendarName) = path else { return [] }
            var members: [(ResourcePath, Resource)] = []
            try store.forEachObject(in: instance.calendarID, componentType: nil, overlapping: nil, withData: withData) {
                members.append((.calendarObject(name, calendarName, $0.uri), .object(instance, $0)))
                return true
            }
            return members
        case .inbox(let record):
            guard case .inbox(let name) = path else { return [] }
            return try store.inboxItems(ofPrincipal: record.uri, withData: withData).map {
                (.inboxItem(name, $0.uri), .inboxItem($0))
            }
        case .proxyGroup, .outbox, .object, .inboxItem:
            return []
        }
    }

    /// Whether the selection needs object bodies (calendar-data asked by name).
    func wantsData(_ selection: PropertySelection) -> Bool {
        if case .prop(let names) = selection { return names.contains(.calendarData) }
        return false
    }

    /// Whether any asked-for property may be dead.
    private func needsDeadProperties(_ selection: PropertySelection) -> Bool {
        switch selection {
        case .prop(let names):
            return names.contains { name in
                // Live column-backed calendar properties may also sit in propertystorage on other resources.
                propertyTable.byName[name] == nil || propertyTable.byName[name]?.set != nil
            }
        case .allprop, .propname: return true
        }
    }

    /// `Prefer: return=minimal` / `Brief: t` drop the 404 propstats (RFC 8144 §2).
    func minimal(_ propStats: [PropStat], _ request: DAVRequest) -> [PropStat] {
        guard wantsMinimal(request) else { return propStats }
        return propStats.filter { $0.status != 404 }
    }

    /// Whether the request asks for minimal answers (RFC 8144 §2: `Prefer: return=minimal`, `Brief: t`).
    func wantsMinimal(_ request: DAVRequest) -> Bool {
        let prefer = request.header("prefer")?.lowercased() ?? ""
        let brief = request.header("brief")?.lowercased().hasPrefix("t") ?? false
        return prefer.contains("return=minimal") || brief
    }
}

extension ResourcePath {
    /// An object of a calendar or an item of an inbox: a Depth 1 member whose ACL its siblings share.
    fileprivate var isLeafMember: Bool {
        switch self {
        case .calendarObject, .inboxItem: return true
        default: return false
        }
    }
}
