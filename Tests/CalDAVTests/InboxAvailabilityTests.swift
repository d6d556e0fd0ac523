import DAVXML
import Storage
import Testing
@testable import CalDAV

/// calendar-availability on the inbox and its effect on free-busy (RFC 7953 §4–§7).
@Suite struct InboxAvailabilityTests {
    static let stamp = "DTSTAMP:20261125T082437Z"

    /// Berlin office hours, 9–17 Monday to Friday, from 2027 on.
    static let berlin = vcalendar(component("VAVAILABILITY", [
        "UID:work", stamp, "DTSTART;TZID=Europe/Berlin:20270101T000000",
        "BEGIN:AVAILABLE", "UID:work-hours", stamp,
        "DTSTART;TZID=Europe/Berlin:20270104T090000", "DTEND;TZID=Europe/Berlin:20270104T170000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "END:AVAILABLE",
    ]))

    static func patch(_ value: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop><C:calendar-availability>"
            + XMLText.escape(value) + "</C:calendar-availability></D:prop></D:set></D:propertyupdate>"
    }

    func withBerlinHours() -> TestServer {
        let test = TestServer()
        let response = test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch(Self.berlin))
        precondition(response.status == 207 && response.text.contains("200"), response.text)
        return test
    }

    func busy(_ test: TestServer, _ start: String, _ end: String, path: String = "/calendars/alice/") -> [String] {
        let response = test.report(Query.freeBusy(start, end), path: path)
        #expect(response.status == 200, "\(response.text)")
        return Query.busyLines(response)
    }

    @Test func ownerWritesAndReadsIt() {
        let test = withBerlinHours()
        let read = test.send("PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "0"], body: propfind("<C:calendar-availability/>"))
        #expect(read.status == 207)
        #expect(read.text.contains("BEGIN:VAVAILABILITY"))
        #expect(read.text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"))
        let rows = try! test.store.deadProperties(path: "calendars/alice/inbox")
        #expect(rows.contains { $0.name == "{urn:ietf:params:xml:ns:caldav}calendar-availability" && $0.valueType == 1 })
    }

    @Test func othersMayNotWriteButWriteProxiesMay() throws {
        let test = TestServer()
        #expect(test.send("PROPPATCH", "/calendars/alice/inbox/", as: "bob", body: Self.patch(Self.berlin)).status == 403)
        #expect(test.send("PROPFIND", "/calendars/alice/inbox/", as: "bob", headers: ["Depth": "0"], body: propfind("<C:calendar-availability/>")).status == 403)
        #expect(try test.store.deadProperties(path: "calendars/alice/inbox").isEmpty)
        let bob = try #require(try test.store.principal(uri: "principals/bob"))
        let group = try #require(try test.store.principal(uri: "principals/alice/calendar-proxy-write"))
        try test.store.setMembers(of: group.id, to: [bob.id])
        let proxied = test.send("PROPPATCH", "/calendars/alice/inbox/", as: "bob", body: Self.patch(Self.berlin))
        #expect(proxied.status == 207)
        #expect(proxied.text.contains("HTTP/1.1 200"))
    }

    @Test func invalidAvailabilityIsRefused() throws {
        let test = TestServer()
        let notAvailability = test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch(event(uid: "x")))
        #expect(notAvailability.text.contains("HTTP/1.1 403"))
        let garbage = test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch("hello"))
        #expect(garbage.text.contains("HTTP/1.1 403"))
        #expect(try test.store.deadProperties(path: "calendars/alice/inbox").isEmpty)
    }

    @Test func oversizedAvailabilityIsRefused() throws {
        let test = TestServer()
        var many = ""
        for index in 0..<30 {
            many += component("VAVAILABILITY", ["UID:a\(index)", Self.stamp, "DTSTART:20270101T000000Z"])
        }
        let response = test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch(vcalendar(many)))
        #expect(response.text.contains("HTTP/1.1 403"))
        #expect(try test.store.deadProperties(path: "calendars/alice/inbox").isEmpty)
    }

    @Test func calendarServerNamespaceIsReadAsAFallback() throws {
        let test = TestServer()
        try test.store.setDeadProperty(DeadProperty(
            path: "calendars/alice/inbox", name: "{http://calendarserver.org/ns/}calendar-availability", valueType: 1,
            value: Array(Self.berlin.utf8)))
        #expect(busy(test, "20270308T050000Z", "20270309T050000Z").count == 2)
    }

    /// Berlin 9–17 as seen by someone in New York: Europe and the US change clocks on different Sundays.
    @Test func berlinHoursSeenFromNewYorkAcrossBothDSTSwitches() {
        let test = withBerlinHours()
        test.put("review.ics", event(uid: "review", start: "20270315T100000Z", end: "20270315T110000Z"))
        // Monday 8 March: both on winter time. New York day = 05:00Z–05:00Z; Berlin 9–17 = 08:00Z–16:00Z.
        #expect(
            busy(test, "20270308T050000Z", "20270309T050000Z") == [
                "BUSY-UNAVAILABLE 20270308T050000Z/20270308T080000Z", "BUSY-UNAVAILABLE 20270308T160000Z/20270309T050000Z",
            ])
        // Monday 15 March: New York on summer time (day 04:00Z), Berlin still winter; the event is BUSY on top.
        #expect(
            busy(test, "20270315T040000Z", "20270316T040000Z") == [
                "BUSY-UNAVAILABLE 20270315T040000Z/20270315T080000Z", "BUSY 20270315T100000Z/20270315T110000Z",
                "BUSY-UNAVAILABLE 20270315T160000Z/20270316T040000Z",
            ])
        // Monday 29 March: both on summer time; Berlin 9–17 = 07:00Z–15:00Z.
        #expect(
            busy(test, "20270329T040000Z", "20270330T040000Z") == [
                "BUSY-UNAVAILABLE 20270329T040000Z/20270329T070000Z", "BUSY-UNAVAILABLE 20270329T150000Z/20270330T040000Z",
            ])
        // Monday 1 November: Europe back on winter time (31 Oct), New York not until 7 November.
        #expect(
            busy(test, "20271101T040000Z", "20271102T040000Z") == [
                "BUSY-UNAVAILABLE 20271101T040000Z/20271101T080000Z", "BUSY-UNAVAILABLE 20271101T160000Z/20271102T040000Z",
            ])
        // Monday 8 November: both on winter time again.
        #expect(
            busy(test, "20271108T050000Z", "20271109T050000Z") == [
                "BUSY-UNAVAILABLE 20271108T050000Z/20271108T080000Z", "BUSY-UNAVAILABLE 20271108T160000Z/20271109T050000Z",
            ])
        // Saturday 13 March: unavailable all day.
        #expect(busy(test, "20270313T050000Z", "20270314T050000Z") == ["BUSY-UNAVAILABLE 20270313T050000Z/20270314T050000Z"])
        // Before the VAVAILABILITY starts nothing is unavailable.
        #expect(busy(test, "20261214T050000Z", "20261215T050000Z").isEmpty)
        // The calendar-level REPORT applies the owner's availability too.
        #expect(busy(test, "20270308T050000Z", "20270309T050000Z", path: "/calendars/alice/default/").count == 2)
    }

    /// Floating working hours are read in the user's calendar-timezone.
    @Test func floatingHoursFollowTheUsersCalendarZone() throws {
        let test = TestServer()
        var instance = try #require(try test.store.calendar(ofPrincipal: "principals/alice", named: "default"))
        instance.properties.timezone = TestServer.calendarTimezone("Europe/Berlin")
        try test.store.updateCalendar(instance.id, properties: instance.properties)
        let floating = Self.berlin.replacingOccurrences(of: ";TZID=Europe/Berlin", with: "")
        #expect(test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch(floating)).text.contains("HTTP/1.1 200"))
        #expect(
            busy(test, "20270329T040000Z", "20270330T040000Z") == [
                "BUSY-UNAVAILABLE 20270329T040000Z/20270329T070000Z", "BUSY-UNAVAILABLE 20270329T150000Z/20270330T040000Z",
            ])
    }

    @Test func higherPriorityOverridesOneWeek() {
        let test = TestServer()
        let special = component("VAVAILABILITY", [
            "UID:conference", Self.stamp, "PRIORITY:1",
            "DTSTART;TZID=Europe/Berlin:20270315T000000", "DTEND;TZID=Europe/Berlin:20270320T000000",
            "BEGIN:AVAILABLE", "UID:conference-slot", Self.stamp,
            "DTSTART;TZID=Europe/Berlin:20270315T120000", "DTEND;TZID=Europe/Berlin:20270315T140000",
            "RRULE:FREQ=DAILY;COUNT=5", "END:AVAILABLE",
        ])
        let both = Self.berlin.replacingOccurrences(of: "END:VCALENDAR\r\n", with: special + "END:VCALENDAR\r\n")
        let response = test.send("PROPPATCH", "/calendars/alice/inbox/", body: Self.patch(both))
        #expect(response.text.contains("HTTP/1.1 200"))
        #expect(
            busy(test, "20270316T000000Z", "20270317T000000Z") == [
                "BUSY-UNAVAILABLE 20270316T000000Z/20270316T110000Z", "BUSY-UNAVAILABLE 20270316T130000Z/20270317T000000Z",
            ])
        #expect(
            busy(test, "20270322T000000Z", "20270323T000000Z") == [
                "BUSY-UNAVAILABLE 20270322T000000Z/20270322T080000Z", "BUSY-UNAVAILABLE 20270322T160000Z/20270323T000000Z",
            ])
    }

    /// sabre may have stored the property as inner XML (2) or as a PHP serialize()d object (3).
    @Test func sabreStoredValueTypesGiveTheSameAnswer() throws {
        let reference = busy(withBerlinHours(), "20270315T040000Z", "20270316T040000Z")
        #expect(reference.count == 2)
        let escaped = XMLText.escape(Self.berlin).replacingOccurrences(of: "\r", with: "&#13;")
        let bytes = Self.berlin.utf8.count
        let serialized = "O:40:\"Sabre\\CalDAV\\Xml\\Property\\Availability\":1:{s:5:\"value\";s:\(bytes):\"\(Self.berlin)\";}"
        for (type, value) in [(2, escaped), (3, serialized)] {
            let test = TestServer()
            try test.store.setDeadProperty(DeadProperty(
                path: "calendars/alice/inbox", name: "{urn:ietf:params:xml:ns:caldav}calendar-availability", valueType: type,
                value: Array(value.utf8)))
            #expect(busy(test, "20270315T040000Z", "20270316T040000Z") == reference, "valuetype \(type)")
            let read = test.send("PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "0"], body: propfind("<C:calendar-availability/>"))
            #expect(read.text.contains("BEGIN:VAVAILABILITY"), "valuetype \(type)")
        }
    }

    /// RFC 7953 §4: VAVAILABILITY objects in a calendar collection apply as well.
    @Test func availabilityObjectsInACalendar() {
        let test = TestServer()
        let mkcalendar = """
            <?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Hours</D:displayname><C:supported-calendar-component-set><C:comp name="VAVAILABILITY"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>
            """
        #expect(test.send("MKCALENDAR", "/calendars/alice/hours/", body: mkcalendar).status == 201)
        test.put("hours.ics", Self.berlin, calendar: "hours")
        #expect(busy(test, "20270308T050000Z", "20270309T050000Z").count == 2)
        let query = Query.body("<C:comp-filter name=\"VAVAILABILITY\"/>")
        #expect(Query.names(test.report(query, path: "/calendars/alice/hours/")) == ["hours.ics"])
    }

    /// A SECONDLY AVAILABLE in thousands of VAVAILABILITY components stays cheap.
    @Test func hostileAvailabilityIsBounded() throws {
        let test = TestServer()
        var components = ""
        for index in 0..<3000 {
            components += component("VAVAILABILITY", [
                "UID:h\(index)", Self.stamp, "DTSTART:20270101T000000Z",
                "BEGIN:AVAILABLE", "UID:s\(index)", Self.stamp, "DTSTART:20270101T000000Z", "DTEND:20270101T000001Z",
                "RRULE:FREQ=SECONDLY;INTERVAL=2", "END:AVAILABLE",
            ])
        }
        try test.store.setDeadProperty(DeadProperty(
            path: "calendars/alice/inbox", name: "{urn:ietf:params:xml:ns:caldav}calendar-availability", valueType: 1,
            value: Array(vcalendar(components).utf8)))
        let clock = ContinuousClock()
        let started = clock.now
        let response = test.report(Query.freeBusy("20270301T000000Z", "20270401T000000Z"), path: "/calendars/alice/")
        let elapsed = clock.now - started
        #expect(response.status == 200)
        #expect(elapsed < .seconds(10))
        #expect(Query.busyLines(response).first?.hasPrefix("BUSY-UNAVAILABLE") == true)
    }
}

/// Decoding the stored property in each of sabre's value types (RFC 7953 §7.2.4 as sabre keeps it).
@Suite struct InboxAvailabilityDecodingTests {
    func row(_ type: Int, _ value: String) -> DeadProperty {
        DeadProperty(path: "calendars/alice/inbox", name: InboxAvailability.name.clark, valueType: type, value: Array(value.utf8))
    }

    @Test func plainInnerXMLAndSerialized() {
        let text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
        #expect(InboxAvailability.text(of: row(1, text)) == text)
        #expect(InboxAvailability.text(of: row(2, "BEGIN:VCALENDAR&#13;\nEND:VCALENDAR&#13;\n")) == text)
        #expect(InboxAvailability.text(of: row(2, "<![CDATA[BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n]]>"))?.contains("BEGIN:VCALENDAR") == true)
        let serialized = "O:8:\"stdClass\":2:{s:4:\"name\";s:5:\"other\";s:5:\"value\";s:\(text.utf8.count):\"\(text)\";}"
        #expect(InboxAvailability.text(of: row(3, serialized)) == text)
    }

    @Test func unreadableValuesGiveNothing() {
        #expect(InboxAvailability.text(of: row(2, "<unclosed")) == nil)
        #expect(InboxAvailability.text(of: row(3, "O:8:\"stdClass\":1:{s:5:\"value\";s:99:\"short\";}")) == nil)
    }

    @Test func validationNamesWhatIsWrong() {
        #expect(throws: (any Error).self) { try InboxAvailability.validated("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n") }
        let noUID = "BEGIN:VCALENDAR\r\nBEGIN:VAVAILABILITY\r\nDTSTAMP:20261125T082437Z\r\nEND:VAVAILABILITY\r\nEND:VCALENDAR\r\n"
        #expect(throws: (any Error).self) { try InboxAvailability.validated(noUID) }
        #expect(throws: Never.self) { try InboxAvailability.validated(InboxAvailabilityTests.berlin) }
    }
}
