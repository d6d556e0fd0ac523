import Storage
import Testing

@testable import CalDAV

@Suite struct ReportTests {
    func sync(_ token: String, limit: Int? = nil, props: String = "<D:getetag/>") -> String {
        let limitXML = limit.map { "<D:limit><D:nresults>\($0)</D:nresults></D:limit>" } ?? ""
        return
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:sync-collection xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:sync-token>\(token)</D:sync-token><D:sync-level>1</D:sync-level>\(limitXML)<D:prop>\(props)</D:prop></D:sync-collection>"
    }

    @Test func initialThenIncrementalSync() {
        let test = TestServer()
        for name in ["a", "b", "c"] {
            _ = test.send("PUT", "/calendars/alice/default/\(name).ics", body: event(uid: name))
        }
        let first = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync(""))
        #expect(first.status == 207)
        #expect(first.text.contains("<d:sync-token>http://sabre.io/ns/sync/4</d:sync-token>"))
        #expect(first.text.components(separatedBy: "<d:response>").count == 4)

        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a", summary: "changed"))
        _ = test.send("DELETE", "/calendars/alice/default/c.ics")
        _ = test.send("PUT", "/calendars/alice/default/d.ics", body: event(uid: "d"))
        let second = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync("http://sabre.io/ns/sync/4"))
        let text = second.text
        #expect(text.contains("<d:sync-token>http://sabre.io/ns/sync/7</d:sync-token>"))
        #expect(text.contains("<d:href>/calendars/alice/default/a.ics</d:href>"))
        #expect(text.contains("<d:href>/calendars/alice/default/d.ics</d:href>"))
        #expect(
            text.contains("<d:href>/calendars/alice/default/c.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status>"))
        #expect(!text.contains("/calendars/alice/default/b.ics"))

        let nothing = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync("http://sabre.io/ns/sync/7"))
        #expect(nothing.text.components(separatedBy: "<d:response>").count == 1)
    }

    @Test func badTokenIsRefused() {
        let test = TestServer()
        for token in ["urn:other:5", "http://sabre.io/ns/sync/99"] {
            let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync(token))
            #expect(response.status == 403)
            #expect(response.text.contains("valid-sync-token"))
        }
    }

    @Test func truncatedSyncResumes() {
        let test = TestServer()
        for name in ["a", "b", "c"] {
            _ = test.send("PUT", "/calendars/alice/default/\(name).ics", body: event(uid: name))
        }
        let partial = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: sync("http://sabre.io/ns/sync/1", limit: 2))
        #expect(partial.text.contains("/calendars/alice/default/a.ics"))
        #expect(partial.text.contains("/calendars/alice/default/b.ics"))
        #expect(!partial.text.contains("/calendars/alice/default/c.ics"))
        #expect(
            partial.text.contains(
                "<d:href>/calendars/alice/default/</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status>"))
        #expect(partial.text.contains("http://sabre.io/ns/sync/3<"))
        let rest = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: sync("http://sabre.io/ns/sync/3", limit: 2))
        #expect(rest.text.contains("/calendars/alice/default/c.ics"))
        #expect(!rest.text.contains("507"))
        #expect(rest.text.contains("http://sabre.io/ns/sync/4<"))
    }

    @Test func multigetReturnsDataAnd404s() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        _ = test.send("PUT", "/calendars/alice/default/b%20c.ics", body: event(uid: "b"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <D:href>/calendars/alice/default/a.ics</D:href>
              <D:href>/calendars/alice/default/b%20c.ics</D:href>
              <D:href>/calendars/alice/default/missing.ics</D:href>
            </C:calendar-multiget>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 207)
        let text = response.text
        #expect(text.contains("<cal:calendar-data>BEGIN:VCALENDAR"))
        #expect(text.contains("UID:b"))
        #expect(text.contains("<d:href>/calendars/alice/default/b%20c.ics</d:href>"))
        #expect(
            text.contains(
                "<d:href>/calendars/alice/default/missing.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status>"))
    }

    @Test func unknownReport() {
        let test = TestServer()
        let response = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: "<?xml version=\"1.0\"?><X:whatever xmlns:X=\"urn:example\"/>")
        #expect(response.status == 403)
        #expect(response.text.contains("supported-report"))
    }
}

@Suite struct ClientCompatibilityTests {
    @Test func initialSyncWithLimitPagesThroughTheLog() {
        let test = TestServer()
        for name in ["a", "b", "c"] { _ = test.send("PUT", "/calendars/alice/default/\(name).ics", body: event(uid: name)) }
        _ = test.send("DELETE", "/calendars/alice/default/a.ics")
        func sync(_ token: String) -> String {
            "<?xml version=\"1.0\"?><D:sync-collection xmlns:D=\"DAV:\"><D:sync-token>\(token)</D:sync-token><D:sync-level>1</D:sync-level><D:limit><D:nresults>1</D:nresults></D:limit><D:prop><D:getetag/></D:prop></D:sync-collection>"
        }
        var token = ""
        var seen: Set<String> = []
        for _ in 0..<6 {
            let text = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync(token)).text
            for part in text.components(separatedBy: "<d:href>/calendars/alice/default/").dropFirst() {
                let name = String(part.prefix { $0 != "<" })
                if name.hasSuffix(".ics") && !part.contains("404") { seen.insert(name) }
            }
            token = String(text.components(separatedBy: "<d:sync-token>")[1].prefix { $0 != "<" })
            if !text.contains("507") { break }
        }
        #expect(seen == ["b.ics", "c.ics"])
        #expect(token == "http://sabre.io/ns/sync/5")
    }

    @Test func putMayReplaceAnObjectWithAnotherUID() {
        let test = TestServer()
        #expect(test.send("PUT", "/calendars/alice/default/x.ics", body: event(uid: "one")).status == 201)
        #expect(test.send("PUT", "/calendars/alice/default/x.ics", body: event(uid: "two")).status == 204)
    }

    @Test func farFutureSearchFindsUnboundedSeries() {
        let test = TestServer()
        let body = event(uid: "w").replacingOccurrences(of: "DTEND:20270203T160000Z", with: "DTEND:20270203T160000Z\r\nRRULE:FREQ=WEEKLY")
        _ = test.send("PUT", "/calendars/alice/default/w.ics", body: body)
        let query = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop>
            <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20500101T000000Z" end="20500201T000000Z"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>
            """
        #expect(test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: query).text.contains("w.ics"))
    }
}
