import Storage

/// Who may do what (RFC 3744 §5.4 current-user-privilege-set), decided in one place.
///
/// Each resource has a computed, protected ACL (`grants(for:instance:)`): the
/// owner, the owner's `calendar-proxy-read` (read) and `calendar-proxy-write`
/// (read + write) groups, the sharee of a shared calendar instance (access 2
/// read / 3 read-write), and every authenticated user for reading principals
/// and for free-busy and delivery at inboxes (RFC 6638 §6.1) — never the
/// calendars themselves. A user's
/// privileges are the union of the grants naming them, a group they are in, or
/// DAV:authenticated. Nothing else grants anything: no ACL can be written.
extension CalDAVServer {
    /// The privileges `user` holds on `path`; `instance` is the calendar instance behind a calendar or object path.
    func privileges(of user: AuthenticatedUser, on path: ResourcePath, instance: CalendarInstance? = nil) throws
        -> Privilege
    {
        let grants = try self.grants(for: path, instance: instance)
        var held: Privilege = []
        var viaGroups: [ACLGrant] = []
        for grant in grants {
            switch grant.grantee {
            case .authenticated: held.formUnion(grant.privileges)
            case .principal(let uri) where uri == user.principalURI: held.formUnion(grant.privileges)
            case .principal: viaGroups.append(grant)
            }
        }
        let pending = viaGroups.filter { !held.isSuperset(of: $0.privileges) }
        if !pending.isEmpty {
            let groups = try groupURIs(of: user)
            for grant in pending {
                if case .principal(let uri) = grant.grantee, groups.contains(uri) { held.formUnion(grant.privileges) }
            }
        }
        return held
    }

    /// Throws 403 `DAV:need-privileges` unless `user` holds `privilege` on `path` (RFC 3744 §7.1.1).
    func require(
        _ privilege: Privilege, on path: ResourcePath, for user: AuthenticatedUser, instance: CalendarInstance? = nil
    ) throws {
        let held = try privileges(of: user, on: path, instance: instance)
        guard held.isSuperset(of: privilege) else {
            let missing = privilege.subtracting(held)
            throw DAVError(
                403, .needPrivileges([DAVError.NeededPrivilege(href: urls.href(path), privilege: missing)]),
                "\(user.username) lacks privileges on \(path.storagePath)")
        }
    }

    /// Dead properties are private to the owner of a space and their proxies, even where
    /// others may read the live ones (sabre leaks them to any reader of a principal).
    func mayReadDeadProperties(_ scope: PropertyScope) throws -> Bool {
        guard scope.privileges.contains(.read) else { return false }
        guard let owner = scope.path.ownerName else { return true }
        if owner == scope.user.username { return true }
        return try proxyAccess(of: scope.user, to: owner) != .none
    }

    /// The protected ACL of a resource (RFC 3744 §5.5); the one source of `privileges` and `DAV:acl`.
    func grants(for path: ResourcePath, instance: CalendarInstance?) throws -> [ACLGrant] {
        func space(_ name: String, owner: Privilege, write: Privilege, read: Privilege) -> [ACLGrant] {
            let uri = "principals/" + name
            return [
                ACLGrant(grantee: .principal(uri), privileges: owner),
                ACLGrant(grantee: .principal(uri + "/calendar-proxy-write"), privileges: write),
                ACLGrant(grantee: .principal(uri + "/calendar-proxy-read"), privileges: read),
            ].filter { !$0.privileges.isEmpty }
        }
        switch path {
        case .root, .wellKnown, .principals, .calendarHomes:
            return [ACLGrant(grantee: .authenticated, privileges: .readingOnly)]
        case .principal(let name), .proxyGroup(let name, _):
            return [
                ACLGrant(
                    grantee: .principal("principals/" + name), privileges: Privilege.readingOnly.union(.writeProperties)
                ),
                ACLGrant(grantee: .authenticated, privileges: .readingOnly),
            ]
        case .calendarHome(let name):
            return space(name, owner: .homeOwner, write: .proxyWrite, read: .reading)
        case .calendar(let name, let calendar), .calendarObject(let name, let calendar, _):
            let access = try instance?.access ?? calendarAccess(owner: name, calendar: calendar)
            let isObject: Bool
            if case .calendarObject = path { isObject = true } else { isObject = false }
            switch access {
            case .owner:
                return space(name, owner: .calendarOwner, write: .proxyWrite, read: .reading)
            case .readWrite:
                return space(name, owner: .proxyWrite, write: .proxyWrite, read: .reading)
            case .read:
                // A read-only sharee may still rename or recolour their own instance.
                let own = isObject ? Privilege.reading : Privilege.reading.union(.writeProperties)
                return space(name, owner: own, write: own, read: .reading)
            }
        case .inbox(let name):
            let owner = Privilege.readingOnly.union(.scheduleDeliver).union([.unbind, .writeProperties])
            return space(name, owner: owner, write: owner, read: .readingOnly)
                + [ACLGrant(grantee: .authenticated, privileges: .scheduleDeliver)]
        case .inboxItem(let name, _):
            let owner = Privilege.readingOnly.union(.write)
            return space(name, owner: owner, write: owner, read: .readingOnly)
        case .outbox(let name):
            let owner = Privilege.readingOnly.union(.scheduleSend)
            return space(name, owner: owner, write: owner, read: .readingOnly)
        }
    }

    /// The access of the instance at `/calendars/owner/calendar/`; owner rules for one that does not exist yet.
    private func calendarAccess(owner: String, calendar: String) throws -> CalendarAccess {
        try store.calendar(ofPrincipal: "principals/" + owner, named: calendar)?.access ?? .owner
    }

    /// Uris of the groups `user` is a member of, looked up once per request.
    func groupURIs(of user: AuthenticatedUser) throws -> Set<String> {
        if let known = cache.groups { return known }
        var groups = Set<String>()
        if let principal = try store.principal(uri: user.principalURI) {
            for group in try store.memberships(of: principal.id) { groups.insert(group.uri) }
        }
        cache.groups = groups
        return groups
    }

    /// Delegation of `owner`'s calendars to `user` through the proxy groups.
    func proxyAccess(of user: AuthenticatedUser, to owner: String) throws -> ProxyAccess {
        let groups = try groupURIs(of: user)
        if groups.contains("principals/\(owner)/calendar-proxy-write") { return .write }
        if groups.contains("principals/\(owner)/calendar-proxy-read") { return .read }
        return .none
    }
}

/// What a proxy group grants.
enum ProxyAccess {
    case none, read, write
}
