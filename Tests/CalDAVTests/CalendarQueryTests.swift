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
        _ = test.send("PUT", "/calendars/alice/default/mar.ics", body: event(uid: "mar", summary: "Lunch", start: "20270305T120000Z", end: "20270305T130000Z"))
        let weekly = event(uid: "weekly", summary: "Standup", start: "20270104T090000Z", end: "20270104T091500Z")
            .replacingOccurrences(of: "DTEND:20270104T091500Z", with: "DTEND:20270104T091500Z\r\nRRULE:FREQ=WEEKLY;COUNT=20")
        _ = test.send("PUT", "/calendars/alice/default/weekly.ics", body: weekly)
        let todo = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:todo\r\nDTSTAMP:20261125T082442Z\r\nSUMMARY:Rotate credentials\r\nDUE:20270226T170000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
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
            body: query("<C:comp-filter name=\"VEVENT\"><C:time-range start=\"20270301T000000Z\" end=\"20270310T000000Z\"/></C:comp-filter>"))
        #expect(response.status == 207)
        #expect(hrefs(response) == ["/calendars/alice/default/mar.ics", "/calendars/alice/default/weekly.ics"])
        let none = test.send(
            "REPORT", "/calendars/alice/default/", headers: ["Depth": "1"],
            body: query("<C:comp-filter name=\"VEVENT\"><C:time-range start=\"20280101T000000Z\" end=\"20280201T000000Z\"/></C:comp-filter>"))
        #expect(hrefs(none).isEmpty)
    }

    @Test func componentTypeAndUIDMatch() {
        let test = seeded()
        let todos = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: query("<C:comp-filter name=\"VTODO\"/>"))
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
            body: query("<C:comp-filter name=\"VEVENT\"><C:prop-filter name=\"SUMMARY\"><C:text-match negate-condition=\"yes\">LUNCH</C:text-match></C:prop-filter></C:comp-filter>"))
        #expect(hrefs(bySummary) == ["/calendars/alice/default/feb.ics", "/calendars/alice/default/weekly.ics"])
    }

    @Test func topFilterMustBeVCalendar() {
        let test = seeded()
        let body = "<?xml version=\"1.0\"?><C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name=\"VEVENT\"/></C:filter></C:calendar-query>"
        let response = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(response.status == 403)
        #expect(response.text.contains("valid-filter"))
    }
}
