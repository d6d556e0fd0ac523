import Storage
import Testing

@testable import CalDAV

@Suite struct PropfindTests {
    @Test func principalDiscovery() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/principals/alice/", headers: ["Depth": "0"],
            body: propfind(
                "<D:displayname/><D:principal-URL/><C:calendar-home-set/><C:calendar-user-address-set/><C:schedule-inbox-URL/><C:schedule-outbox-URL/><D:resourcetype/><C:calendar-user-type/><D:principal-collection-set/>"
            ))
        #expect(response.status == 207)
        let text = response.text
        #expect(text.contains("<d:displayname>Alice</d:displayname>"))
        #expect(text.contains("<cal:calendar-home-set><d:href>/calendars/alice/</d:href></cal:calendar-home-set>"))
        #expect(
            text.contains(
                "<cal:calendar-user-address-set><d:href>mailto:alice@example.com</d:href><d:href>/principals/alice/</d:href></cal:calendar-user-address-set>"
            ))
        #expect(
            text.contains("<cal:schedule-inbox-URL><d:href>/calendars/alice/inbox/</d:href></cal:schedule-inbox-URL>"))
        #expect(text.contains("<d:resourcetype><d:principal/></d:resourcetype>"))
        #expect(text.contains("<cal:calendar-user-type>INDIVIDUAL</cal:calendar-user-type>"))
    }

    @Test func calendarHomeDepthOne() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/calendars/alice/", headers: ["Depth": "1"],
            body: propfind(
                "<D:resourcetype/><D:displayname/><D:sync-token/><CS:getctag/><C:supported-calendar-component-set/><A:calendar-color/><D:current-user-privilege-set/>"
            ))
        #expect(response.status == 207)
        let text = response.text
        #expect(text.contains("<d:href>/calendars/alice/default/</d:href>"))
        #expect(text.contains("<d:href>/calendars/alice/inbox/</d:href>"))
        #expect(text.contains("<d:href>/calendars/alice/outbox/</d:href>"))
        #expect(text.contains("<d:resourcetype><d:collection/><cal:calendar/><cs:shared-owner/></d:resourcetype>"))
        #expect(text.contains("<d:sync-token>http://sabre.io/ns/sync/1</d:sync-token>"))
        #expect(text.contains("<cs:getctag>http://sabre.io/ns/sync/1</cs:getctag>"))
        #expect(text.contains("<cal:comp name=\"VEVENT\"/><cal:comp name=\"VTODO\"/>"))
        #expect(text.contains("<d:privilege><d:write/></d:privilege>"))
        #expect(text.contains("<cal:schedule-inbox/>"))
        #expect(text.contains("HTTP/1.1 404 Not Found"))
    }

    @Test func calendarDepthOneListsObjectsWithoutBodies() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        _ = test.send("PUT", "/calendars/alice/default/b.ics", body: event(uid: "b"))
        let response = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: propfind("<D:getetag/><D:getcontenttype/>"))
        let text = response.text
        #expect(text.contains("<d:href>/calendars/alice/default/a.ics</d:href>"))
        #expect(text.contains("<d:getetag>&quot;\(MD5.hex(event(uid: "b")))&quot;</d:getetag>"))
        #expect(text.contains("<d:getcontenttype>text/calendar; charset=utf-8; component=vevent</d:getcontenttype>"))
        #expect(!text.contains("BEGIN:VCALENDAR"))
    }

    @Test func depthInfinityIsRefused() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/calendars/alice/", headers: ["Depth": "infinity"], body: propfind("<D:displayname/>"))
        #expect(response.status == 403)
        #expect(response.text.contains("propfind-finite-depth"))
    }

    @Test func allpropAndPropname() {
        let test = TestServer()
        let all = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"])
        #expect(all.status == 207)
        #expect(all.text.contains("<d:displayname>Default</d:displayname>"))
        #expect(!all.text.contains("current-user-privilege-set"))
        let names = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:propname/></D:propfind>")
        #expect(names.text.contains("<d:displayname/>"))
        #expect(!names.text.contains("Default"))
    }

    @Test func badXMLIs400() {
        let test = TestServer()
        #expect(
            test.send("PROPFIND", "/", headers: ["Depth": "0"], body: "<D:propfind xmlns:D=\"DAV:\">").status == 400)
    }

    @Test func unknownPathsAndMethods() {
        let test = TestServer()
        #expect(test.send("PROPFIND", "/nowhere/", headers: ["Depth": "0"]).status == 404)
        #expect(test.send("PROPFIND", "/calendars/alice/missing/", headers: ["Depth": "0"]).status == 404)
        let unknown = test.send("BREW", "/")
        #expect(unknown.status == 501)
        #expect(unknown.header("Allow")?.contains("PROPFIND") == true)
    }

    @Test func defaultCalendarURLOnInbox() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "0"],
            body: propfind("<C:schedule-default-calendar-URL/>"))
        #expect(response.text.contains("<d:href>/calendars/alice/default/</d:href>"))
    }
}

@Suite struct ACLPropertyTests {
    @Test func aclAndSupportedPrivileges() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind("<D:acl/><D:supported-privilege-set/><D:owner/>"))
        let text = response.text
        #expect(
            text.contains(
                "<d:ace><d:principal><d:href>/principals/alice/</d:href></d:principal><d:grant><d:privilege><d:write/></d:privilege>"
            ))
        #expect(text.contains("<d:href>/principals/alice/calendar-proxy-read/</d:href>"))
        #expect(text.contains("<d:supported-privilege><d:privilege><d:all/></d:privilege><d:abstract/>"))
        #expect(text.contains("<d:owner><d:href>/principals/alice/</d:href></d:owner>"))
    }
}
