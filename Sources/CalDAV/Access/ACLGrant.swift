import DAVXML

/// One protected grant of a resource's ACL (RFC 3744 §5.5): who gets which privileges.
///
/// Almanac's ACLs are computed, never stored: every resource's grants follow
/// from who owns it, the owner's calendar-proxy groups (caldav-proxy.txt),
/// the sharing row it is reached through, and the scheduling rules of RFC 6638.
struct ACLGrant: Hashable, Sendable {
    /// Whom a grant applies to (RFC 3744 §5.5.1).
    enum Grantee: Hashable, Sendable {
        /// A principal by storage uri: `principals/alice`, `principals/alice/calendar-proxy-read`.
        case principal(String)
        /// Every authenticated user (DAV:authenticated).
        case authenticated
    }

    /// Who.
    var grantee: Grantee
    /// What.
    var privileges: Privilege
}

extension Privilege {
    /// DAV:read without CALDAV:read-free-busy, as sabre reports it on principals, inboxes and outboxes.
    static let readingOnly: Privilege = Privilege.reading.subtracting(.readFreeBusy)
    /// What a calendar's owner holds on it (sabre's DAV:all minus scheduling).
    static let calendarOwner: Privilege = Privilege.all.subtracting(Privilege.scheduleDeliver.union(.scheduleSend))
    /// What a calendar home's owner holds on it (no free-busy, no sharing there).
    static let homeOwner: Privilege = Privilege.calendarOwner.subtracting([.readFreeBusy, .share])
    /// What members of `calendar-proxy-write` hold in the owner's space.
    static let proxyWrite: Privilege = Privilege.reading.union(.write).union(.unlock)

    /// Element names for an ACE: DAV:all, or each complete aggregate plus the singles outside it.
    var aceElementNames: [(namespace: String, name: String)] {
        if self == .all { return [("DAV:", "all")] }
        var covered: Privilege = []
        var out: [(String, String)] = []
        for (aggregate, namespace, name) in [
            (Privilege.write, "DAV:", "write"), (.reading, "DAV:", "read"),
            (.scheduleDeliver, "urn:ietf:params:xml:ns:caldav", "schedule-deliver"),
            (.scheduleSend, "urn:ietf:params:xml:ns:caldav", "schedule-send"),
        ] where isSuperset(of: aggregate) {
            out.append((namespace, name))
            covered.formUnion(aggregate)
        }
        for (bit, namespace, name) in Privilege.names where contains(bit) && !covered.contains(bit) {
            out.append((namespace, name))
        }
        return out
    }
}

extension CalDAVServer {
    /// A protected `DAV:ace` for one grant (RFC 3744 §5.5).
    func aceElement(_ grant: ACLGrant) -> XMLElement {
        let principal: XMLElement
        switch grant.grantee {
        case .authenticated: principal = XMLElement(.principal, children: [XMLElement(.authenticated)])
        case .principal(let uri):
            principal = XMLElement(
                .principal, children: [XMLElement(.href, text: principalHref(uri) ?? urls.basePath + uri + "/")])
        }
        let privileges = grant.privileges.aceElementNames.map { name in
            XMLElement(.privilege, children: [XMLElement(PropertyName(namespace: name.namespace, local: name.name))])
        }
        return XMLElement(
            .ace, children: [principal, XMLElement(.grant, children: privileges), XMLElement(.protected)])
    }
}
