import CalDAV
import Foundation
import MariaDBStore
import Storage
import Testing

/// SQL statements per request kind, so a regression (a query per object, a repeated lookup) fails.
@Suite struct EngineStatementCountTests {
    private static func send(
        _ server: CalDAVServer<MariaDBStore>, _ store: MariaDBStore, _ method: String, _ uri: String,
        headers: [String: String] = [:], body: String = ""
    ) -> (status: Int, statements: Int, response: DAVResponse) {
        var all = headers
        all["Authorization"] = "Basic " + Data("alice:alice".utf8).base64EncodedString()
        let before = store.statementCount
        let response = server.handle(DAVRequest(method: method, uri: uri, headers: all, body: Array(body.utf8)))
        return (response.status, store.statementCount - before, response)
    }

    private static func event(uid: String, summary: String = "Meeting", attendees: Bool = false) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:20261125T082437Z", "SUMMARY:\(summary)", "DTSTART:20270203T150000Z", "DTEND:20270203T160000Z",
        ]
        if attendees {
            lines += [
                "ORGANIZER:mailto:alice@example.com", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com",
                "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com",
            ]
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static let xmlHead = "<?xml version=\"1.0\"?>"
    private static let namespaces =
        "xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" xmlns:cs=\"http://calendarserver.org/ns/\""

    @Test func requestsStayWithinTheirStatementBudget() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let setup = MariaDBStore(configuration: configuration)
        for user in ["alice", "bob"] {
            try setup.createUser(username: user, digestA1: MD5.hex("\(user):SabreDAV:\(user)"))
            try setup.createPrincipal(uri: "principals/\(user)", email: "\(user)@example.com", displayName: user)
            try setup.createCalendar(
                principalURI: "principals/\(user)", uri: "default", properties: CalendarProperties(displayName: "D"),
                components: ["VEVENT", "VTODO"])
        }
        let store = MariaDBStore(configuration: configuration)
        let server = CalDAVServer(
            store: store, configuration: ServerConfiguration(digestSecret: "s"), now: { 1_795_000_000 },
            makeID: { UUID().uuidString.lowercased() })
        let calendar = "/calendars/alice/default/"
        // Warm up (connection, first statements) so counts below are steady-state.
        _ = Self.send(server, store, "PUT", calendar + "warm.ics", body: Self.event(uid: "warm"))

        var counts: [String: Int] = [:]
        let create = Self.send(server, store, "PUT", calendar + "a.ics", body: Self.event(uid: "a"))
        #expect(create.status == 201)
        counts["PUT new"] = create.statements
        let update = Self.send(server, store, "PUT", calendar + "a.ics", body: Self.event(uid: "a", summary: "Again"))
        #expect(update.status == 204)
        counts["PUT update"] = update.statements
        for index in 0..<10 {
            _ = Self.send(server, store, "PUT", calendar + "n\(index).ics", body: Self.event(uid: "n\(index)"))
        }
        let propfind = Self.send(
            server, store, "PROPFIND", calendar, headers: ["Depth": "1"],
            body: "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/><d:resourcetype/>"
                + "<d:displayname/></d:prop></d:propfind>")
        #expect(propfind.status == 207)
        counts["PROPFIND depth 1"] = propfind.statements
        let get = Self.send(server, store, "GET", calendar + "a.ics")
        #expect(get.status == 200)
        counts["GET"] = get.statements
        let report = Self.send(
            server, store, "REPORT", calendar, headers: ["Depth": "1"],
            body: "<?xml version=\"1.0\"?><c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\">"
                + "<c:comp-filter name=\"VEVENT\"/></c:comp-filter></c:filter></c:calendar-query>")
        #expect(report.status == 207)
        counts["REPORT calendar-query"] = report.statements
        let scheduled = Self.send(
            server, store, "PUT", calendar + "meet.ics", body: Self.event(uid: "meet", attendees: true))
        #expect(scheduled.status == 201)
        counts["PUT with attendee"] = scheduled.statements
        let home = Self.send(
            server, store, "PROPFIND", "/calendars/alice/", headers: ["Depth": "1"],
            body: Self.xmlHead + "<d:propfind \(Self.namespaces)><d:prop><d:resourcetype/><d:displayname/>"
                + "<cs:getctag/><d:sync-token/><c:supported-calendar-component-set/>"
                + "<d:current-user-privilege-set/></d:prop></d:propfind>")
        #expect(home.status == 207)
        counts["PROPFIND home depth 1"] = home.statements
        let principal = Self.send(
            server, store, "PROPFIND", "/principals/alice/", headers: ["Depth": "0"],
            body: Self.xmlHead + "<d:propfind \(Self.namespaces)><d:prop><c:calendar-home-set/>"
                + "<c:calendar-user-address-set/><c:schedule-inbox-URL/><c:schedule-outbox-URL/><d:displayname/>"
                + "</d:prop></d:propfind>")
        #expect(principal.status == 207)
        counts["PROPFIND principal"] = principal.statements
        let sync = Self.send(
            server, store, "REPORT", calendar, headers: ["Depth": "1"],
            body: Self.xmlHead + "<d:sync-collection \(Self.namespaces)><d:sync-token/><d:sync-level>1</d:sync-level>"
                + "<d:prop><d:getetag/></d:prop></d:sync-collection>")
        #expect(sync.status == 207)
        counts["REPORT sync-collection"] = sync.statements
        let multiget = Self.send(
            server, store, "REPORT", calendar, headers: ["Depth": "1"],
            body: Self.xmlHead + "<c:calendar-multiget \(Self.namespaces)>"
                + "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
                + (0..<10).map { "<d:href>\(calendar)n\($0).ics</d:href>" }.joined() + "</c:calendar-multiget>")
        #expect(multiget.status == 207)
        counts["REPORT multiget"] = multiget.statements
        let delete = Self.send(server, store, "DELETE", calendar + "a.ics")
        #expect(delete.status == 204)
        counts["DELETE"] = delete.statements

        // Measured when set (before the harden branch: PUT 11/11, attendee PUT 23). The calendar
        // holds 12 objects, so a statement per object in PROPFIND or REPORT breaks the budget.
        // PUT: user, calendar, BEGIN, locked read, locks, [UID check], write, change, synctoken, COMMIT.
        let budget: [String: Int] = [
            "PUT new": 10, "PUT update": 9, "PROPFIND depth 1": 4, "GET": 3, "REPORT calendar-query": 3,
            "PUT with attendee": 20, "DELETE": 9, "PROPFIND home depth 1": 6, "PROPFIND principal": 3,
            "REPORT sync-collection": 3, "REPORT multiget": 3,
        ]
        for (kind, limit) in budget.sorted(by: { $0.key < $1.key }) {
            #expect((counts[kind] ?? .max) <= limit, "\(kind): \(counts[kind] ?? -1) statements, budget \(limit)")
        }
    }
}
