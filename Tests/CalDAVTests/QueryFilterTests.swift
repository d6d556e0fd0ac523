import Storage
import Testing
@testable import CalDAV

/// calendar-query filters end to end over the engine (RFC 4791 §7.8, §9.7, §9.9).
@Suite struct QueryFilterTests {
    static let stamp = "DTSTAMP:20261125T082437Z"

    /// alice's default calendar with a meeting, a weekly series with an override and an EXDATE,
    /// a floating event, a task, a German summary, an all-day event and an open-ended daily series.
    func seeded() -> TestServer {
        let test = TestServer()
        test.put("meeting.ics", vcalendar(component("VEVENT", [
            "UID:meeting", Self.stamp, "SUMMARY:Budget Review", "LOCATION:Room 1", "CATEGORIES:WORK",
            "DTSTART:20270203T150000Z", "DTEND:20270203T160000Z",
            "ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob:mailto:bob@example.com",
        ] + ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:soon", "TRIGGER:-PT15M", "END:VALARM"])))
        test.put("weekly.ics", vcalendar(
            component("VEVENT", [
                "UID:weekly", Self.stamp, "SUMMARY:Standup", "DTSTART:20270104T090000Z", "DTEND:20270104T091500Z",
                "RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE:20270125T090000Z",
            ])
            + component("VEVENT", [
                "UID:weekly", Self.stamp, "RECURRENCE-ID:20270118T090000Z", "SUMMARY:Moved standup",
                "DTSTART:20270119T140000Z", "DTEND:20270119T141500Z",
            ])))
        test.put("floating.ics", vcalendar(component("VEVENT", [
            "UID:floating", Self.stamp, "SUMMARY:Local breakfast", "DTSTART:20270210T090000", "DTEND:20270210T100000",
        ])))
        test.put("todo.ics", vcalendar(component("VTODO", [
            "UID:todo", Self.stamp, "SUMMARY:Rotate credentials", "DUE:20270226T170000Z", "STATUS:NEEDS-ACTION",
        ])))
        test.put("arzt.ics", vcalendar(component("VEVENT", [
            "UID:arzt", Self.stamp, "SUMMARY:Ärztetermin", "DTSTART:20270305T080000Z", "DTEND:20270305T090000Z",
        ])))
        test.put("allday.ics", vcalendar(component("VEVENT", [
            "UID:allday", Self.stamp, "SUMMARY:Offsite", "DTSTART;VALUE=DATE:20270301", "DTEND;VALUE=DATE:20270302",
        ])))
        test.put("daily.ics", vcalendar(component("VEVENT", [
            "UID:daily", Self.stamp, "SUMMARY:Vitamins", "DTSTART:20260101T070000Z", "DURATION:PT5M", "RRULE:FREQ=DAILY",
        ])))
        return test
    }

    func names(_ test: TestServer, _ filter: String) -> Set<String> {
        let response = test.report(Query.body(filter))
        #expect(response.status == 207, "\(response.text)")
        return Query.names(response)
    }

    static let events: Set<String> = ["meeting.ics", "weekly.ics", "floating.ics", "arzt.ics", "allday.ics", "daily.ics"]

    @Test func componentTypesAndIsNotDefined() {
        let test = seeded()
        #expect(names(test, Query.events()) == Self.events)
        #expect(names(test, "<C:comp-filter name=\"VTODO\"/>") == ["todo.ics"])
        #expect(names(test, "<C:comp-filter name=\"VTODO\"><C:is-not-defined/></C:comp-filter>") == Self.events)
        #expect(names(test, "<C:comp-filter name=\"VJOURNAL\"/>").isEmpty)
    }

    @Test func nestedAlarmFilters() {
        let test = seeded()
        #expect(names(test, Query.events("<C:comp-filter name=\"VALARM\"/>")) == ["meeting.ics"])
        #expect(
            names(test, Query.events("<C:comp-filter name=\"VALARM\"><C:is-not-defined/></C:comp-filter>"))
                == Self.events.subtracting(["meeting.ics"]))
        // The alarm fires at 14:45Z, fifteen minutes before the meeting.
        let firing = Query.events("<C:comp-filter name=\"VALARM\">\(Query.range("20270203T144000Z", "20270203T145000Z"))</C:comp-filter>")
        #expect(names(test, firing) == ["meeting.ics"])
        let during = Query.events("<C:comp-filter name=\"VALARM\">\(Query.range("20270203T150000Z", "20270203T160000Z"))</C:comp-filter>")
        #expect(names(test, during).isEmpty)
    }

    @Test func propFiltersDefinedAndNot() {
        let test = seeded()
        #expect(names(test, Query.events("<C:prop-filter name=\"LOCATION\"/>")) == ["meeting.ics"])
        #expect(
            names(test, Query.events("<C:prop-filter name=\"LOCATION\"><C:is-not-defined/></C:prop-filter>"))
                == Self.events.subtracting(["meeting.ics"]))
        #expect(names(test, Query.events("<C:prop-filter name=\"X-NOTHING\"/>")).isEmpty)
    }

    @Test func textMatchCollationsAndNegation() {
        let test = seeded()
        func summary(_ match: String) -> String { Query.events("<C:prop-filter name=\"SUMMARY\">\(match)</C:prop-filter>") }
        #expect(names(test, summary("<C:text-match>budget</C:text-match>")) == ["meeting.ics"])
        #expect(names(test, summary("<C:text-match collation=\"i;ascii-casemap\">BUDGET REV</C:text-match>")) == ["meeting.ics"])
        #expect(names(test, summary("<C:text-match collation=\"i;octet\">budget</C:text-match>")).isEmpty)
        #expect(names(test, summary("<C:text-match collation=\"i;octet\">Budget</C:text-match>")) == ["meeting.ics"])
        #expect(
            names(test, summary("<C:text-match negate-condition=\"yes\">standup</C:text-match>"))
                == ["meeting.ics", "floating.ics", "arzt.ics", "allday.ics", "daily.ics"])
        // Ä folds to ä only under i;unicode-casemap.
        #expect(names(test, summary("<C:text-match collation=\"i;unicode-casemap\">ärztetermin</C:text-match>")) == ["arzt.ics"])
        #expect(names(test, summary("<C:text-match collation=\"i;ascii-casemap\">ärztetermin</C:text-match>")).isEmpty)
        #expect(names(test, summary("<C:text-match match-type=\"equals\">budget review</C:text-match>")) == ["meeting.ics"])
        #expect(names(test, summary("<C:text-match match-type=\"starts-with\">review</C:text-match>")).isEmpty)
    }

    @Test func categoriesMatchOneByOne() {
        let test = seeded()
        test.put("tagged.ics", vcalendar(component("VEVENT", [
            "UID:tagged", Self.stamp, "CATEGORIES:WORK,Personal", "DTSTART:20270401T080000Z", "DTEND:20270401T090000Z",
        ])))
        func categories(_ match: String) -> Set<String> {
            names(test, Query.events("<C:prop-filter name=\"CATEGORIES\">\(match)</C:prop-filter>"))
        }
        #expect(categories("<C:text-match match-type=\"equals\">personal</C:text-match>") == ["tagged.ics"])
        #expect(categories("<C:text-match match-type=\"equals\">work</C:text-match>") == ["meeting.ics", "tagged.ics"])
        #expect(categories("<C:text-match>ork,Pers</C:text-match>") == ["tagged.ics"])
        #expect(categories("<C:text-match negate-condition=\"yes\">personal</C:text-match>") == ["meeting.ics"])
        #expect(categories("<C:text-match match-type=\"equals\">private</C:text-match>").isEmpty)
    }

    @Test func unknownCollationIsRefused() {
        let test = seeded()
        let response = test.report(
            Query.body(Query.events("<C:prop-filter name=\"SUMMARY\"><C:text-match collation=\"i;klingon\">x</C:text-match></C:prop-filter>")))
        #expect(response.status == 403)
        #expect(response.text.contains("supported-collation"))
    }

    @Test func invalidFiltersAreRefused() {
        let test = seeded()
        let timedTop = Query.head + "<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">"
            + Query.range("20270101T000000Z", "20270201T000000Z") + "</C:comp-filter></C:filter></C:calendar-query>"
        #expect(test.report(timedTop).status == 403)
        let backwards = test.report(Query.body(Query.events(Query.range("20270201T000000Z", "20270101T000000Z"))))
        #expect(backwards.status == 403)
        #expect(backwards.text.contains("valid-filter"))
    }

    @Test func paramFilters() {
        let test = seeded()
        func attendee(_ inner: String) -> String { Query.events("<C:prop-filter name=\"ATTENDEE\">\(inner)</C:prop-filter>") }
        #expect(names(test, attendee("<C:param-filter name=\"PARTSTAT\"><C:text-match>accepted</C:text-match></C:param-filter>")) == ["meeting.ics"])
        #expect(names(test, attendee("<C:param-filter name=\"PARTSTAT\"><C:text-match>DECLINED</C:text-match></C:param-filter>")).isEmpty)
        #expect(names(test, attendee("<C:param-filter name=\"ROLE\"><C:is-not-defined/></C:param-filter>")) == ["meeting.ics"])
        #expect(names(test, attendee("<C:param-filter name=\"CN\"><C:is-not-defined/></C:param-filter>")).isEmpty)
        #expect(names(test, attendee("<C:param-filter name=\"CN\"/>")) == ["meeting.ics"])
    }

    @Test func propertyTimeRange() {
        let test = seeded()
        let due = "<C:comp-filter name=\"VTODO\"><C:prop-filter name=\"DUE\">\(Query.range("20270226T000000Z", "20270227T000000Z"))</C:prop-filter></C:comp-filter>"
        #expect(names(test, due) == ["todo.ics"])
        let late = "<C:comp-filter name=\"VTODO\"><C:prop-filter name=\"DUE\">\(Query.range("20270227T000000Z", "20270228T000000Z"))</C:prop-filter></C:comp-filter>"
        #expect(names(test, late).isEmpty)
    }

    @Test func recurringSeriesMatchByInstance() {
        let test = seeded()
        func inWindow(_ start: String, _ end: String, _ extra: String = "") -> Set<String> {
            names(test, Query.events(Query.range(start, end) + extra)).subtracting(["daily.ics"])
        }
        #expect(inWindow("20270111T000000Z", "20270112T000000Z") == ["weekly.ics"])
        // The 25th is excluded by EXDATE; the 18th moved to the 19th at 14:00.
        #expect(inWindow("20270125T000000Z", "20270126T000000Z").isEmpty)
        #expect(inWindow("20270118T080000Z", "20270118T100000Z").isEmpty)
        #expect(inWindow("20270119T133000Z", "20270119T150000Z") == ["weekly.ics"])
        // Past COUNT=10 (last instance 8 March) nothing.
        #expect(inWindow("20270316T000000Z", "20270320T000000Z").isEmpty)
        // Filters below a time-range are judged on the instance's own component.
        let moved = "<C:prop-filter name=\"SUMMARY\"><C:text-match>moved</C:text-match></C:prop-filter>"
        #expect(inWindow("20270119T000000Z", "20270120T000000Z", moved) == ["weekly.ics"])
        #expect(inWindow("20270111T000000Z", "20270112T000000Z", moved).isEmpty)
    }

    @Test func undatedTasksFollowCreatedAndCompleted() {
        let test = seeded()
        test.put("chore.ics", vcalendar(component("VTODO", [
            "UID:chore", Self.stamp, "SUMMARY:Water plants", "CREATED:20270101T000000Z",
        ])))
        func tasks(_ start: String, _ end: String, _ extra: String = "") -> Set<String> {
            names(test, "<C:comp-filter name=\"VTODO\">\(Query.range(start, end))\(extra)</C:comp-filter>")
        }
        let plants = "<C:prop-filter name=\"SUMMARY\"><C:text-match>plants</C:text-match></C:prop-filter>"
        #expect(tasks("20270301T000000Z", "20270302T000000Z").contains("chore.ics"))
        #expect(tasks("20270301T000000Z", "20270302T000000Z", plants) == ["chore.ics"])
        // Created after the window ends: no overlap (RFC 4791 §9.9, CREATED only: re > CREATED).
        #expect(tasks("20261201T000000Z", "20261202T000000Z", plants).isEmpty)
    }

    @Test func openEndedSeriesSpansAnyWindow() {
        let test = seeded()
        #expect(names(test, Query.events(Query.range("20300615T000000Z", "20300616T000000Z"))) == ["daily.ics"])
        #expect(names(test, Query.events(Query.range("20300615T071000Z", "20300616T065900Z"))).isEmpty)
        // Past 2038, where the index stops walking series, the series still matches.
        #expect(names(test, Query.events(Query.range("20600615T000000Z", "20600616T000000Z"))) == ["daily.ics"])
    }

    @Test func allDayEventsCoverTheirDay() {
        let test = seeded()
        let found = names(test, Query.events(Query.range("20270301T220000Z", "20270301T230000Z")))
        #expect(found.contains("allday.ics"))
        #expect(!names(test, Query.events(Query.range("20270302T000000Z", "20270302T010000Z"))).contains("allday.ics"))
    }

    @Test func floatingTimesFollowTheCalendarTimezone() {
        let test = seeded()
        // Without a calendar-timezone floating 09:00 is read as 09:00Z.
        let utcSlot = Query.events(Query.range("20270210T083000Z", "20270210T093000Z"))
        let newYorkSlot = Query.events(Query.range("20270210T133000Z", "20270210T143000Z"))
        #expect(names(test, utcSlot).contains("floating.ics"))
        #expect(!names(test, newYorkSlot).contains("floating.ics"))
        let patch = """
            <?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><C:calendar-timezone>\(TestServer.calendarTimezone("America/New_York"))</C:calendar-timezone></D:prop></D:set></D:propertyupdate>
            """
        #expect(test.send("PROPPATCH", "/calendars/alice/default/", body: patch).status == 207)
        #expect(!names(test, utcSlot).contains("floating.ics"))
        #expect(names(test, newYorkSlot).contains("floating.ics"))
        // A timezone-id in the request wins over the calendar's (RFC 7809): 09:00 in Tokyo is 00:00Z.
        let tokyo = test.report(
            Query.body(Query.events(Query.range("20270209T233000Z", "20270210T003000Z")), extra: "<C:timezone-id>Asia/Tokyo</C:timezone-id>"))
        #expect(Query.names(tokyo).contains("floating.ics"))
        let unknown = test.report(Query.body(Query.events(), extra: "<C:timezone-id>Mars/Olympus</C:timezone-id>"))
        #expect(unknown.status == 403)
        #expect(unknown.text.contains("valid-timezone"))
        // The RFC 4791 timezone element (a VCALENDAR with one VTIMEZONE) works the same way.
        let tokyoZone = XMLText.escape(TestServer.calendarTimezone("Asia/Tokyo"))
        let byElement = test.report(
            Query.body(Query.events(Query.range("20270209T233000Z", "20270210T003000Z")), extra: "<C:timezone>\(tokyoZone)</C:timezone>"))
        #expect(Query.names(byElement).contains("floating.ics"))
        let broken = test.report(Query.body(Query.events(), extra: "<C:timezone>not a calendar</C:timezone>"))
        #expect(broken.status == 403)
        #expect(broken.text.contains("valid-calendar-data"))
        let both = test.report(
            Query.body(Query.events(), extra: "<C:timezone>\(tokyoZone)</C:timezone><C:timezone-id>Asia/Tokyo</C:timezone-id>"))
        #expect(both.status == 400)
    }

    /// RFC 7809: the calendar's zone set by name; floating times follow it.
    @Test func calendarTimezoneIDProperty() {
        let test = seeded()
        let set = "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><C:calendar-timezone-id>Europe/Berlin</C:calendar-timezone-id></D:prop></D:set></D:propertyupdate>"
        #expect(test.send("PROPPATCH", "/calendars/alice/default/", body: set).text.contains("HTTP/1.1 200"))
        let read = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind("<C:calendar-timezone-id/><C:calendar-timezone/>"))
        #expect(read.text.contains(">Europe/Berlin<"))
        #expect(read.text.contains("TZID:Europe/Berlin"))
        // Floating 09:00 in Berlin is 08:00Z.
        #expect(names(test, Query.events(Query.range("20270210T073000Z", "20270210T083000Z"))).contains("floating.ics"))
        let unknown = set.replacingOccurrences(of: "Europe/Berlin", with: "Atlantis/Capital")
        #expect(test.send("PROPPATCH", "/calendars/alice/default/", body: unknown).text.contains("HTTP/1.1 403"))
    }

    @Test func queryOnOneObjectAndLimits() {
        let test = seeded()
        let one = test.report(Query.body(Query.events()), path: "/calendars/alice/default/meeting.ics", headers: ["Depth": "0"])
        #expect(Query.names(one) == ["meeting.ics"])
        let limited = test.report(
            Query.head + "<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">\(Query.events())</C:comp-filter></C:filter><D:limit><D:nresults>2</D:nresults></D:limit></C:calendar-query>")
        #expect(limited.text.contains("507"))
        #expect(limited.text.components(separatedBy: "<d:response>").count == 4)
    }

    @Test func deadPropertiesOfMatchesComeInOneGo() throws {
        let test = seeded()
        try test.store.setDeadProperty(DeadProperty(
            path: "calendars/alice/default/meeting.ics", name: "{urn:example}tag", valueType: 1, value: Array("red".utf8)))
        let response = test.report(Query.body(Query.events(), props: "<D:getetag/><X:tag xmlns:X=\"urn:example\"/>"))
        #expect(Query.names(response) == Self.events)
        #expect(response.text.contains(">red<"))
        #expect(response.text.components(separatedBy: "HTTP/1.1 404").count == Self.events.count)
    }

    @Test func othersCannotQuery() {
        let test = seeded()
        #expect(test.report(Query.body(Query.events()), as: "bob").status == 403)
    }
}
