import Storage
import Testing

@testable import CalDAV

@Suite struct AccessTests {
    @Test func othersCannotReadOrWrite() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        let read = test.send("GET", "/calendars/alice/default/a.ics", as: "bob")
        #expect(read.status == 403)
        #expect(read.text.contains("need-privileges"))
        #expect(test.send("PROPFIND", "/calendars/alice/default/", as: "bob", headers: ["Depth": "1"]).status == 403)
        let write = test.send("PUT", "/calendars/alice/default/b.ics", as: "bob", body: event(uid: "b"))
        #expect(write.status == 403)
        #expect(write.text.contains("<d:bind/>"))
        #expect(test.send("PROPFIND", "/calendars/alice/inbox/", as: "bob", headers: ["Depth": "1"]).status == 403)
        #expect(test.send("PROPFIND", "/principals/alice/", as: "bob", headers: ["Depth": "0"]).status == 207)
    }

    @Test func readAndWriteProxies() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>
            """
        #expect(test.send("PROPPATCH", "/principals/alice/calendar-proxy-read/", as: "bob", body: body).status == 403)
        #expect(test.send("PROPPATCH", "/principals/alice/calendar-proxy-read/", body: body).status == 207)
        let group = test.send(
            "PROPFIND", "/principals/alice/calendar-proxy-read/", headers: ["Depth": "0"],
            body: propfind("<D:group-member-set/><D:resourcetype/>"))
        #expect(group.text.contains("<d:group-member-set><d:href>/principals/bob/</d:href></d:group-member-set>"))
        #expect(group.text.contains("<cs:calendar-proxy-read/>"))
        let bobPrincipal = test.send(
            "PROPFIND", "/principals/bob/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<CS:calendar-proxy-read-for/><D:group-membership/>"))
        #expect(
            bobPrincipal.text.contains(
                "<cs:calendar-proxy-read-for><d:href>/principals/alice/</d:href></cs:calendar-proxy-read-for>"))

        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "bob").status == 200)
        #expect(test.send("PUT", "/calendars/alice/default/b.ics", as: "bob", body: event(uid: "b")).status == 403)

        let writeBody = body
        #expect(test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: writeBody).status == 207)
        #expect(test.send("PUT", "/calendars/alice/default/b.ics", as: "bob", body: event(uid: "b")).status == 201)
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "carol").status == 403)
    }
}
