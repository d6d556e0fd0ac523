import DAVXML
import Testing

/// `Prefer: return=minimal` when nothing requested is known: every `DAV:response` must
/// still hold a status or a propstat after its href (RFC 4918 §14.24, RFC 8144 §2).
@Suite struct MinimalResponseTests {
    /// Each response of a multistatus has a status or at least one propstat.
    private func everyResponseIsComplete(_ body: [UInt8]) throws -> Int {
        let responses = try XMLElement.parse(body).children(.response)
        for response in responses {
            #expect(response.child(.status) != nil || !response.children(.propStat).isEmpty)
        }
        return responses.count
    }

    @Test func propfindWithOnlyUnknownPropertiesKeepsAPropstat() throws {
        let test = TestServer()
        test.put("a.ics", event(uid: "a"))
        test.put("b.ics", event(uid: "b"))
        let body = propfind("<D:x-missing/><A:x-unknown/>")
        for headers in [["Prefer": "return=minimal"], ["Brief": "t"]] {
            let response = test.send(
                "PROPFIND", "/calendars/alice/default/", headers: headers.merging(["Depth": "1"]) { a, _ in a },
                body: body)
            #expect(response.status == 207)
            #expect(try everyResponseIsComplete(response.body) == 3)
            #expect(!response.text.contains("404"))
        }
    }

    @Test func multigetWithOnlyUnknownPropertiesKeepsAPropstat() throws {
        let test = TestServer()
        test.put("a.ics", event(uid: "a"))
        let body = """
            <?xml version="1.0"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">\
            <D:prop><D:x-missing/></D:prop><D:href>/calendars/alice/default/a.ics</D:href></C:calendar-multiget>
            """
        let response = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1", "Prefer": "return=minimal"], body: body)
        #expect(response.status == 207)
        #expect(try everyResponseIsComplete(response.body) == 1)
    }
}
