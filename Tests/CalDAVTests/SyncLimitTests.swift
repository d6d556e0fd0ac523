import Testing

@testable import CalDAV

/// sync-collection with DAV:limit on a calendar with history (caldav-server-tester sync-token.limit.initial-sync).
@Suite struct SyncLimitTests {
    func sync(_ token: String, limit: Int?) -> String {
        "<?xml version=\"1.0\"?><D:sync-collection xmlns:D=\"DAV:\"><D:sync-token>\(token)</D:sync-token>"
            + "<D:sync-level>1</D:sync-level>"
            + (limit.map { "<D:limit><D:nresults>\($0)</D:nresults></D:limit>" } ?? "")
            + "<D:prop><D:getetag/></D:prop></D:sync-collection>"
    }

    /// Names reported present, names reported removed, the token, and whether the reply is truncated.
    func page(_ text: String) -> (present: [String], removed: [String], token: String, truncated: Bool) {
        var present: [String] = []
        var removed: [String] = []
        for part in text.components(separatedBy: "<d:href>/calendars/alice/default/").dropFirst() {
            let name = String(part.prefix { $0 != "<" })
            guard name.hasSuffix(".ics") else { continue }
            let response = part.components(separatedBy: "</d:response>")[0]
            if response.contains("<d:propstat>") { present.append(name) } else { removed.append(name) }
        }
        let token = String(text.components(separatedBy: "<d:sync-token>")[1].prefix { $0 != "<" })
        return (present, removed, token, text.contains("507 Insufficient Storage"))
    }

    /// 6 members, each written three times, and 4 objects created and removed again: 26 log rows.
    func calendarWithHistory() -> TestServer {
        let test = TestServer()
        for round in 0..<3 {
            for index in 0..<6 {
                _ = test.send(
                    "PUT", "/calendars/alice/default/m\(index).ics", body: event(uid: "m\(index)", summary: "r\(round)")
                )
            }
        }
        for index in 0..<4 {
            _ = test.send("PUT", "/calendars/alice/default/gone\(index).ics", body: event(uid: "gone\(index)"))
            _ = test.send("DELETE", "/calendars/alice/default/gone\(index).ics")
        }
        return test
    }

    @Test func initialSyncPagesAreFullAndReportEachMemberOnce() {
        let test = calendarWithHistory()
        var token = ""
        var reported: [String] = []
        var pages = 0
        while pages < 10 {
            pages += 1
            let reply = test.send(
                "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"], body: sync(token, limit: 2))
            #expect(reply.status == 207)
            let result = page(reply.text)
            #expect(result.present.count <= 2)
            #expect(result.removed.isEmpty, "nothing the client saw was removed")
            reported += result.present
            token = result.token
            if !result.truncated { break }
        }
        #expect(reported.sorted() == (0..<6).map { "m\($0).ics" })
        #expect(pages == 3)
        #expect(token == "http://sabre.io/ns/sync/27")
    }

    @Test func objectsCreatedAndRemovedSinceTheTokenAreNotReported() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/old.ics", body: event(uid: "old"))
        // token 2 from here: old existed, brief did not
        _ = test.send("PUT", "/calendars/alice/default/brief.ics", body: event(uid: "brief"))
        _ = test.send("DELETE", "/calendars/alice/default/brief.ics")
        _ = test.send("DELETE", "/calendars/alice/default/old.ics")
        let reply = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: sync("http://sabre.io/ns/sync/2", limit: nil))
        let result = page(reply.text)
        #expect(result.removed == ["old.ics"])
        #expect(result.present.isEmpty)
        #expect(result.token == "http://sabre.io/ns/sync/5")
    }
}
