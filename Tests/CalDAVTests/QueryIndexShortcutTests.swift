import CalDAV
import Storage
import Testing

/// calendar-query answers the same whether the index row proves a match (no parse) or the body is parsed (RFC 4791 §9.9).
@Suite struct QueryIndexShortcutTests {
    func put(_ test: TestServer, _ name: String, start: String, end: String, floating: Bool = false) {
        let z = floating ? "" : "Z"
        let response = test.send(
            "PUT", "/calendars/alice/default/\(name).ics", headers: ["Content-Type": "text/calendar"],
            body: event(uid: name, start: start + z, end: end + z))
        #expect(response.status == 201)
    }

    func names(_ test: TestServer, start: String, end: String, props: String = "<D:getetag/>") -> Set<String> {
        Query.names(
            test.report(Query.body(Query.events(Query.range(start, end)), props: "<D:getetag/>\(props)")))
    }

    @Test func insideNearAndOutsideTheRange() {
        let test = TestServer()
        // Well inside: the index alone decides.
        put(test, "inside", start: "20270310T100000", end: "20270310T110000")
        // Overlaps the start by an hour: near the edge, decided by parsing.
        put(test, "edge", start: "20270228T230000", end: "20270301T010000")
        // Ends where the range starts: no overlap (end is exclusive).
        put(test, "before", start: "20270228T220000", end: "20270301T000000")
        // Floating, late on the last day: inside in UTC, outside for a zone west of UTC is not asked here.
        put(test, "late", start: "20270331T200000", end: "20270331T210000", floating: true)
        #expect(names(test, start: "20270301T000000Z", end: "20270401T000000Z") == ["inside.ics", "edge.ics", "late.ics"])
        #expect(names(test, start: "20270311T000000Z", end: "20270401T000000Z") == ["late.ics"])
    }

    @Test func calendarDataIsTheStoredBody() {
        let test = TestServer()
        put(test, "inside", start: "20270310T100000", end: "20270310T110000")
        let response = test.report(
            Query.body(
                Query.events(Query.range("20270301T000000Z", "20270401T000000Z")),
                props: "<D:getetag/><C:calendar-data/>"))
        #expect(response.status == 207)
        #expect(response.text.contains("SUMMARY:Meeting&#13;\n"))
        #expect(response.text.contains("DTSTART:20270310T100000Z"))
    }

    @Test func otherFiltersStillParse() {
        let test = TestServer()
        put(test, "inside", start: "20270310T100000", end: "20270310T110000")
        let filter = Query.events(
            Query.range("20270301T000000Z", "20270401T000000Z")
                + "<C:prop-filter name=\"SUMMARY\"><C:text-match>Lunch</C:text-match></C:prop-filter>")
        #expect(Query.names(test.report(Query.body(filter))).isEmpty)
    }
}
