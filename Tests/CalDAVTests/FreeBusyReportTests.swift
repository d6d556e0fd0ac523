import Storage
import Testing
@testable import CalDAV

/// free-busy-query on calendars and calendar homes (RFC 4791 §7.10).
@Suite struct FreeBusyReportTests {
    static let stamp = "DTSTAMP:20261125T082437Z"

    func seeded() throws -> TestServer {
        let test = TestServer()
        try test.store.createCalendar(
            principalURI: "principals/alice", uri: "holidays",
            properties: CalendarProperties(displayName: "Holidays", transparent: true), components: ["VEVENT"])
        test.put("a.ics", event(uid: "a"))
        test.put("tentative.ics", vcalendar(component("VEVENT", [
            "UID:t", Self.stamp, "STATUS:TENTATIVE", "DTSTART:20270204T100000Z", "DTEND:20270204T110000Z",
        ])))
        test.put("free.ics", vcalendar(component("VEVENT", [
            "UID:f", Self.stamp, "TRANSP:TRANSPARENT", "DTSTART:20270205T100000Z", "DTEND:20270205T110000Z",
        ])))
        test.put("weekly.ics", vcalendar(component("VEVENT", [
            "UID:w", Self.stamp, "DTSTART:20270101T120000Z", "DURATION:PT30M", "RRULE:FREQ=WEEKLY",
        ])))
        test.put("h.ics", event(uid: "h", start: "20270206T000000Z", end: "20270207T000000Z"), calendar: "holidays")
        return test
    }

    @Test func calendarAnswerHasEveryKindOfBusy() throws {
        let test = try seeded()
        let response = test.report(Query.freeBusy("20270201T000000Z", "20270210T000000Z"))
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(
            Query.busyLines(response) == [
                "BUSY 20270203T150000Z/20270203T160000Z",
                "BUSY-TENTATIVE 20270204T100000Z/20270204T110000Z",
                "BUSY 20270205T120000Z/20270205T123000Z",
            ])
        #expect(response.text.contains("DTSTART:20270201T000000Z"))
    }

    @Test func homeAnswerSkipsTransparentCalendars() throws {
        let test = try seeded()
        let home = test.report(Query.freeBusy("20270201T000000Z", "20270210T000000Z"), path: "/calendars/alice/")
        #expect(home.status == 200)
        #expect(Query.busyLines(home).count == 3)
        let holidays = test.report(Query.freeBusy("20270201T000000Z", "20270210T000000Z"), path: "/calendars/alice/holidays/")
        #expect(Query.busyLines(holidays) == ["BUSY 20270206T000000Z/20270207T000000Z"])
    }

    /// sabre may keep schedule-calendar-transp as a serialized object in propertystorage instead of the column.
    @Test func sabreSerializedTransparencyCounts() throws {
        let test = try seeded()
        let serialized = "O:48:\"Sabre\\CalDAV\\Xml\\Property\\ScheduleCalendarTransp\":1:{s:8:\"\u{0}*\u{0}value\";s:11:\"transparent\";}"
        try test.store.setDeadProperty(DeadProperty(
            path: "calendars/alice/default", name: "{urn:ietf:params:xml:ns:caldav}schedule-calendar-transp", valueType: 3,
            value: Array(serialized.utf8)))
        let home = test.report(Query.freeBusy("20270201T000000Z", "20270210T000000Z"), path: "/calendars/alice/")
        #expect(home.status == 200)
        #expect(Query.busyLines(home).isEmpty)
    }

    @Test func othersNeedReadFreeBusy() throws {
        let test = try seeded()
        let body = Query.freeBusy("20270201T000000Z", "20270210T000000Z")
        #expect(test.report(body, as: "bob").status == 403)
        #expect(test.report(body, path: "/calendars/alice/", as: "bob").status == 403)
        // A read proxy may read, and so read free-busy.
        let bob = try #require(try test.store.principal(uri: "principals/bob"))
        let group = try #require(try test.store.principal(uri: "principals/alice/calendar-proxy-read"))
        try test.store.setMembers(of: group.id, to: [bob.id])
        #expect(test.report(body, as: "bob").status == 200)
        #expect(Query.busyLines(test.report(body, path: "/calendars/alice/", as: "bob")).count == 3)
    }

    @Test func floatingEventsFollowTheCalendarTimezone() throws {
        let test = TestServer()
        var instance = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "default"))
        instance.properties.timezone = TestServer.calendarTimezone("Europe/Berlin")
        try test.store.updateCalendar(instance.id, properties: instance.properties)
        test.put("local.ics", vcalendar(component("VEVENT", [
            "UID:local", Self.stamp, "DTSTART:20270210T090000", "DTEND:20270210T100000",
        ])))
        // 09:00 in Berlin is 08:00Z; the index, reading it as 09:00Z, must not hide it from this window.
        #expect(Query.busyLines(test.report(Query.freeBusy("20270210T070000Z", "20270210T083000Z"), path: "/calendars/alice/"))
            == ["BUSY 20270210T080000Z/20270210T083000Z"])
    }

    @Test func aTimeRangeIsRequired() throws {
        let test = try seeded()
        let open = "<?xml version=\"1.0\"?><C:free-busy-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:time-range start=\"20270201T000000Z\"/></C:free-busy-query>"
        #expect(test.report(open).status == 403)
    }

    @Test func serviceMasksTheRescheduledEvent() throws {
        let test = try seeded()
        let service = FreeBusyService(store: test.store)
        let start: Int64 = 1_801_440_000  // 2027-02-01T00:00Z
        let all = try service.busyPeriods(ofPrincipal: "principals/alice", in: start..<(start + 9 * 86_400))
        let masked = try service.busyPeriods(ofPrincipal: "principals/alice", in: start..<(start + 9 * 86_400), maskUID: "a")
        #expect(all.count == 3)
        #expect(masked.count == 2)
        let vfreebusy = try service.vfreebusy(
            ofPrincipal: "principals/alice", in: start..<(start + 86_400 * 9), dtstamp: start,
            properties: [.init("UID", rawValue: "fb-1")])
        #expect(vfreebusy.name == "VFREEBUSY")
        #expect(vfreebusy.properties(named: "FREEBUSY").count == 3)
    }
}
