import Storage
import Testing

@testable import CalDAV

@Suite struct CollectionTests {
    let proppatchHeader =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\" xmlns:A=\"http://apple.com/ns/ical/\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:X=\"urn:example:x\">"

    @Test func proppatchMapsColumnsAndDeadProperties() throws {
        let test = TestServer()
        let body =
            proppatchHeader
            + "<D:set><D:prop><D:displayname>Erin's planner</D:displayname><A:calendar-color>#2E8B57FF</A:calendar-color><A:calendar-order>3</A:calendar-order><C:schedule-calendar-transp><C:transparent/></C:schedule-calendar-transp><X:note>hello</X:note><X:tree><X:leaf a=\"1\">v</X:leaf></X:tree></D:prop></D:set></D:propertyupdate>"
        let response = test.send("PROPPATCH", "/calendars/alice/default/", body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("HTTP/1.1 200 OK"))
        let calendar = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "default"))
        #expect(calendar.properties.displayName == "Erin's planner")
        #expect(calendar.properties.color == "#2E8B57FF")
        #expect(calendar.properties.order == 3)
        #expect(calendar.properties.transparent)
        #expect(calendar.syncToken == 2)
        let dead = try test.store.deadProperties(path: "calendars/alice/default")
        #expect(dead.first { $0.name == "{urn:example:x}note" }?.valueType == 1)
        #expect(dead.first { $0.name == "{urn:example:x}tree" }?.valueType == 2)

        let read = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind(
                "<D:displayname/><A:calendar-color/><C:schedule-calendar-transp/><X:note xmlns:X=\"urn:example:x\"/><X:tree xmlns:X=\"urn:example:x\"/>"
            ))
        #expect(
            read.text.contains("<d:displayname>Erin&apos;s planner</d:displayname>")
                || read.text.contains("<d:displayname>Erin's planner</d:displayname>"))
        #expect(read.text.contains("<ical:calendar-color>#2E8B57FF</ical:calendar-color>"))
        #expect(read.text.contains("<cal:schedule-calendar-transp><cal:transparent/></cal:schedule-calendar-transp>"))
        #expect(read.text.contains("<x1:note xmlns:x1=\"urn:example:x\">hello</x1:note>"))
        #expect(read.text.contains("<x2:tree xmlns:x2=\"urn:example:x\"><x2:leaf a=\"1\">v</x2:leaf></x2:tree>"))
    }

    @Test func proppatchIsAtomic() throws {
        let test = TestServer()
        let body =
            proppatchHeader
            + "<D:set><D:prop><D:displayname>New</D:displayname><D:getetag>\"x\"</D:getetag><X:note>n</X:note></D:prop></D:set></D:propertyupdate>"
        let response = test.send("PROPPATCH", "/calendars/alice/default/", body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("HTTP/1.1 403 Forbidden"))
        #expect(response.text.contains("HTTP/1.1 424 Failed Dependency"))
        let calendar = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "default"))
        #expect(calendar.properties.displayName == "Default")
        #expect(try test.store.deadProperties(path: "calendars/alice/default").isEmpty)
    }

    @Test func deadPropertiesOfOthersStayHidden() {
        let test = TestServer()
        _ = test.send(
            "PROPPATCH", "/principals/alice/",
            body: proppatchHeader + "<D:set><D:prop><X:secret>s3</X:secret></D:prop></D:set></D:propertyupdate>")
        let response = test.send("PROPFIND", "/principals/alice/", as: "bob", headers: ["Depth": "0"])
        #expect(response.status == 207)
        #expect(response.text.contains("Alice"))
        #expect(!response.text.contains("s3"))
        #expect(test.send("PROPFIND", "/principals/alice/", as: "alice", headers: ["Depth": "0"]).text.contains("s3"))
    }

    @Test func readsSabreValueTypes() {
        let test = TestServer()
        let transp =
            "O:47:\"Sabre\\CalDAV\\Xml\\Property\\ScheduleCalendarTransp\":1:{s:8:\"\0*\0value\";s:11:\"transparent\";}"
        try! test.store.setDeadProperty(
            DeadProperty(
                path: "calendars/alice/inbox", name: "{urn:ietf:params:xml:ns:caldav}schedule-calendar-transp",
                valueType: 3, value: Array(transp.utf8)))
        try! test.store.setDeadProperty(
            DeadProperty(
                path: "calendars/alice/inbox", name: "{urn:example:x}inner", valueType: 2,
                value: Array("<x:a xmlns:x=\"urn:example:x\">1</x:a>".utf8)))
        let response = test.send("PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "0"])
        #expect(
            response.text.contains("<cal:schedule-calendar-transp><cal:transparent/></cal:schedule-calendar-transp>"))
        #expect(response.text.contains("<x1:inner xmlns:x1=\"urn:example:x\"><x1:a>1</x1:a></x1:inner>"))
    }

    @Test func mkcalendarWithComponentSet() throws {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:displayname>Tasks</D:displayname><C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set></D:prop></D:set>
            </C:mkcalendar>
            """
        #expect(test.send("MKCALENDAR", "/calendars/alice/tasks/", body: body).status == 201)
        let tasks = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "tasks"))
        #expect(tasks.components == ["VTODO"])
        #expect(tasks.properties.displayName == "Tasks")
        #expect(tasks.syncToken == 1)
        #expect(test.send("MKCALENDAR", "/calendars/alice/tasks/", body: body).status == 405)
        #expect(test.send("PUT", "/calendars/alice/tasks/e.ics", body: event(uid: "e")).status == 403)
        #expect(test.send("MKCALENDAR", "/calendars/bob/mine/").status == 403)
        #expect(test.send("MKCALENDAR", "/calendars/alice/plain/").status == 201)
        #expect(
            try test.store.calendar(ofPrincipal: "principals/alice", named: "plain")?.components == ["VEVENT", "VTODO"])
    }

    @Test func extendedMkcol() throws {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:resourcetype><D:collection/><C:calendar/></D:resourcetype><D:displayname>Work</D:displayname></D:prop></D:set>
            </D:mkcol>
            """
        #expect(test.send("MKCOL", "/calendars/alice/work/", body: body).status == 201)
        #expect(
            try test.store.calendar(ofPrincipal: "principals/alice", named: "work")?.properties.displayName == "Work")
        #expect(test.send("MKCOL", "/calendars/alice/plain/").status == 403)
    }

    @Test func deleteCalendar() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        #expect(test.send("DELETE", "/calendars/alice/default/", as: "bob").status == 403)
        #expect(test.send("DELETE", "/calendars/alice/default/").status == 204)
        #expect(try test.store.calendar(ofPrincipal: "principals/alice", named: "default") == nil)
    }

    @Test func moveAndCopy() throws {
        let test = TestServer()
        #expect(test.send("MKCALENDAR", "/calendars/alice/other/").status == 201)
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        let move = test.send(
            "MOVE", "/calendars/alice/default/a.ics",
            headers: ["Destination": "http://localhost/calendars/alice/other/b.ics"])
        #expect(move.status == 201)
        #expect(test.send("GET", "/calendars/alice/default/a.ics").status == 404)
        #expect(test.send("GET", "/calendars/alice/other/b.ics").text == event(uid: "a"))
        let source = try #require(try test.store.changes(in: test.calendarID("alice"), since: 1, limit: nil))
        #expect(source.changes.map(\.operation) == [.deleted])
        let target = try #require(try test.store.changes(in: test.calendarID("alice", "other"), since: 1, limit: nil))
        #expect(target.changes.map(\.operation) == [.added])

        // COPY back, then a second COPY into the same calendar would duplicate the UID.
        #expect(
            test.send(
                "COPY", "/calendars/alice/other/b.ics", headers: ["Destination": "/calendars/alice/default/c.ics"]
            ).status == 201)
        let duplicate = test.send(
            "COPY", "/calendars/alice/other/b.ics", headers: ["Destination": "/calendars/alice/default/d.ics"])
        #expect(duplicate.status == 403)
        #expect(duplicate.text.contains("no-uid-conflict"))
        let noOverwrite = test.send(
            "COPY", "/calendars/alice/other/b.ics",
            headers: ["Destination": "/calendars/alice/default/c.ics", "Overwrite": "F"])
        #expect(noOverwrite.status == 412)
        #expect(
            test.send(
                "COPY", "/calendars/alice/other/b.ics", headers: ["Destination": "/calendars/alice/default/c.ics"]
            ).status == 204)
        #expect(
            test.send(
                "MOVE", "/calendars/alice/other/b.ics", as: "bob",
                headers: ["Destination": "/calendars/bob/default/b.ics"]
            ).status == 403)
    }
}

@Suite struct CopyMoveOverwriteTests {
    @Test func overwriteReplacesAnObjectWithAnotherUID() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        _ = test.send("PUT", "/calendars/alice/default/b.ics", body: event(uid: "b"))
        let move = test.send(
            "MOVE", "/calendars/alice/default/a.ics", headers: ["Destination": "/calendars/alice/default/b.ics"])
        #expect(move.status == 204)
        #expect(test.send("GET", "/calendars/alice/default/b.ics").text.contains("UID:a"))
        #expect(test.send("GET", "/calendars/alice/default/a.ics").status == 404)
    }

    @Test func copyAcrossCalendarsChecksUIDInTarget() {
        let test = TestServer()
        _ = test.send("MKCALENDAR", "/calendars/alice/other/")
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        _ = test.send("PUT", "/calendars/alice/other/x.ics", body: event(uid: "a"))
        let copy = test.send(
            "COPY", "/calendars/alice/default/a.ics", headers: ["Destination": "/calendars/alice/other/a.ics"])
        #expect(copy.status == 403)
        #expect(copy.text.contains("no-uid-conflict"))
    }
}
