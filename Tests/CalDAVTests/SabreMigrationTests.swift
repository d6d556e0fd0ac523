import Storage
import Testing

@testable import CalDAV

/// The engine over the rows sabre left in its database answers as sabre did at the end of the transcript.
@Suite struct SabreMigrationTests {
    func server() throws -> CalDAVServer<InMemoryStore> {
        CalDAVServer(
            store: try SabreDump.store(), configuration: ServerConfiguration(digestSecret: "s"), now: { 1_795_600_000 },
            makeID: { "id" })
    }

    func replay(_ server: CalDAVServer<InMemoryStore>, _ exchange: SabreTranscriptTests.Exchange) -> DAVResponse {
        server.handle(
            DAVRequest(
                method: exchange.method, uri: exchange.path, headers: exchange.headers, body: Array(exchange.body.utf8))
        )
    }

    @Test func finalStateMatchesSabre() throws {
        let server = try server()
        let finals = try SabreTranscriptTests.exchanges().filter { $0.step == "p17-final-state" }
        #expect(finals.count == 4)
        for exchange in finals {
            let response = replay(server, exchange)
            #expect(response.status == 207)
            let expected = SabreTranscriptTests.facts(exchange.responseBody)
            let actual = SabreTranscriptTests.facts(response.text)
            #expect(actual.subtracting(expected) == [], "seq \(exchange.seq) extra")
            #expect(expected.subtracting(actual) == [], "seq \(exchange.seq) missing")
        }
    }

    @Test func objectsComeBackByteForByte() throws {
        let server = try server()
        let store = server.store
        for user in ["erin", "frank", "grace", "heidi"] {
            for calendar in try store.calendars(ofPrincipal: "principals/\(user)") {
                // Collected first: the store must not be called while forEachObject streams.
                var objects: [StoredObject] = []
                try store.forEachObject(in: calendar.calendarID, componentType: nil, overlapping: nil, withData: true) {
                    objects.append($0)
                    return true
                }
                for object in objects {
                    let credentials = "Basic " + base64(Array("\(user):\(user)".utf8))
                    let response = server.handle(
                        DAVRequest(
                            method: "GET", uri: "/calendars/\(user)/\(calendar.uri)/\(object.uri)",
                            headers: ["Authorization": credentials]))
                    #expect(response.status == 200)
                    #expect(response.body == Array(object.data!.utf8))
                    #expect(response.header("ETag") == "\"\(object.etag)\"")
                    #expect(MD5.hex(response.body) == object.etag)
                }
            }
        }
    }

    @Test func syncContinuesFromSabresTokens() throws {
        let server = try server()
        let incremental = try #require(try SabreTranscriptTests.exchanges().first { $0.step == "p16-sync-incremental" })
        let response = replay(server, incremental)
        var expected = SabreTranscriptTests.facts(incremental.responseBody)
        expected = expected.filter { !$0.hasPrefix("/calendars/erin/calendar ") }
        #expect(SabreTranscriptTests.facts(response.text) == expected)

        // From sabre's newest token nothing has changed; a new PUT shows up alone.
        var upToDate = incremental
        upToDate.body = incremental.body.replacingOccurrences(
            of: "http://sabre.io/ns/sync/4", with: "http://sabre.io/ns/sync/8")
        let nothing = replay(server, upToDate)
        #expect(nothing.text.contains("<d:sync-token>http://sabre.io/ns/sync/8</d:sync-token>"))
        #expect(!nothing.text.contains("<d:response>"))
        var put = incremental
        put.method = "PUT"
        put.path = "/calendars/erin/calendar/new.ics"
        put.body = event(uid: "new-after-migration")
        put.headers["Content-Type"] = "text/calendar"
        put.headers["Content-Length"] = nil
        #expect(replay(server, put).status == 201)
        let later = replay(server, upToDate)
        #expect(later.text.contains("<d:href>/calendars/erin/calendar/new.ics</d:href>"))
        #expect(later.text.contains("<d:sync-token>http://sabre.io/ns/sync/9</d:sync-token>"))
        #expect(later.text.components(separatedBy: "<d:response>").count == 2)
    }

    @Test func inboxAsSabreLeftIt() throws {
        let server = try server()
        let exchange = try #require(try SabreTranscriptTests.exchanges().first { $0.seq == 56 })
        let response = replay(server, exchange)
        #expect(SabreTranscriptTests.facts(response.text) == SabreTranscriptTests.facts(exchange.responseBody))
    }
}
