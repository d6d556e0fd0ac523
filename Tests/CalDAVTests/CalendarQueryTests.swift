import Storage
import Testing

@testable import CalDAV

@Suite struct CalendarQueryTests {
    func query(_ filter: String, props: String = "<D:getetag/>") -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop>\(props)</D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">\(filter)</C:comp-filter></C:filter></C:calendar-query>"
    }

    func seeded() -> TestServer {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/feb.ics", body: event(uid: "feb", summary: "Vendor demo"))
        _ = test.send(
            "PUT", "/calendars/alice/default/mar.ics",
            body: event(uid: "mar", summary: "Lunch", start: "20270305T120000Z", end: "20270305T130000Z"))
        let weekly = event(uid: "weekly", summary: "Standup", start: "20270104T090000Z", end: "20270104T091500Z")
            .replacingOccurrences(
                of: "DTEND:20270104T091500Z", with: "DTEND:20270104T091500Z\r\nRRULE:FREQ=WEEKLY;COUNT=20")
        _ = test.send("PUT", "/calendars/alice/default/weekly.ics", body: weekly)
        let todo =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:todo\r\nDTSTAMP:20261125T082442Z\r\nSUMMARY:Rotate credentials\r\nDUE:20270226T170000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        _ = test.send("PUT", "/calendars/alice/default/todo.ics", body: todo)
        return test
    }

    func hrefs(_ response: DAVResponse) -> Set<String> {
        Set(response.text.components(separatedBy: "<d:href>").dropFirst().map { String($0.prefix { $0 != "<" }) })
    }

    @Test func timeRangeOnEvents() {
        let test = seeded()
        let response = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query(
                "<C:comp-filter name=\"VEVENT\"><C:time-range start=\"20270301T000000Z\" end=\"20270310T000000Z\"/></C:comp-filter>"
            ))
        #expect(response.status == 207)
        #expect(hrefs(response) == ["/calendars/alice/default/mar.ics", "/calendars/alice/default/weekly.ics"])
        let none = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query(
                "<C:comp-filter name=\"VEVENT\"><C:time-range start=\"20280101T000000Z\" end=\"20280201T000000Z\"/></C:comp-filter>"
            ))
        #expect(hrefs(none).isEmpty)
    }

    @Test func componentTypeAndUIDMatch() {
        let test = seeded()
        let todos = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query("<C:comp-filter name=\"VTODO\"/>"))
        #expect(hrefs(todos) == ["/calendars/alice/default/todo.ics"])
        let byUID = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query(
                "<C:comp-filter name=\"VEVENT\"><C:prop-filter name=\"UID\"><C:text-match collation=\"i;octet\">feb</C:text-match></C:prop-filter></C:comp-filter>",
                props: "<D:getetag/><C:calendar-data/>"))
        #expect(hrefs(byUID) == ["/calendars/alice/default/feb.ics"])
        #expect(byUID.text.contains("SUMMARY:Vendor demo"))
        let bySummary = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query(
                "<C:comp-filter name=\"VEVENT\"><C:prop-filter name=\"SUMMARY\"><C:text-match negate-condition=\"yes\">LUNCH</C:text-match></C:prop-filter></C:comp-filter>"
            ))
        #expect(hrefs(bySummary) == ["/calendars/alice/default/feb.ics", "/calendars/alice/default/weekly.ics"])
    }

    @Test func topFilterMustBeVCalendar() {
        let test = seeded()
        let body =
            "<?xml version=\"1.0\"?><C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name=\"VEVENT\"/></C:filter></C:calendar-query>"
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 403)
        #expect(response.text.contains("valid-filter"))
    }
}

@Suite struct FreeBusyQueryTests {
    @Test func busyTimeOfACalendar() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        _ = test.send(
            "PUT", "/calendars/alice/default/b.ics",
            body: event(uid: "b", start: "20270301T100000Z", end: "20270301T110000Z"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:time-range start="20270201T000000Z" end="20270210T000000Z"/></C:free-busy-query>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(response.text.contains("BEGIN:VFREEBUSY"))
        #expect(response.text.contains("FREEBUSY:20270203T150000Z/20270203T160000Z"))
        #expect(!response.text.contains("20270301T100000Z"))
        #expect(
            test.send("REPORT", "/calendars/alice/default/", as: "bob", headers: ["Depth": "1"], body: body).status
                == 403)
    }
}

@Suite struct CalendarDataTests {
    func weekly(_ test: TestServer) {
        let body = event(uid: "weekly", summary: "Standup", start: "20270104T090000Z", end: "20270104T091500Z")
            .replacingOccurrences(
                of: "DTEND:20270104T091500Z", with: "DTEND:20270104T091500Z\r\nRRULE:FREQ=WEEKLY;COUNT=20")
        _ = test.send("PUT", "/calendars/alice/default/weekly.ics", body: body)
    }

    @Test func expandReturnsInstancesInUTC() {
        let test = TestServer()
        weekly(test)
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><C:calendar-data><C:expand start="20270110T000000Z" end="20270125T000000Z"/></C:calendar-data></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20270110T000000Z" end="20270125T000000Z"/></C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        let text = response.text
        #expect(text.contains("RECURRENCE-ID:20270111T090000Z"))
        #expect(text.contains("RECURRENCE-ID:20270118T090000Z"))
        #expect(!text.contains("RRULE"))
        #expect(!text.contains("20270104T090000Z"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
    }

    @Test func partialRetrievalKeepsOnlySelectedProperties() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a", summary: "Secret plans"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><C:calendar-data><C:comp name="VCALENDAR"><C:prop name="VERSION"/><C:comp name="VEVENT"><C:prop name="UID"/><C:prop name="DTSTART"/></C:comp></C:comp></C:calendar-data></D:prop>
              <D:href>/calendars/alice/default/a.ics</D:href>
            </C:calendar-multiget>
            """
        let text = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body).text
        #expect(text.contains("UID:a"))
        #expect(text.contains("DTSTART:20270203T150000Z"))
        #expect(!text.contains("Secret plans"))
        #expect(!text.contains("PRODID"))
    }
}

@Suite struct FloatingTimeQueryTests {
    @Test func floatingTimesUseTheQueryTimeZone() {
        let test = TestServer()
        _ = test.send(
            "PUT", "/calendars/alice/default/f.ics", body: event(uid: "f", start: "20270301T230000", end: "20270301T233000"))
        func query(_ zone: String) -> String {
            """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20270301T130000Z" end="20270301T150000Z"/></C:comp-filter></C:comp-filter></C:filter>
              \(zone)
            </C:calendar-query>
            """
        }
        let tokyo = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: query("<C:timezone-id>Asia/Tokyo</C:timezone-id>"))
        #expect(tokyo.text.contains("/calendars/alice/default/f.ics"))
        let utc = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: query(""))
        #expect(!utc.text.contains("/calendars/alice/default/f.ics"))
    }
}

@Suite struct MoreQueryTests {
    @Test func freeBusyOnTheHomeSkipsTransparentCalendars() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        let transparent = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><C:schedule-calendar-transp><C:transparent/></C:schedule-calendar-transp></D:prop></D:set></C:mkcalendar>
            """
        #expect(test.send("MKCALENDAR", "/calendars/alice/holidays/", body: transparent).status == 201)
        _ = test.send("PUT", "/calendars/alice/holidays/h.ics", body: event(uid: "h", start: "20270205T100000Z", end: "20270205T110000Z"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:time-range start="20270201T000000Z" end="20270210T000000Z"/></C:free-busy-query>
            """
        let response = test.send("REPORT", "/calendars/alice/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 200)
        #expect(response.text.contains("20270203T150000Z/20270203T160000Z"))
        #expect(!response.text.contains("20270205T100000Z"))
    }

    @Test func unknownCollationIsRefused() {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop>
            <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match collation="i;klingon">x</C:text-match></C:prop-filter></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 403)
        #expect(response.text.contains("supported-collation"))
    }

    @Test func unicodeCasemapMatchesAccentedText() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a", summary: "ÉTÉ party"))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop>
            <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:prop-filter name="SUMMARY"><C:text-match collation="i;unicode-casemap">été</C:text-match></C:prop-filter></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.text.contains("/calendars/alice/default/a.ics"))
    }
}

@Suite struct LimitRecurrenceSetTests {
    @Test func onlyOverridesInRangeAreKept() {
        let test = TestServer()
        let body = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            BEGIN:VEVENT\r
            UID:series\r
            DTSTAMP:20261125T000000Z\r
            DTSTART:20270104T090000Z\r
            DTEND:20270104T100000Z\r
            RRULE:FREQ=WEEKLY;COUNT=10\r
            SUMMARY:Series\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:series\r
            DTSTAMP:20261125T000000Z\r
            RECURRENCE-ID:20270111T090000Z\r
            DTSTART:20270111T110000Z\r
            DTEND:20270111T120000Z\r
            SUMMARY:Early override\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:series\r
            DTSTAMP:20261125T000000Z\r
            RECURRENCE-ID:20270301T090000Z\r
            DTSTART:20270301T110000Z\r
            DTEND:20270301T120000Z\r
            SUMMARY:Late override\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        #expect(test.send("PUT", "/calendars/alice/default/s.ics", body: body).status == 201)
        let report = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><C:calendar-data><C:limit-recurrence-set start="20270201T000000Z" end="20270401T000000Z"/></C:calendar-data></D:prop>
              <D:href>/calendars/alice/default/s.ics</D:href>
            </C:calendar-multiget>
            """
        let text = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: report).text
        #expect(text.contains("SUMMARY:Series"))
        #expect(text.contains("SUMMARY:Late override"))
        #expect(!text.contains("SUMMARY:Early override"))
    }
}

@Suite struct VCalendarTimeRangeTests {
    @Test func timeRangeOnVCalendarIsAnInvalidFilter() {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop>
            <C:filter><C:comp-filter name="VCALENDAR"><C:time-range start="20270101T000000Z" end="20270201T000000Z"/></C:comp-filter></C:filter></C:calendar-query>
            """
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 403)
        #expect(response.text.contains("valid-filter"))
    }
}
