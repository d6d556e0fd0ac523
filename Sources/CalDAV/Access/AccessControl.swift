import Storage

/// Who may do what (RFC 3744 §5.4 current-user-privilege-set), decided in one function.
///
/// Today: owners have everything in their space; authenticated users may read
/// principals; members of `principals/NAME/calendar-proxy-read` read NAME's
/// calendars, members of `-write` also write them (caldav-proxy.txt); anyone
/// may deliver into an inbox but not read it. Full ACLs grow here.
extension CalDAVServer {
    /// The privileges `user` holds on `path`; `instance` refines it for calendars shared read-only.
    func privileges(of user: AuthenticatedUser, on path: ResourcePath, instance: CalendarInstance? = nil) throws
        -> Privilege
    {
        switch path {
        case .root, .wellKnown, .principals, .calendarHomes:
            return .reading
        case .principal(let name), .proxyGroup(let name, _):
            return name == user.username ? .all : .reading
        case .calendarHome(let name), .calendar(let name, _), .calendarObject(let name, _, _):
            var own: Privilege
            if name == user.username {
                // What sabre reports: no scheduling privileges here, free-busy and sharing only on calendars.
                own = Privilege.all.subtracting([.scheduleDeliver, .scheduleSend])
                if case .calendarHome = path { own.subtract([.readFreeBusy, .share]) }
            } else {
                switch try proxyAccess(of: user, to: name) {
                case .none: own = []
                case .read: own = .reading
                case .write: own = Privilege.reading.union(.write).union(.unlock)
                }
            }
            // A sharee's instance: read-only or read-write as granted, never re-sharing or changing ACLs.
            if let instance, instance.access != .owner {
                own.subtract([.share, .writeACL])
                if instance.access == .read { own = own.intersection(Privilege.reading.union(.writeProperties)) }
            }
            return own
        case .inbox(let name), .inboxItem(let name, _):
            // RFC 6638 §2.2: the owner reads and clears the inbox; others may only deliver into it.
            let owner: Privilege = [
                .read, .readACL, .readCurrentUserPrivilegeSet, .writeProperties, .unbind, .scheduleDeliver,
            ]
            if name == user.username { return owner }
            switch try proxyAccess(of: user, to: name) {
            case .none: return .scheduleDeliver
            case .read: return Privilege.reading.subtracting(.readFreeBusy).union(.scheduleDeliver)
            case .write: return owner
            }
        case .outbox(let name):
            // RFC 6638 §2.1: sending on the owner's behalf is what the outbox is for.
            let owner: Privilege = [.read, .readACL, .readCurrentUserPrivilegeSet, .scheduleSend]
            if name == user.username { return owner }
            switch try proxyAccess(of: user, to: name) {
            case .none: return []
            case .read: return Privilege.reading.subtracting(.readFreeBusy)
            case .write: return owner
            }
        }
    }

    /// Throws 403 `DAV:need-privileges` unless `user` holds `privilege` on `path`.
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

    /// Delegation of `owner`'s calendars to `user` through the proxy groups.
    private func proxyAccess(of user: AuthenticatedUser, to owner: String) throws -> ProxyAccess {
        if let known = cache.proxyAccess[owner] { return known }
        let access = try lookUpProxyAccess(of: user, to: owner)
        cache.proxyAccess[owner] = access
        return access
    }

    private func lookUpProxyAccess(of user: AuthenticatedUser, to owner: String) throws -> ProxyAccess {
        guard let principal = try store.principal(uri: user.principalURI) else { return .none }
        var access = ProxyAccess.none
        for group in try store.memberships(of: principal.id) {
            if group.uri == "principals/\(owner)/calendar-proxy-write" { return .write }
            if group.uri == "principals/\(owner)/calendar-proxy-read" { access = .read }
        }
        return access
    }
}

/// What a proxy group grants.
enum ProxyAccess {
    case none, read, write
}
