import Storage
import Testing

@testable import CalDAV

@Suite struct InboxTests {
    let request =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:m\r\nDTSTART:20270301T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

    func seeded() -> TestServer {
        let test = TestServer()
        try! test.store.putInboxItem(
            principalURI: "principals/alice", uri: "sabredav-1.ics", data: request, etag: MD5.hex(request),
            size: request.utf8.count, lastModified: test.clock)
        return test
    }

    @Test func ownerListsReadsAndDeletesInboxItems() {
        let test = seeded()
        let listing = test.send(
            "PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "1"],
            body: propfind("<D:getetag/><D:getcontenttype/>"))
        #expect(listing.text.contains("<d:href>/calendars/alice/inbox/sabredav-1.ics</d:href>"))
        #expect(listing.text.contains("<d:getcontenttype>text/calendar; charset=utf-8</d:getcontenttype>"))
        let item = test.send("GET", "/calendars/alice/inbox/sabredav-1.ics")
        #expect(item.status == 200)
        #expect(item.text == request)
        #expect(test.send("GET", "/calendars/alice/inbox/sabredav-1.ics", as: "bob").status == 403)
        #expect(test.send("DELETE", "/calendars/alice/inbox/sabredav-1.ics", as: "bob").status == 403)
        #expect(test.send("DELETE", "/calendars/alice/inbox/sabredav-1.ics").status == 204)
        #expect(test.send("GET", "/calendars/alice/inbox/sabredav-1.ics").status == 404)
    }

    @Test func nothingCanBePutIntoTheInbox() {
        let test = seeded()
        #expect(test.send("PUT", "/calendars/alice/inbox/x.ics", body: event(uid: "x")).status == 403)
        #expect(test.send("PUT", "/calendars/alice/outbox/", body: event(uid: "x")).status == 405)
    }
}

@Suite struct InMemoryStoreTests {
    @Test func transactionRollsBackOnError() throws {
        let store = InMemoryStore()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try store.transaction {
                try store.createUser(username: "x", digestA1: "y")
                throw Boom()
            }
        }
        #expect(try store.user(named: "x") == nil)
        try store.transaction { try store.createUser(username: "x", digestA1: "y") }
        #expect(try store.user(named: "x") != nil)
    }

    @Test func syncTokensFollowSabre() throws {
        let store = InMemoryStore()
        let calendar = try store.createCalendar(
            principalURI: "principals/a", uri: "c", properties: .init(), components: ["VEVENT"])
        #expect(calendar.syncToken == 1)
        let write = ObjectWrite(
            uri: "a.ics", data: "x", etag: "e", size: 1, lastModified: 0,
            index: ObjectIndex(uid: "a", componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil))
        #expect(try store.putObject(write, in: calendar.calendarID))
        #expect(try !store.putObject(write, in: calendar.calendarID))
        try store.deleteObject(named: "a.ics", in: calendar.calendarID)
        let changes = try #require(try store.changes(in: calendar.calendarID, since: 1, limit: nil))
        #expect(changes.newToken == 4)
        #expect(changes.changes.count == 1)
        #expect(changes.changes[0].operation == .deleted)
        #expect(try store.changes(in: calendar.calendarID, since: 5, limit: nil) == nil)
        #expect(try store.changes(in: calendar.calendarID, since: 0, limit: nil) == nil)
    }
}
