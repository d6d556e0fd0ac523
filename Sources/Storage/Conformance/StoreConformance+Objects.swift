extension StoreConformance {
    /// calendarobjects: put (create/replace), read one and many, UID lookup, delete, bytes kept.
    public static func objects<S: CalendarStore>(_ store: S) throws {
        let calendar = try store.createCalendar(
            principalURI: "principals/alice", uri: "default", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        let body = "BEGIN:VCALENDAR\r\nSUMMARY:Café ☕\r\n folded\r\nEND:VCALENDAR\r\n"
        try expect(try store.putObject(write("b.ics", uid: "uid-b", body: body, tag: "st-1"), in: calendar), "created")
        try expect(try !store.putObject(write("b.ics", uid: "uid-b", body: body + "X"), in: calendar), "replaced")
        try store.putObject(write("a.ics", uid: "uid-a", type: "VTODO", first: nil, last: nil), in: calendar)
        let b = try store.object(named: "b.ics", in: calendar)
        try expectEqual(b?.data, body + "X", "body bytes as written")
        try expectEqual(b?.size, (body + "X").utf8.count, "size in bytes")
        try expectEqual(b?.etag, "etag-b.ics-\((body + "X").utf8.count)", "etag")
        try expectEqual(b?.lastModified, 1_700_000_000, "lastmodified")
        try expectEqual(b?.index, ObjectIndex(uid: "uid-b", componentType: "VEVENT", firstOccurrence: 1_000, lastOccurrence: 2_000), "index")
        try expectEqual(b?.scheduleTag, nil, "a replace without a tag clears it")
        try store.putObject(write("b.ics", uid: "uid-b", tag: "st-2"), in: calendar)
        try expectEqual(try store.object(named: "b.ics", in: calendar)?.scheduleTag, "st-2", "schedule tag")
        try expectEqual(
            try store.transaction { try store.objectForUpdate(named: "b.ics", in: calendar) },
            try store.object(named: "b.ics", in: calendar), "locking read")
        try store.transaction {
            let replaced = try store.putObject(write("b.ics", uid: "uid-b", tag: "st-3"), in: calendar, exists: true)
            try expect(!replaced, "replaced (known)")
            let created = try store.putObject(write("k.ics", uid: "uid-k"), in: calendar, exists: false)
            try expect(created, "created (known)")
        }
        try expectEqual(try store.object(named: "b.ics", in: calendar)?.scheduleTag, "st-3", "replace with exists")
        try expectEqual(try store.object(named: "k.ics", in: calendar)?.index.uid, "uid-k", "insert with exists: false")
        do {
            try store.putObject(write("gone.ics", uid: "gone"), in: calendar, exists: true)
            throw StorageError.backend("exists: true on a missing row must throw")
        } catch StorageError.notFound {}
        do {
            try store.putObject(write("k.ics", uid: "uid-k"), in: calendar, exists: false)
            throw StorageError.backend("exists: false on a present row must throw")
        } catch StorageError.conflict {}
        try store.deleteObject(named: "k.ics", in: calendar)
        let a = try store.object(named: "a.ics", in: calendar)
        try expectEqual(a?.index.firstOccurrence, nil, "NULL occurrences")
        try expectEqual(a?.index.componentType, "VTODO", "component type")
        try expectEqual(
            try store.objects(named: ["b.ics", "missing.ics", "a.ics"], in: calendar).map(\.uri), ["a.ics", "b.ics"],
            "multiget skips missing")
        let many = (0..<70).map { String(format3($0)) + ".ics" }
        for uri in many { try store.putObject(write(uri, uid: uri), in: calendar) }
        try expectEqual(try store.objects(named: many, in: calendar).count, 70, "multiget of 70")
        try expectEqual(try store.objectURI(forUID: "uid-a", in: calendar), "a.ics", "uid lookup")
        try expect(try store.objectURI(forUID: "uid-zzz", in: calendar) == nil, "unknown uid")
        try store.deleteObject(named: "a.ics", in: calendar)
        try expect(try store.object(named: "a.ics", in: calendar) == nil, "deleted")
        try expectError(\.isNotFound, "delete missing") { try store.deleteObject(named: "a.ics", in: calendar) }
        let other = try store.createCalendar(
            principalURI: "principals/alice", uri: "other", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        try expect(try store.object(named: "b.ics", in: other) == nil, "objects are per calendar")
    }

    /// calendarchanges and synctoken exactly like sabre: one row per change, token bumped after.
    public static func syncChanges<S: CalendarStore>(_ store: S) throws {
        let calendar = try store.createCalendar(
            principalURI: "principals/alice", uri: "default", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        try store.putObject(write("a.ics", uid: "a"), in: calendar)  // token 1
        try store.putObject(write("b.ics", uid: "b"), in: calendar)  // token 2
        try store.putObject(write("a.ics", uid: "a", body: "changed"), in: calendar)  // token 3
        try store.deleteObject(named: "b.ics", in: calendar)  // token 4
        try expectEqual(try store.calendars(ofPrincipal: "principals/alice").first?.syncToken, 5, "token after 4 changes")
        let all = try store.changes(in: calendar, since: 1, limit: nil)
        try expectEqual(all?.newToken, 5, "new token")
        try expectEqual(all?.changes.map(\.uri), ["a.ics", "b.ics"], "last change per uri, token order")
        try expectEqual(all?.changes.map(\.operation), [.modified, .deleted], "operations")
        let later = try store.changes(in: calendar, since: 3, limit: nil)
        try expectEqual(later?.changes.map(\.uri), ["a.ics", "b.ics"], "since 3 is inclusive")
        try expectEqual(later?.changes.map(\.operation), [.modified, .deleted], "since 3 operations")
        let none = try store.changes(in: calendar, since: 5, limit: nil)
        try expectEqual(none?.changes.count, 0, "nothing since the current token")
        try expectEqual(none?.newToken, 5, "current token")
        try expect(try store.changes(in: calendar, since: 6, limit: nil) == nil, "future token")
        try expect(try store.changes(in: calendar, since: 0, limit: nil) == nil, "token 0")
        let page = try store.changes(in: calendar, since: 1, limit: 2)
        try expectEqual(page?.changes.map(\.uri), ["a.ics", "b.ics"], "first page")
        try expectEqual(page?.changes.map(\.operation), [.added, .added], "first page operations")
        try expectEqual(page?.newToken, 3, "a truncated page continues after its last row")
    }

    /// forEachObject: uri order, filters in the database, NULL occurrences pass, early stop.
    public static func forEachObject<S: CalendarStore>(_ store: S) throws {
        let calendar = try store.createCalendar(
            principalURI: "principals/alice", uri: "default", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        try store.putObject(write("c.ics", uid: "c", first: 100, last: 200), in: calendar)
        try store.putObject(write("a.ics", uid: "a", first: 1_000, last: 2_000), in: calendar)
        try store.putObject(write("b.ics", uid: "b", type: "VTODO", first: nil, last: nil), in: calendar)
        try store.putObject(write("d.ics", uid: "d", first: 5_000, last: 6_000), in: calendar)
        func collect(_ type: String?, _ range: (start: Int64?, end: Int64?)?, data: Bool = false) throws -> [String] {
            var uris: [String] = []
            try store.forEachObject(in: calendar, componentType: type, overlapping: range, withData: data) {
                uris.append($0.uri)
                return true
            }
            return uris
        }
        try expectEqual(try collect(nil, nil), ["a.ics", "b.ics", "c.ics", "d.ics"], "all, by uri")
        try expectEqual(try collect("VEVENT", nil), ["a.ics", "c.ics", "d.ics"], "component filter")
        try expectEqual(try collect(nil, (1_500, 5_500)), ["a.ics", "b.ics", "d.ics"], "range keeps NULLs")
        try expectEqual(try collect("VEVENT", (nil, 150)), ["c.ics"], "open start")
        try expectEqual(try collect("VEVENT", (5_500, nil)), ["d.ics"], "open end")
        var withData: [String?] = []
        try store.forEachObject(in: calendar, componentType: nil, overlapping: nil, withData: true) {
            withData.append($0.data)
            return true
        }
        try expect(withData.allSatisfy { $0 != nil }, "withData true gives bodies")
        var withoutData: [String?] = []
        var seenTypes: [String?] = []
        try store.forEachObject(in: calendar, componentType: nil, overlapping: nil, withData: false) {
            withoutData.append($0.data)
            seenTypes.append($0.index.componentType)
            return true
        }
        try expect(withoutData.allSatisfy { $0 == nil }, "withData false leaves data nil")
        try expectEqual(seenTypes, ["VEVENT", "VTODO", "VEVENT", "VEVENT"], "metadata still filled")
        var count = 0
        try store.forEachObject(in: calendar, componentType: nil, overlapping: nil, withData: true) { _ in
            count += 1
            return count < 2
        }
        try expectEqual(count, 2, "stops early")
        try expect(try store.object(named: "a.ics", in: calendar) != nil, "store usable after an early stop")
    }

    /// Three-digit names so uri order is numeric order.
    static func format3(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }
}
