/// The storage conformance suite: plain throwing checks any `CalendarStore` must pass,
/// run by the in-memory store's tests and by MariaDBStoreTests against the sabre tables.
///
/// Each check wants a fresh, empty store. Expectations follow sabre/dav 4.x's PDO
/// backends (see the schema contract): sync tokens, change rows, ordering.
public enum StoreConformance {
    /// Every check, in a stable order.
    public static let checks: [ConformanceCheck] = [
        ConformanceCheck(name: "users") { try users($0) },
        ConformanceCheck(name: "principals") { try principals($0) },
        ConformanceCheck(name: "groupMembers") { try groupMembers($0) },
        ConformanceCheck(name: "calendars") { try calendars($0) },
        ConformanceCheck(name: "sharing") { try sharing($0) },
        ConformanceCheck(name: "objects") { try objects($0) },
        ConformanceCheck(name: "syncChanges") { try syncChanges($0) },
        ConformanceCheck(name: "forEachObject") { try forEachObject($0) },
        ConformanceCheck(name: "deadProperties") { try deadProperties($0) },
        ConformanceCheck(name: "inbox") { try inbox($0) },
        ConformanceCheck(name: "locks") { try locks($0) },
        ConformanceCheck(name: "mailQueue") { try mailQueue($0) },
        ConformanceCheck(name: "transactions") { try transactions($0) },
    ]

    /// A sample object write with a body of `text`.
    static func write(_ uri: String, uid: String, body: String = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", type: String? = "VEVENT",
        first: Int64? = 1_000, last: Int64? = 2_000, tag: String? = nil) -> ObjectWrite
    {
        ObjectWrite(
            uri: uri, data: body, etag: "etag-\(uri)-\(body.utf8.count)", size: body.utf8.count, lastModified: 1_700_000_000,
            index: ObjectIndex(uid: uid, componentType: type, firstOccurrence: first, lastOccurrence: last),
            scheduleTag: tag)
    }

    /// users: create, read, list, change digest, delete, conflicts.
    public static func users<S: CalendarStore>(_ store: S) throws {
        try store.createUser(username: "bob", digestA1: "b".padded)
        try store.createUser(username: "alice", digestA1: "a".padded)
        try expectEqual(try store.user(named: "alice")?.digestA1, "a".padded, "alice's digest")
        try expectEqual(try store.users().map(\.username), ["alice", "bob"], "users by name")
        try expectError(\.isConflict, "duplicate user") { try store.createUser(username: "alice", digestA1: "x") }
        try store.setDigest(username: "bob", digestA1: "c".padded)
        try expectEqual(try store.user(named: "bob")?.digestA1, "c".padded, "new digest")
        try expectError(\.isNotFound, "digest of unknown user") { try store.setDigest(username: "nobody", digestA1: "x") }
        try store.deleteUser(username: "bob")
        try expect(try store.user(named: "bob") == nil, "bob deleted")
        try expect(try store.user(named: "ALICE") == nil, "user names compare byte-wise")
    }

    /// principals: create, find by uri and (case-insensitive) email, prefix listing, update, delete.
    public static func principals<S: CalendarStore>(_ store: S) throws {
        let alice = try store.createPrincipal(uri: "principals/alice", email: "Alice@Example.com", displayName: "Alice")
        try store.createPrincipal(uri: "principals/alice/calendar-proxy-read", email: nil, displayName: nil)
        try store.createPrincipal(uri: "principals/bob", email: "bob@example.com", displayName: nil)
        try expectEqual(try store.principal(uri: "principals/alice")?.id, alice.id, "principal by uri")
        try expectEqual(try store.principal(email: "alice@EXAMPLE.com")?.uri, "principals/alice", "email lookup ignores case")
        try expect(try store.principal(email: "carol@example.com") == nil, "unknown email")
        try expectEqual(
            try store.principals(withPrefix: "principals/").map(\.uri),
            ["principals/alice", "principals/alice/calendar-proxy-read", "principals/bob"], "prefix listing by uri")
        try expectEqual(try store.principals(withPrefix: "principals/b").map(\.uri), ["principals/bob"], "narrow prefix")
        var changed = alice
        changed.displayName = "Alice Liddell"
        changed.email = nil
        try store.updatePrincipal(changed)
        try expectEqual(try store.principal(uri: "principals/alice"), changed, "updated principal")
        try expectError(\.isConflict, "duplicate principal") {
            try store.createPrincipal(uri: "principals/bob", email: nil, displayName: nil)
        }
        try store.deletePrincipal(uri: "principals/bob")
        try expect(try store.principal(uri: "principals/bob") == nil, "bob deleted")
    }

    /// groupmembers: replace a member set, read both directions, cleanup on delete.
    public static func groupMembers<S: CalendarStore>(_ store: S) throws {
        let proxy = try store.createPrincipal(uri: "principals/alice/calendar-proxy-write", email: nil, displayName: nil)
        let bob = try store.createPrincipal(uri: "principals/bob", email: nil, displayName: nil)
        let carol = try store.createPrincipal(uri: "principals/carol", email: nil, displayName: nil)
        try store.setMembers(of: proxy.id, to: [carol.id, bob.id])
        try expectEqual(try store.members(of: proxy.id).map(\.uri), ["principals/bob", "principals/carol"], "members")
        try expectEqual(try store.memberships(of: bob.id).map(\.uri), [proxy.uri], "memberships")
        try store.setMembers(of: proxy.id, to: [carol.id])
        try expectEqual(try store.members(of: proxy.id).map(\.uri), ["principals/carol"], "replaced members")
        try store.deletePrincipal(uri: "principals/carol")
        try expectEqual(try store.members(of: proxy.id).count, 0, "memberships of a deleted principal are gone")
    }

    /// calendars: create, list by order, find, update (records an empty-uri change), delete.
    public static func calendars<S: CalendarStore>(_ store: S) throws {
        let work = try store.createCalendar(
            principalURI: "principals/alice", uri: "work",
            properties: CalendarProperties(displayName: "Work", order: 2, color: "#FF0000FF"), components: ["VEVENT"])
        try store.createCalendar(
            principalURI: "principals/alice", uri: "default", properties: CalendarProperties(displayName: "Default"),
            components: ["VEVENT", "VTODO"])
        try store.createCalendar(
            principalURI: "principals/bob", uri: "default", properties: CalendarProperties(), components: ["VTODO"])
        try expectEqual(try store.calendars(ofPrincipal: "principals/alice").map(\.uri), ["default", "work"], "by calendarorder")
        let found = try store.calendar(ofPrincipal: "principals/alice", named: "work")
        try expectEqual(found?.id, work.id, "calendar by name")
        try expectEqual(found?.syncToken, 1, "a new calendar starts at token 1")
        try expectEqual(found?.components, ["VEVENT"], "components")
        try expectEqual(found?.access, .owner, "owner access")
        try expectEqual(found?.properties.color, "#FF0000FF", "color")
        try expectError(\.isConflict, "duplicate calendar uri") {
            try store.createCalendar(principalURI: "principals/alice", uri: "work", properties: CalendarProperties(), components: [])
        }
        let updated = CalendarProperties(
            displayName: "Job", description: "d", order: 0, color: nil, timezone: "BEGIN:VCALENDAR", transparent: true)
        try store.updateCalendar(work.id, properties: updated)
        let after = try store.calendar(ofPrincipal: "principals/alice", named: "work")
        try expectEqual(after?.properties, updated, "updated properties")
        try expectEqual(after?.syncToken, 2, "PROPPATCH bumps the token")
        let changes = try store.changes(in: work.calendarID, since: 1, limit: nil)
        try expectEqual(changes?.changes.map(\.uri), [""], "PROPPATCH records an empty uri")
        try expectEqual(changes?.changes.map(\.operation), [.modified], "as a modification")
        try store.putObject(write("a.ics", uid: "a"), in: work.calendarID)
        try store.deleteCalendar(work.id)
        try expect(try store.calendar(ofPrincipal: "principals/alice", named: "work") == nil, "deleted")
        try expect(try store.object(named: "a.ics", in: work.calendarID) == nil, "objects go with the calendar")
        try expectEqual(try store.calendars(ofPrincipal: "principals/bob").count, 1, "other homes untouched")
    }

    /// calendarinstances for sharing: sharee rows, owner first, removal, owner delete takes sharees.
    public static func sharing<S: CalendarStore>(_ store: S) throws {
        let owner = try store.createCalendar(
            principalURI: "principals/alice", uri: "team", properties: CalendarProperties(displayName: "Team"),
            components: ["VEVENT", "VTODO"])
        let sharee = try store.addSharee(
            to: owner.calendarID, principalURI: "principals/bob", uri: "0f6e1c3a-share", access: .readWrite,
            properties: CalendarProperties(displayName: "Team", transparent: true), shareHref: "mailto:bob@example.com",
            shareDisplayName: "Bob", inviteStatus: 2)
        try store.addSharee(
            to: owner.calendarID, principalURI: nil, uri: "11111111-share", access: .read, properties: CalendarProperties(),
            shareHref: "mailto:nobody@example.com", shareDisplayName: nil, inviteStatus: 4)
        let instances = try store.instances(of: owner.calendarID)
        try expectEqual(instances.map(\.access), [.owner, .readWrite, .read], "owner first")
        try expectEqual(instances[1].shareHref, "mailto:bob@example.com", "share_href")
        let seen = try store.calendar(ofPrincipal: "principals/bob", named: "0f6e1c3a-share")
        try expectEqual(seen?.id, sharee.id, "sharee sees the calendar in its home")
        try expectEqual(seen?.calendarID, owner.calendarID, "same calendar data")
        try store.putObject(write("x.ics", uid: "x"), in: owner.calendarID)
        try expectEqual(
            try store.calendar(ofPrincipal: "principals/bob", named: "0f6e1c3a-share")?.syncToken, 2, "shared token")
        try store.removeSharee(from: owner.calendarID, shareHref: "mailto:nobody@example.com")
        try expectEqual(try store.instances(of: owner.calendarID).count, 2, "sharee removed")
        try store.deleteCalendar(sharee.id)
        try expect(try store.calendar(ofPrincipal: "principals/alice", named: "team") != nil, "sharee delete keeps owner")
        try store.addSharee(
            to: owner.calendarID, principalURI: "principals/bob", uri: "again", access: .read, properties: CalendarProperties(),
            shareHref: "mailto:bob@example.com", shareDisplayName: nil, inviteStatus: 2)
        try store.deleteCalendar(owner.id)
        try expectEqual(try store.instances(of: owner.calendarID).count, 0, "owner delete removes every instance")
    }
}

extension String {
    fileprivate var padded: String { String(repeating: self, count: 32) }
}
