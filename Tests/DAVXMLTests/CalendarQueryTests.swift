import Testing

@testable import DAVXML

@Suite struct CalendarQueryTests {
    @Test func transcriptUIDTextMatch() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/></D:prop>
              <C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">
                <C:prop-filter name="UID"><C:text-match collation="i;octet">adfe35a6-21c2-4c1d-9639-d1a1bfed4d87</C:text-match></C:prop-filter>
              </C:comp-filter></C:comp-filter></C:filter>
            </C:calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.properties == .prop([.getETag]))
        #expect(query.calendarData == nil)
        let expected = CompFilter(
            name: "VCALENDAR",
            compFilters: [
                CompFilter(
                    name: "VEVENT",
                    propFilters: [
                        PropFilter(name: "UID", textMatch: TextMatch(text: "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87", collation: "i;octet"))
                    ])
            ])
        #expect(query.filter == expected)
    }

    @Test func thunderbirdTimeRangeWithDefaultNamespace() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <calendar-query xmlns:D="DAV:" xmlns="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/></D:prop>
              <filter><comp-filter name="VCALENDAR"><comp-filter name="VEVENT"><time-range start="20260101T000000Z"/></comp-filter></comp-filter></filter>
            </calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.filter.compFilters.first?.timeRange == DAVTimeRange(start: 1_767_225_600, end: nil))
    }

    @Test func davx5TaskQueryWithoutTimeRange() throws {
        let body = """
            <?xml version='1.0' encoding='UTF-8' ?><CAL:calendar-query xmlns="DAV:" xmlns:CAL="urn:ietf:params:xml:ns:caldav"><prop><getetag /></prop><CAL:filter><CAL:comp-filter name="VCALENDAR"><CAL:comp-filter name="VTODO" /></CAL:comp-filter></CAL:filter></CAL:calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.filter == CompFilter(name: "VCALENDAR", compFilters: [CompFilter(name: "VTODO")]))
    }

    @Test func rfc4791PartialRetrievalAndFullFilterGrammar() throws {
        // RFC 4791 §7.8.1 calendar-data selection with a filter exercising every element.
        let body = """
            <?xml version="1.0" encoding="utf-8" ?>
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop>
                <D:getetag/>
                <C:calendar-data content-type="text/calendar" version="2.0">
                  <C:comp name="VCALENDAR">
                    <C:prop name="VERSION"/>
                    <C:comp name="VEVENT">
                      <C:prop name="SUMMARY"/><C:prop name="UID"/><C:prop name="DTSTART"/><C:prop name="DTEND"/>
                      <C:prop name="DURATION"/><C:prop name="RRULE"/><C:prop name="RDATE"/><C:prop name="EXRULE"/>
                      <C:prop name="EXDATE"/><C:prop name="RECURRENCE-ID" novalue="yes"/>
                    </C:comp>
                    <C:comp name="VTIMEZONE"/>
                  </C:comp>
                  <C:limit-recurrence-set start="20060103T000000Z" end="20060105T000000Z"/>
                </C:calendar-data>
              </D:prop>
              <C:filter>
                <C:comp-filter name="VCALENDAR">
                  <C:comp-filter name="VEVENT">
                    <C:time-range start="20060104T000000Z" end="20060105T000000Z"/>
                    <C:prop-filter name="ATTENDEE">
                      <C:text-match collation="i;ascii-casemap" negate-condition="yes">mailto:lisa@example.com</C:text-match>
                      <C:param-filter name="PARTSTAT"><C:text-match match-type="equals">NEEDS-ACTION</C:text-match></C:param-filter>
                      <C:param-filter name="x-flag"><C:is-not-defined/></C:param-filter>
                    </C:prop-filter>
                    <C:prop-filter name="DTSTAMP"><C:time-range end="20060101T000000Z"/></C:prop-filter>
                    <C:prop-filter name="CLASS"><C:is-not-defined/></C:prop-filter>
                    <C:comp-filter name="VALARM"><C:is-not-defined/></C:comp-filter>
                  </C:comp-filter>
                </C:comp-filter>
              </C:filter>
              <C:timezone>BEGIN:VCALENDAR
            END:VCALENDAR</C:timezone>
            </C:calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.properties == .prop([.getETag, .calendarData]))
        let data = try #require(query.calendarData)
        #expect(data.contentType == "text/calendar")
        #expect(data.version == "2.0")
        #expect(!data.isPlain)
        #expect(data.limitRecurrenceSet == DAVTimeRange(start: 1_136_246_400, end: 1_136_419_200))
        let calendar = try #require(data.component)
        #expect(calendar.name == "VCALENDAR")
        #expect(!calendar.allProperties)
        #expect(calendar.properties == [ComponentSelection.Property(name: "VERSION")])
        #expect(!calendar.allComponents)
        #expect(calendar.components.map(\.name) == ["VEVENT", "VTIMEZONE"])
        let event = calendar.components[0]
        #expect(event.properties.count == 10)
        #expect(event.properties.last == ComponentSelection.Property(name: "RECURRENCE-ID", noValue: true))
        // A comp with neither prop nor comp selectors returns everything.
        #expect(calendar.components[1].allProperties && calendar.components[1].allComponents)

        let vevent = try #require(query.filter.compFilters.first)
        #expect(vevent.timeRange == DAVTimeRange(start: 1_136_332_800, end: 1_136_419_200))
        #expect(vevent.propFilters.map(\.name) == ["ATTENDEE", "DTSTAMP", "CLASS"])
        let attendee = vevent.propFilters[0]
        #expect(attendee.textMatch == TextMatch(text: "mailto:lisa@example.com", negate: true))
        #expect(attendee.paramFilters == [
            ParamFilter(name: "PARTSTAT", textMatch: TextMatch(text: "NEEDS-ACTION", matchType: .equals)),
            ParamFilter(name: "X-FLAG", isNotDefined: true),
        ])
        #expect(vevent.propFilters[1].timeRange == DAVTimeRange(start: nil, end: 1_136_073_600))
        #expect(vevent.propFilters[2].isNotDefined)
        #expect(vevent.compFilters == [CompFilter(name: "VALARM", isNotDefined: true)])
        #expect(query.timezone == "BEGIN:VCALENDAR\nEND:VCALENDAR")
    }

    @Test func pythonCaldavExpand() throws {
        let body = """
            <?xml version='1.0' encoding='utf-8'?>
            <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:D="DAV:"><D:prop><C:calendar-data><C:expand start="20060103T000000Z" end="20060105T000000Z"/></C:calendar-data></D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20060103T000000Z" end="20060105T000000Z"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.calendarData?.expand == DAVTimeRange(start: 1_136_246_400, end: 1_136_419_200))
        #expect(query.calendarData?.component == nil)
    }

    @Test func plainCalendarDataAndTimezoneID() throws {
        let body = """
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data/></D:prop>
            <C:filter><C:comp-filter name="vcalendar"/></C:filter><C:timezone-id> Europe/Berlin </C:timezone-id></C:calendar-query>
            """
        let query = try CalendarQuery.parse(bytes(body))
        #expect(query.calendarData?.isPlain == true)
        #expect(query.filter.name == "VCALENDAR")
        #expect(query.timezoneID == "Europe/Berlin")
    }

    @Test func badFiltersAreTyped() {
        let noFilter = "<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/></D:prop></C:calendar-query>"
        #expect(throws: DAVXMLError.missingElement(.filter)) { try CalendarQuery.parse(bytes(noFilter)) }
        let badTime = """
            <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:filter><C:comp-filter name="VCALENDAR"><C:time-range start="2006-01-03"/></C:comp-filter></C:filter></C:calendar-query>
            """
        #expect(throws: DAVXMLError.invalidValue(element: .timeRange, value: "2006-01-03")) { try CalendarQuery.parse(bytes(badTime)) }
        let emptyRange = """
            <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:filter><C:comp-filter name="VCALENDAR"><C:time-range/></C:comp-filter></C:filter></C:calendar-query>
            """
        #expect(throws: DAVXMLError.invalidValue(element: .timeRange, value: "")) { try CalendarQuery.parse(bytes(emptyRange)) }
        let halfExpand = """
            <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data><C:expand start="20060103T000000Z"/></C:calendar-data></D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>
            """
        #expect(throws: DAVXMLError.invalidValue(element: .expand, value: "")) { try CalendarQuery.parse(bytes(halfExpand)) }
        let noName = """
            <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:filter><C:comp-filter/></C:filter></C:calendar-query>
            """
        #expect(throws: DAVXMLError.invalidValue(element: .compFilter, value: "")) { try CalendarQuery.parse(bytes(noName)) }
        let badMatchType = """
            <C:calendar-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:filter><C:comp-filter name="VCALENDAR"><C:prop-filter name="UID"><C:text-match match-type="regex">x</C:text-match></C:prop-filter></C:comp-filter></C:filter></C:calendar-query>
            """
        #expect(throws: DAVXMLError.invalidValue(element: .textMatch, value: "regex")) { try CalendarQuery.parse(bytes(badMatchType)) }
    }

    @Test(arguments: [
        ("19700101T000000Z", Int64(0)), ("20060104T000000Z", 1_136_332_800), ("20270301T013000Z", 1_803_864_600),
        ("20000229T235959Z", 951_868_799), ("19691231T235959Z", -1), ("20060104T000000", 1_136_332_800),
    ])
    func utcDateTimesConvertToEpochSeconds(_ text: String, _ seconds: Int64) {
        #expect(DAVTimeRange.seconds(fromUTC: text) == seconds)
    }

    @Test(arguments: ["20060104", "20061304T000000Z", "20060104T250000Z", "2006010AT000000Z", "20060104T000000+", ""])
    func badDateTimesAreRejected(_ text: String) {
        #expect(DAVTimeRange.seconds(fromUTC: text) == nil)
    }

    @Test func thunderbirdMultigetKeepsHrefsAsSent() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:prop><D:getetag/><C:calendar-data/></D:prop>
              <D:href>/calendars/erin/calendar/e205eef4-a155-405b-a93a-347cab1d3b5a.ics</D:href>
              <D:href> /calendars/frank/calendar/hakone%20offsite.ics </D:href>
            </C:calendar-multiget>
            """
        let multiget = try CalendarMultiget.parse(bytes(body))
        #expect(multiget.properties == .prop([.getETag, .calendarData]))
        #expect(multiget.calendarData == CalendarDataRequest())
        #expect(
            multiget.hrefs == [
                "/calendars/erin/calendar/e205eef4-a155-405b-a93a-347cab1d3b5a.ics", "/calendars/frank/calendar/hakone%20offsite.ics",
            ])
        let noHref = "<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/></D:prop></C:calendar-multiget>"
        #expect(throws: DAVXMLError.missingElement(.href)) { try CalendarMultiget.parse(bytes(noHref)) }
    }

    @Test func freeBusyQuery() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8" ?>
            <C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav">
              <C:time-range start="20060104T140000Z" end="20060105T220000Z"/>
            </C:free-busy-query>
            """
        #expect(try FreeBusyQuery.parse(bytes(body)).timeRange == DAVTimeRange(start: 1_136_383_200, end: 1_136_498_400))
        #expect(throws: DAVXMLError.missingElement(.timeRange)) {
            try FreeBusyQuery.parse(bytes("<C:free-busy-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\"/>"))
        }
    }
}
