extension StoreConformance {
    /// propertystorage: set, replace, read by path(s), remove one, remove a subtree.
    public static func deadProperties<S: CalendarStore>(_ store: S) throws {
        let name = "{http://example.com/ns}color"
        try store.setDeadProperty(DeadProperty(path: "calendars/alice/default", name: name, valueType: 1, value: Array("red".utf8)))
        try store.setDeadProperty(DeadProperty(path: "calendars/alice/default", name: name, valueType: 2, value: Array("<x:b/>".utf8)))
        try store.setDeadProperty(DeadProperty(path: "calendars/alice/default/a.ics", name: name, valueType: 1, value: []))
        try store.setDeadProperty(DeadProperty(path: "calendars/alice/default2", name: name, valueType: 1, value: [0, 255]))
        let one = try store.deadProperties(path: "calendars/alice/default")
        try expectEqual(one.count, 1, "replace keeps one row")
        try expectEqual(one.first?.valueType, 2, "replaced value type")
        try expectEqual(one.first?.value, Array("<x:b/>".utf8), "replaced value")
        try expectEqual(try store.deadProperties(path: "calendars/alice/default2").first?.value, [0, 255], "binary value")
        let several = try store.deadProperties(paths: ["calendars/alice/default/a.ics", "calendars/alice/default2", "none"])
        try expectEqual(Set(several.map(\.path)), ["calendars/alice/default/a.ics", "calendars/alice/default2"], "several paths")
        try store.removeDeadProperties(pathPrefix: "calendars/alice/default")
        try expectEqual(try store.deadProperties(path: "calendars/alice/default").count, 0, "path removed")
        try expectEqual(try store.deadProperties(path: "calendars/alice/default/a.ics").count, 0, "children removed")
        try expectEqual(try store.deadProperties(path: "calendars/alice/default2").count, 1, "sibling with same prefix kept")
        try store.removeDeadProperty(path: "calendars/alice/default2", name: name)
        try expectEqual(try store.deadProperties(path: "calendars/alice/default2").count, 0, "one removed")
    }

    /// schedulingobjects: put, list metadata, read body, delete.
    public static func inbox<S: CalendarStore>(_ store: S) throws {
        try store.putInboxItem(principalURI: "principals/bob", uri: "m1.ics", data: "BODY1", etag: "e1", size: 5, lastModified: 10)
        try store.putInboxItem(principalURI: "principals/bob", uri: "m2.ics", data: "BODY22", etag: "e2", size: 6, lastModified: 11)
        try store.putInboxItem(principalURI: "principals/carol", uri: "m1.ics", data: "X", etag: "e3", size: 1, lastModified: 12)
        let items = try store.inboxItems(ofPrincipal: "principals/bob", withData: false)
        try expectEqual(items.map(\.uri), ["m1.ics", "m2.ics"], "bob's inbox")
        try expect(items.allSatisfy { $0.data == nil }, "metadata only")
        try expectEqual(try store.inboxItems(ofPrincipal: "principals/bob", withData: true).map(\.data), ["BODY1", "BODY22"], "bodies")
        let item = try store.inboxItem(ofPrincipal: "principals/bob", named: "m2.ics")
        try expectEqual(item?.etag, "e2", "etag")
        try expectEqual(item?.size, 6, "size")
        try expectEqual(item?.data, "BODY22", "body")
        try store.deleteInboxItem(ofPrincipal: "principals/bob", named: "m1.ics")
        try expectEqual(try store.inboxItems(ofPrincipal: "principals/bob", withData: false).map(\.uri), ["m2.ics"], "deleted")
        try expectEqual(try store.inboxItems(ofPrincipal: "principals/carol", withData: false).count, 1, "carol untouched")
    }

    /// locks: direct, inherited from a depth-infinity ancestor, children, expiry, refresh, removal.
    public static func locks<S: CalendarStore>(_ store: S) throws {
        let now: Int64 = 1_700_000_000
        try store.putLock(LockRecord(owner: "a", timeout: 600, created: now, token: "t1", scope: 2, depth: -1, uri: "calendars/alice"))
        try store.putLock(LockRecord(owner: nil, timeout: 600, created: now, token: "t2", scope: 1, depth: 0, uri: "calendars/alice/default/x.ics"))
        try store.putLock(LockRecord(owner: nil, timeout: 10, created: now - 100, token: "t3", scope: 1, depth: 0, uri: "calendars/alice/default"))
        try store.putLock(LockRecord(owner: nil, timeout: 600, created: now, token: "t4", scope: 1, depth: 0, uri: "calendars/alice"))
        try expectEqual(Set(try store.locks(for: "calendars/alice/default/x.ics", includeChildren: false, now: now).map(\.token)), ["t1", "t2"], "own + inherited")
        try expectEqual(try store.locks(for: "calendars/alice/default", includeChildren: false, now: now).map(\.token), ["t1"], "expired skipped, depth 0 ancestor skipped")
        try expectEqual(Set(try store.locks(for: "calendars/alice/default", includeChildren: true, now: now).map(\.token)), ["t1", "t2"], "children")
        try store.putLock(LockRecord(owner: "a2", timeout: 1200, created: now + 5, token: "t1", scope: 2, depth: -1, uri: "calendars/alice"))
        let refreshed = try store.locks(for: "calendars/alice", includeChildren: false, now: now).first { $0.token == "t1" }
        try expectEqual(refreshed?.timeout, 1200, "refreshed by token")
        try expectEqual(refreshed?.owner, "a2", "refreshed owner")
        try store.removeLock(token: "t1", uri: "calendars/alice")
        try expectEqual(try store.locks(for: "calendars/alice/default/x.ics", includeChildren: false, now: now).map(\.token), ["t2"], "removed")
    }

    /// almanac_mailqueue: enqueue, due order, retry, drop, sent.
    public static func mailQueue<S: CalendarStore>(_ store: S) throws {
        try store.enqueueMail(sender: "a@x", recipient: "b@y", message: "M1", principalURI: "principals/a", uid: "u1", now: 100)
        try store.enqueueMail(sender: "a@x", recipient: "c@y", message: "M2", principalURI: nil, uid: nil, now: 200)
        try expectEqual(try store.dueMails(now: 150, limit: 10).map(\.message), ["M1"], "due at 150")
        let due = try store.dueMails(now: 300, limit: 10)
        try expectEqual(due.map(\.recipient), ["b@y", "c@y"], "oldest first")
        try expectEqual(due.first?.principalURI, "principals/a", "principal kept")
        try expectEqual(due.first?.attempts, 0, "no attempts yet")
        try store.markMailFailed(due[0].id, error: "421 try later", retryAt: 1_000)
        let retried = try store.dueMails(now: 1_000, limit: 10)
        try expectEqual(retried.map(\.message), ["M2", "M1"], "retry moved back")
        try expectEqual(retried.last?.attempts, 1, "attempt counted")
        try expectEqual(try store.dueMails(now: 1_000, limit: 1).count, 1, "limit")
        try store.markMailSent(due[1].id)
        try store.markMailFailed(due[0].id, error: "550 no such user", retryAt: nil)
        try expectEqual(try store.dueMails(now: 10_000, limit: 10).count, 0, "sent and dropped")

        // Claiming leases due mails: a second claim skips them until the lease runs out.
        try store.enqueueMail(sender: "a@x", recipient: "d@y", message: "M3", principalURI: nil, uid: nil, now: 2_000)
        try store.enqueueMail(sender: "a@x", recipient: "e@y", message: "M4", principalURI: nil, uid: nil, now: 2_001)
        let first = try store.claimDueMails(now: 2_005, limit: 1, leaseUntil: 2_600)
        try expectEqual(first.map(\.message), ["M3"], "claim takes the oldest")
        let second = try store.claimDueMails(now: 2_005, limit: 10, leaseUntil: 2_600)
        try expectEqual(second.map(\.message), ["M4"], "claimed skipped")
        try expectEqual(try store.claimDueMails(now: 2_005, limit: 10, leaseUntil: 2_600).count, 0, "all leased")
        try expectEqual(try store.claimDueMails(now: 2_600, limit: 10, leaseUntil: 3_200).count, 2, "lease ran out")
        try store.markMailSent(first[0].id)
        try store.markMailFailed(second[0].id, error: "x", retryAt: nil)
        try expectEqual(try store.dueMails(now: 100_000, limit: 10).count, 0, "claimed mails finished")
    }

    /// transaction: commit, rollback on throw (no half-written change), nesting joins.
    public static func transactions<S: CalendarStore>(_ store: S) throws {
        let calendar = try store.createCalendar(
            principalURI: "principals/alice", uri: "default", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        do {
            try store.transaction {
                try store.putObject(write("a.ics", uid: "a"), in: calendar)
                _ = try store.transaction { try store.putObject(write("b.ics", uid: "b"), in: calendar) }
                throw ConformanceAbort()
            }
            try expect(false, "the error should come out")
        } catch is ConformanceAbort {}
        try expect(try store.object(named: "a.ics", in: calendar) == nil, "rolled back")
        try expect(try store.object(named: "b.ics", in: calendar) == nil, "nested write rolled back with the outer")
        try expectEqual(try store.calendars(ofPrincipal: "principals/alice").first?.syncToken, 1, "token rolled back")
        try expectEqual(try store.changes(in: calendar, since: 1, limit: nil)?.changes.count, 0, "no change rows")
        let value = try store.transaction {
            try store.putObject(write("c.ics", uid: "c"), in: calendar)
            return 42
        }
        try expectEqual(value, 42, "transaction result")
        try expect(try store.object(named: "c.ics", in: calendar) != nil, "committed")
    }
}

/// The error the transaction check throws to force a rollback.
struct ConformanceAbort: Error {}
