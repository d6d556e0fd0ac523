import ICalendar
import Storage
import Testing
@testable import CalDAV

/// calendar-data partial retrieval, expansion and limits (RFC 4791 §9.6), Prefer/Brief (RFC 8144).
@Suite struct PartialDataTests {
    static let stamp = "DTSTAMP:20261125T082437Z"

    func weekly(_ test: TestServer) {
        test.put("weekly.ics", vcalendar(
            component("VEVENT", [
                "UID:weekly", Self.stamp, "SUMMARY:Standup", "DTSTART:20270104T090000Z", "DTEND:20270104T091500Z",
                "RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE:20270125T090000Z",
            ])
            + component("VEVENT", [
                "UID:weekly", Self.stamp, "RECURRENCE-ID:20270118T090000Z", "SUMMARY:Moved standup",
                "DTSTART:20270119T140000Z", "DTEND:20270119T141500Z",
            ])))
    }

    func query(_ calendarData: String, range: String = "") -> String {
        Query.body(Query.events(range), props: "<D:getetag/><C:calendar-data>\(calendarData)</C:calendar-data>")
    }

    @Test func expandAppliesOverridesAndExdates() {
        let test = TestServer()
        weekly(test)
        let text = test.report(query("<C:expand start=\"20270110T000000Z\" end=\"20270126T000000Z\"/>")).text
        #expect(text.contains("RECURRENCE-ID:20270111T090000Z"))
        #expect(text.contains("RECURRENCE-ID:20270118T090000Z"))
        #expect(text.contains("DTSTART:20270119T140000Z"))
        #expect(text.contains("SUMMARY:Moved standup"))
        #expect(!text.contains("20270125T090000Z"))
        #expect(!text.contains("RRULE"))
        #expect(!text.contains("EXDATE"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
    }

    @Test func expandReadsFloatingTimesInTheCalendarZone() {
        let test = TestServer()
        test.put("f.ics", vcalendar(component("VEVENT", [
            "UID:f", Self.stamp, "DTSTART:20270210T090000", "DTEND:20270210T100000", "RRULE:FREQ=DAILY;COUNT=2",
        ])))
        var instance = try! test.store.calendar(ofPrincipal: "principals/alice", named: "default")!
        instance.properties.timezone = TestServer.calendarTimezone("Europe/Berlin")
        try! test.store.updateCalendar(instance.id, properties: instance.properties)
        let text = test.report(query("<C:expand start=\"20270201T000000Z\" end=\"20270301T000000Z\"/>")).text
        #expect(text.contains("DTSTART:20270210T080000Z"))
        #expect(text.contains("RECURRENCE-ID:20270211T080000Z"))
    }

    @Test func limitRecurrenceSetKeepsMasterAndOverlappingOverrides() {
        let test = TestServer()
        weekly(test)
        let later = test.report(query("<C:limit-recurrence-set start=\"20270201T000000Z\" end=\"20270301T000000Z\"/>")).text
        #expect(later.contains("RRULE:FREQ=WEEKLY"))
        #expect(!later.contains("Moved standup"))
        let january = test.report(query("<C:limit-recurrence-set start=\"20270119T000000Z\" end=\"20270120T000000Z\"/>")).text
        #expect(january.contains("Moved standup"))
    }

    @Test func limitFreeBusySetTrimsPeriods() throws {
        let test = TestServer()
        try test.store.createCalendar(
            principalURI: "principals/alice", uri: "fb", properties: CalendarProperties(displayName: "FB"), components: ["VFREEBUSY"])
        test.put("fb.ics", vcalendar(component("VFREEBUSY", [
            "UID:fb", Self.stamp, "DTSTART:20270201T000000Z", "DTEND:20270301T000000Z",
            "FREEBUSY:20270202T100000Z/PT1H,20270215T100000Z/PT1H", "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270220T100000Z/PT1H",
        ])), calendar: "fb")
        let body = Query.body(
            "<C:comp-filter name=\"VFREEBUSY\"/>",
            props: "<C:calendar-data><C:limit-freebusy-set start=\"20270210T000000Z\" end=\"20270216T000000Z\"/></C:calendar-data>")
        let text = test.report(body, path: "/calendars/alice/fb/").text
        #expect(text.contains("20270215T100000Z/PT1H"))
        #expect(!text.contains("20270202T100000Z"))
        #expect(!text.contains("BUSY-TENTATIVE"))
    }

    @Test func compAndPropSelection() {
        let test = TestServer()
        test.put("a.ics", vcalendar(component("VEVENT", [
            "UID:a", Self.stamp, "SUMMARY:Secret plans", "DTSTART:20270203T150000Z", "DTEND:20270203T160000Z",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:x", "TRIGGER:-PT5M", "END:VALARM",
        ])))
        let selection = """
            <C:comp name="VCALENDAR"><C:allprop/><C:comp name="VEVENT"><C:prop name="UID"/><C:prop name="SUMMARY" novalue="yes"/><C:comp name="VALARM"><C:prop name="ACTION"/></C:comp></C:comp></C:comp>
            """
        let text = test.report(query(selection)).text
        #expect(text.contains("UID:a"))
        #expect(text.contains("SUMMARY:\r\n") || text.contains("SUMMARY:\n") || text.contains("SUMMARY:&#13;"))
        #expect(!text.contains("Secret plans"))
        #expect(!text.contains("DTSTART"))
        #expect(text.contains("BEGIN:VALARM") && text.contains("ACTION:DISPLAY"))
        #expect(!text.contains("TRIGGER"))
        #expect(text.contains("PRODID"))
        let all = test.report(query("<C:comp name=\"VCALENDAR\"><C:allprop/><C:allcomp/></C:comp>")).text
        #expect(all.contains("TRIGGER") && all.contains("Secret plans"))
    }

    @Test func partialDataInMultigetAndSync() {
        let test = TestServer()
        weekly(test)
        let multiget = """
            <?xml version="1.0" encoding="utf-8"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data><C:expand start="20270111T000000Z" end="20270112T000000Z"/></C:calendar-data></D:prop><D:href>/calendars/alice/default/weekly.ics</D:href></C:calendar-multiget>
            """
        let text = test.report(multiget).text
        #expect(text.contains("RECURRENCE-ID:20270111T090000Z"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
        let sync = """
            <?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:sync-token/><D:sync-level>1</D:sync-level><D:prop><C:calendar-data><C:comp name="VCALENDAR"><C:comp name="VEVENT"><C:prop name="UID"/></C:comp></C:comp></C:calendar-data></D:prop></D:sync-collection>
            """
        let synced = test.send("REPORT", "/calendars/alice/default/", headers: ["Depth": "1"], body: sync).text
        #expect(synced.contains("UID:weekly"))
        #expect(!synced.contains("Standup"))
        #expect(!synced.contains("RRULE"))
    }

    @Test func expansionBeyondMaxInstancesIsRefused() {
        let test = TestServer()
        weekly(test)
        test.configuration.maxInstances = 3
        test.server = test.makeServer()
        let response = test.report(query("<C:expand start=\"20270101T000000Z\" end=\"20270401T000000Z\"/>"))
        #expect(response.status == 403)
        #expect(response.text.contains("max-instances"))
        let small = test.report(query("<C:expand start=\"20270101T000000Z\" end=\"20270112T000000Z\"/>"))
        #expect(small.status == 207)
    }

    @Test func preferReturnMinimalDropsMissingProperties() {
        let test = TestServer()
        test.put("a.ics", event(uid: "a"))
        let body = propfind("<D:getetag/><D:x-missing/>")
        let full = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1"], body: body)
        #expect(full.text.contains("404"))
        #expect(full.header("Preference-Applied") == nil)
        let minimal = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1", "Prefer": "return=minimal"], body: body)
        #expect(minimal.status == 207)
        #expect(!minimal.text.contains("404"))
        #expect(minimal.text.contains("getetag"))
        #expect(minimal.header("Preference-Applied") == "return=minimal")
        let brief = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1", "Brief": "t"], body: body)
        #expect(!brief.text.contains("404"))
        let report = test.report(
            Query.body(Query.events(), props: "<D:getetag/><D:x-missing/>"), headers: ["Prefer": "return=minimal"])
        #expect(!report.text.contains("404"))
        #expect(report.header("Preference-Applied") == "return=minimal")
        let onlyMissing = test.report(Query.body(Query.events(), props: "<D:x-missing/>"), headers: ["Prefer": "return=minimal"])
        #expect(onlyMissing.text.contains("<d:href>/calendars/alice/default/a.ics</d:href><d:status>HTTP/1.1 200 OK</d:status>"))
    }
}
