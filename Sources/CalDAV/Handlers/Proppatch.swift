import DAVXML
import Storage

extension CalDAVServer {
    /// PROPPATCH (RFC 4918 §9.2): all instructions succeed together or none is applied (424 for the rest).
    ///
    /// Calendar properties go to `calendarinstances` columns as sabre maps them;
    /// everything else is a dead property in `propertystorage`.
    func proppatch(_ context: RequestContext) throws -> DAVResponse {
        let update = try PropertyUpdate.parse(context.request.body)
        let resource = try load(context.path)
        try require(.writeProperties, on: context.path, for: context.user, instance: resource.instance)
        try checkLocks(context.path, context: context)
        var patch = try initialPatch(for: resource)
        var statuses: [(name: PropertyName, status: Int)] = []
        var failed = false
        for operation in update.operations {
            var value: XMLElement? = nil
            if case .set(let element) = operation { value = element }
            let status = stage(operation.name, value: value, into: &patch)
            statuses.append((operation.name, status))
            if status >= 300 { failed = true }
        }
        if failed {
            let propStats = Dictionary(grouping: statuses) { $0.status >= 300 ? $0.status : 424 }
                .sorted { $0.key < $1.key }
                .map { PropStat(status: $0.key, properties: $0.value.map { XMLElement($0.name) }) }
            return Multistatus(MultistatusEntry(href: urls.href(context.path), propStats: propStats))
                .response()
        }
        try apply(patch, to: resource, path: context.path)
        let done = statuses.isEmpty ? [] : [PropStat(status: 200, properties: statuses.map { XMLElement($0.name) })]
        return Multistatus(MultistatusEntry(href: urls.href(context.path), propStats: done)).response()
    }

    /// A patch holding the resource's current column values, so setters edit them in place.
    func initialPatch(for resource: Resource) throws -> PropertyPatch {
        var patch = PropertyPatch()
        switch resource {
        case .calendar(let instance): patch.calendar = instance.properties
        case .principal(let record): patch.principal = record
        case .inbox(let record): patch.inbox = record
        case .proxyGroup(_, _, let group):
            patch.members = try group.map { try store.members(of: $0.id).map(\.id) } ?? []
        default: break
        }
        return patch
    }

    /// Stages one set/remove; returns its propstat status.
    func stage(_ name: PropertyName, value: XMLElement?, into patch: inout PropertyPatch) -> Int {
        if let row = propertyTable.byName[name] {
            guard let setter = row.set else { return 403 }
            do {
                if try setter(self, &patch, value) { return 200 }
            } catch let error as DAVError {
                return error.status
            } catch {
                return 500
            }
        }
        patch.dead.append((name, value))
        return 200
    }

    /// Writes a staged patch in one transaction.
    func apply(_ patch: PropertyPatch, to resource: Resource, path: ResourcePath) throws {
        try store.transaction {
            switch resource {
            case .calendar(let instance):
                if let properties = patch.calendar, properties != instance.properties {
                    try store.updateCalendar(instance.id, properties: properties)
                }
            case .principal(let record):
                if let updated = patch.principal, updated != record { try store.updatePrincipal(updated) }
            case .proxyGroup(_, _, let group):
                if let members = patch.members {
                    let groupID =
                        try group?.id ?? store.createPrincipal(uri: path.storagePath, email: nil, displayName: nil).id
                    try store.setMembers(of: groupID, to: members)
                }
            default: break
            }
            for (name, value) in patch.dead {
                if let value {
                    try store.setDeadProperty(DeadPropertyCodec.row(path: path.storagePath, element: value))
                } else {
                    try store.removeDeadProperty(path: path.storagePath, name: name.clark)
                }
            }
        }
    }
}
