import Storage

/// A resource with the rows it was found in, ready for property lookups.
enum Resource {
    case root
    case principals
    case calendarHomes
    case principal(PrincipalRecord)
    /// `principals/NAME/calendar-proxy-*`: owner, kind, and the group's own principal row if it exists.
    case proxyGroup(owner: PrincipalRecord, kind: ResourcePath.ProxyKind, group: PrincipalRecord?)
    case calendarHome(PrincipalRecord)
    case calendar(CalendarInstance)
    case object(CalendarInstance, StoredObject)
    case inbox(PrincipalRecord)
    case inboxItem(InboxItem)
    case outbox(PrincipalRecord)

    /// The calendar instance a calendar or object lives in.
    var instance: CalendarInstance? {
        switch self {
        case .calendar(let instance), .object(let instance, _): return instance
        default: return nil
        }
    }
}

extension CalDAVServer {
    /// Loads the rows behind `path`; 404 when something on the way does not exist.
    func load(_ path: ResourcePath) throws -> Resource {
        switch path {
        case .root, .wellKnown: return .root
        case .principals: return .principals
        case .calendarHomes: return .calendarHomes
        case .principal(let name): return .principal(try principalRecord(name))
        case .proxyGroup(let name, let kind):
            let owner = try principalRecord(name)
            return .proxyGroup(owner: owner, kind: kind, group: try store.principal(uri: path.storagePath))
        case .calendarHome(let name): return .calendarHome(try principalRecord(name))
        case .calendar(let name, let calendar): return .calendar(try calendarInstance(owner: name, name: calendar))
        case .calendarObject(let name, let calendar, let objectName):
            let instance = try calendarInstance(owner: name, name: calendar)
            guard let object = try store.object(named: objectName, in: instance.calendarID) else {
                throw DAVError.notFound()
            }
            return .object(instance, object)
        case .inbox(let name): return .inbox(try principalRecord(name))
        case .inboxItem(let name, let item):
            guard let found = try store.inboxItem(ofPrincipal: "principals/" + name, named: item) else {
                throw DAVError.notFound()
            }
            return .inboxItem(found)
        case .outbox(let name): return .outbox(try principalRecord(name))
        }
    }
}
