/// A WebDAV ACL privilege (RFC 3744 §3, RFC 4791 §6.1.1, RFC 6638 §6.1).
struct Privilege: OptionSet, Hashable, Sendable {
    let rawValue: UInt32
    /// Creates a privilege set from bits.
    init(rawValue: UInt32) { self.rawValue = rawValue }

    static let read = Privilege(rawValue: 1 << 0)
    static let writeProperties = Privilege(rawValue: 1 << 1)
    static let writeContent = Privilege(rawValue: 1 << 2)
    static let bind = Privilege(rawValue: 1 << 3)
    static let unbind = Privilege(rawValue: 1 << 4)
    static let unlock = Privilege(rawValue: 1 << 5)
    static let readACL = Privilege(rawValue: 1 << 6)
    static let writeACL = Privilege(rawValue: 1 << 7)
    static let readCurrentUserPrivilegeSet = Privilege(rawValue: 1 << 8)
    static let readFreeBusy = Privilege(rawValue: 1 << 9)
    static let scheduleDeliverInvite = Privilege(rawValue: 1 << 10)
    static let scheduleSendInvite = Privilege(rawValue: 1 << 11)
    static let share = Privilege(rawValue: 1 << 12)
    static let scheduleDeliverReply = Privilege(rawValue: 1 << 13)
    static let scheduleQueryFreeBusy = Privilege(rawValue: 1 << 14)
    static let scheduleSendReply = Privilege(rawValue: 1 << 15)
    static let scheduleSendFreeBusy = Privilege(rawValue: 1 << 16)

    /// DAV:write aggregates these (RFC 3744 §3.1).
    static let write: Privilege = [.writeProperties, .writeContent, .bind, .unbind]
    /// CALDAV:schedule-deliver aggregates these (RFC 6638 §6.1.1).
    static let scheduleDeliver: Privilege = [.scheduleDeliverInvite, .scheduleDeliverReply, .scheduleQueryFreeBusy]
    /// CALDAV:schedule-send aggregates these (RFC 6638 §6.2.1).
    static let scheduleSend: Privilege = [.scheduleSendInvite, .scheduleSendReply, .scheduleSendFreeBusy]
    /// Everything a reader gets: DAV:read aggregates read-acl, read-current-user-privilege-set and
    /// CALDAV:read-free-busy (RFC 4791 §6.1.1).
    static let reading: Privilege = [.read, .readACL, .readCurrentUserPrivilegeSet, .readFreeBusy]
    /// DAV:all.
    static let all = Privilege(rawValue: (1 << 17) - 1)

    /// (namespace, local name) of each single privilege, in the order they are reported.
    static let names: [(Privilege, String, String)] = [
        (.readFreeBusy, "urn:ietf:params:xml:ns:caldav", "read-free-busy"),
        (.read, "DAV:", "read"),
        (.readACL, "DAV:", "read-acl"),
        (.readCurrentUserPrivilegeSet, "DAV:", "read-current-user-privilege-set"),
        (.writeProperties, "DAV:", "write-properties"),
        (.writeContent, "DAV:", "write-content"),
        (.bind, "DAV:", "bind"),
        (.unbind, "DAV:", "unbind"),
        (.unlock, "DAV:", "unlock"),
        (.writeACL, "DAV:", "write-acl"),
        (.scheduleDeliverInvite, "urn:ietf:params:xml:ns:caldav", "schedule-deliver-invite"),
        (.scheduleDeliverReply, "urn:ietf:params:xml:ns:caldav", "schedule-deliver-reply"),
        (.scheduleQueryFreeBusy, "urn:ietf:params:xml:ns:caldav", "schedule-query-freebusy"),
        (.scheduleSendInvite, "urn:ietf:params:xml:ns:caldav", "schedule-send-invite"),
        (.scheduleSendReply, "urn:ietf:params:xml:ns:caldav", "schedule-send-reply"),
        (.scheduleSendFreeBusy, "urn:ietf:params:xml:ns:caldav", "schedule-send-freebusy"),
        (.share, "DAV:", "share"),
    ]

    /// Element names to report for this set, in sabre's order: DAV:write first when complete,
    /// each complete scheduling aggregate just before its parts (schedule-send also implies
    /// sabre's schedule-post-vevent), then the singles.
    var elementNames: [(namespace: String, name: String)] {
        let caldav = "urn:ietf:params:xml:ns:caldav"
        var out: [(String, String)] = []
        if isSuperset(of: .write) { out.append(("DAV:", "write")) }
        for (bit, namespace, name) in Privilege.names where contains(bit) {
            if bit == .scheduleDeliverInvite && isSuperset(of: .scheduleDeliver) {
                out.append((caldav, "schedule-deliver"))
            }
            if bit == .scheduleSendInvite && isSuperset(of: .scheduleSend) { out.append((caldav, "schedule-send")) }
            out.append((namespace, name))
            if bit == .scheduleSendFreeBusy && isSuperset(of: .scheduleSend) {
                out.append((caldav, "schedule-post-vevent"))
            }
        }
        return out
    }

    /// The privilege an element names (aggregates included), or nil when unsupported (RFC 3744 §5.3).
    init?(namespace: String, name: String) {
        switch (namespace, name) {
        case ("DAV:", "all"): self = .all
        case ("DAV:", "write"): self = .write
        case ("DAV:", "read"): self = .reading
        case ("urn:ietf:params:xml:ns:caldav", "schedule-deliver"): self = .scheduleDeliver
        case ("urn:ietf:params:xml:ns:caldav", "schedule-send"): self = .scheduleSend
        default:
            guard let found = Privilege.names.first(where: { $0.1 == namespace && $0.2 == name }) else { return nil }
            self = found.0
        }
    }
}
