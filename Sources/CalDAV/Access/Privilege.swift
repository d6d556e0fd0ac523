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
    static let scheduleDeliver = Privilege(rawValue: 1 << 10)
    static let scheduleSend = Privilege(rawValue: 1 << 11)
    static let share = Privilege(rawValue: 1 << 12)

    /// DAV:write aggregates these (RFC 3744 §3.1).
    static let write: Privilege = [.writeProperties, .writeContent, .bind, .unbind]
    /// Everything a reader gets.
    static let reading: Privilege = [.read, .readACL, .readCurrentUserPrivilegeSet, .readFreeBusy]
    /// DAV:all.
    static let all = Privilege(rawValue: (1 << 13) - 1)

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
        (.scheduleDeliver, "urn:ietf:params:xml:ns:caldav", "schedule-deliver"),
        (.scheduleSend, "urn:ietf:params:xml:ns:caldav", "schedule-send"),
        (.share, "DAV:", "share"),
    ]

    /// Element names to report for this set: DAV:write when all four parts are present, then the singles.
    var elementNames: [(namespace: String, name: String)] {
        var out: [(String, String)] = []
        if isSuperset(of: .write) { out.append(("DAV:", "write")) }
        let caldav = "urn:ietf:params:xml:ns:caldav"
        for (bit, namespace, name) in Privilege.names where contains(bit) {
            out.append((namespace, name))
            // The aggregated parts of RFC 6638 §6.1, listed as sabre lists them.
            if bit == .scheduleDeliver {
                out += [
                    (caldav, "schedule-deliver-invite"), (caldav, "schedule-deliver-reply"),
                    (caldav, "schedule-query-freebusy"),
                ]
            }
            if bit == .scheduleSend {
                out += [
                    (caldav, "schedule-send-invite"), (caldav, "schedule-send-reply"),
                    (caldav, "schedule-send-freebusy"),
                    (caldav, "schedule-post-vevent"),
                ]
            }
        }
        return out
    }
}
