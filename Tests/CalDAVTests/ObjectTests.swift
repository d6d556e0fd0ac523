import Storage
import Testing

@testable import CalDAV

@Suite struct ObjectTests {
    let path = "/calendars/alice/default/e1.ics"

    @Test func putGetDeleteRoundTrip() throws {
        let test = TestServer()
        let body = event(uid: "e1")
        let put = test.send(
            "PUT", path, headers: ["Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"], body: body)
        #expect(put.status == 201)
        #expect(put.header("ETag") == "\"\(MD5.hex(body))\"")

        let get = test.send("GET", path)
        #expect(get.status == 200)
        #expect(get.text == body)
        #expect(get.header("Content-Type") == "text/calendar; charset=utf-8; component=vevent")
        #expect(get.header("ETag") == put.header("ETag"))

        let stored = try #require(try test.store.object(named: "e1.ics", in: test.calendarID("alice")))
        #expect(stored.size == body.utf8.count)
        #expect(stored.index.uid == "e1")
        #expect(stored.index.componentType == "VEVENT")
        #expect(stored.index.firstOccurrence == 1_801_666_800)
        #expect(stored.index.lastOccurrence == 1_801_670_400)
        #expect(stored.lastModified == test.clock)

        let head = test.send("HEAD", path)
        #expect(head.status == 200 && head.body.isEmpty)

        #expect(test.send("DELETE", path).status == 204)
        #expect(test.send("GET", path).status == 404)
    }

    @Test func updateAnswers204AndLogsChanges() throws {
        let test = TestServer()
        #expect(test.send("PUT", path, body: event(uid: "e1")).status == 201)
        #expect(test.send("PUT", path, body: event(uid: "e1", summary: "Moved")).status == 204)
        #expect(test.send("DELETE", path).status == 204)
        let calendar = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "default"))
        #expect(calendar.syncToken == 4)
        let changes = try #require(try test.store.changes(in: calendar.calendarID, since: 1, limit: nil))
        #expect(changes.changes.map(\.operation) == [.deleted])
    }

    @Test func conditionalRequests() {
        let test = TestServer()
        let created = test.send("PUT", path, headers: ["If-None-Match": "*"], body: event(uid: "e1"))
        let etag = created.header("ETag")!
        #expect(test.send("PUT", path, headers: ["If-None-Match": "*"], body: event(uid: "e1")).status == 412)
        #expect(
            test.send("PUT", path, headers: ["If-Match": "\"nope\""], body: event(uid: "e1", summary: "x")).status
                == 412)
        #expect(test.send("PUT", path, headers: ["If-Match": etag], body: event(uid: "e1", summary: "x")).status == 204)
        #expect(test.send("GET", path, headers: ["If-None-Match": etag]).status == 200)
        let current = test.send("GET", path).header("ETag")!
        #expect(test.send("GET", path, headers: ["If-None-Match": current]).status == 304)
        #expect(test.send("DELETE", path, headers: ["If-Match": etag]).status == 412)
        #expect(test.send("DELETE", path, headers: ["If-Match": current]).status == 204)
        #expect(
            test.send("PUT", "/calendars/alice/default/new.ics", headers: ["If-Match": "*"], body: event(uid: "n"))
                .status == 412)
    }

    @Test func invalidDataIsRefusedWithoutWriting() throws {
        let test = TestServer()
        let calendar = test.calendarID("alice")
        let bad = test.send("PUT", path, body: "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")
        #expect(bad.status == 403)
        #expect(bad.text.contains("valid-calendar-data"))

        let withMethod = event(uid: "m").replacingOccurrences(of: "VERSION:2.0", with: "VERSION:2.0\r\nMETHOD:REQUEST")
        let method = test.send("PUT", path, body: withMethod)
        #expect(method.status == 403)
        #expect(method.text.contains("valid-calendar-object-resource"))

        let twoUIDs = event(uid: "a").replacingOccurrences(
            of: "END:VCALENDAR",
            with: "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR")
        #expect(test.send("PUT", path, body: twoUIDs).text.contains("valid-calendar-object-resource"))

        let wrongType = test.send("PUT", path, headers: ["Content-Type": "text/vcard"], body: event(uid: "v"))
        #expect(wrongType.status == 415)
        #expect(wrongType.text.contains("supported-calendar-data"))

        #expect(try test.store.calendar(ofPrincipal: "principals/alice", named: "default")?.syncToken == 1)
        #expect(test.store.changeLogCount(of: calendar) == 0)
    }

    @Test func unsupportedComponentAndUIDConflict() {
        let test = TestServer()
        let journal = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VJOURNAL\r
            UID:j1\r
            DTSTAMP:20261125T082437Z\r
            END:VJOURNAL\r
            END:VCALENDAR\r

            """
        let refused = test.send("PUT", "/calendars/alice/default/j1.ics", body: journal)
        #expect(refused.status == 403)
        #expect(refused.text.contains("supported-calendar-component"))

        #expect(test.send("PUT", path, body: event(uid: "same")).status == 201)
        let conflict = test.send("PUT", "/calendars/alice/default/other.ics", body: event(uid: "same"))
        #expect(conflict.status == 403)
        #expect(conflict.text.contains("no-uid-conflict"))
        #expect(conflict.text.contains("/calendars/alice/default/e1.ics"))
    }

    @Test func sizeLimits() {
        let test = TestServer()
        test.configuration.maxResourceSize = 100
        test.configuration.maxBodySize = 1000
        test.server = test.makeServer()
        let tooBigObject = test.send("PUT", path, body: event(uid: "big"))
        #expect(tooBigObject.status == 403)
        #expect(tooBigObject.text.contains("max-resource-size"))
        let tooBigBody = test.send("PUT", path, body: String(repeating: "x", count: 2000))
        #expect(tooBigBody.status == 413)
    }

    @Test func putIntoMissingCalendarIsConflict() {
        let test = TestServer()
        #expect(test.send("PUT", "/calendars/alice/nothere/e.ics", body: event(uid: "e")).status == 409)
    }

    @Test func percentEncodedNames() throws {
        let test = TestServer()
        #expect(test.send("PUT", "/calendars/alice/default/a%20b%40c.ics", body: event(uid: "enc")).status == 201)
        #expect(try test.store.object(named: "a b@c.ics", in: test.calendarID("alice")) != nil)
        #expect(test.send("GET", "/calendars/alice/default/a%20b@c.ics").status == 200)
    }
}

@Suite struct InstanceLimitTests {
    @Test func tooManyInstancesAreRefused() {
        let test = TestServer()
        test.configuration.maxInstances = 10
        test.server = test.makeServer()
        let daily = { (count: Int) in
            event(uid: "d\(count)").replacingOccurrences(
                of: "DTEND:20270203T160000Z", with: "DTEND:20270203T160000Z\r\nRRULE:FREQ=DAILY;COUNT=\(count)")
        }
        let refused = test.send("PUT", "/calendars/alice/default/d.ics", body: daily(11))
        #expect(refused.status == 403)
        #expect(refused.text.contains("max-instances"))
        #expect(test.send("PUT", "/calendars/alice/default/d.ics", body: daily(10)).status == 201)
        let unbounded = event(uid: "u").replacingOccurrences(
            of: "DTEND:20270203T160000Z", with: "DTEND:20270203T160000Z\r\nRRULE:FREQ=DAILY")
        #expect(test.send("PUT", "/calendars/alice/default/u.ics", body: unbounded).status == 201)
    }
}
