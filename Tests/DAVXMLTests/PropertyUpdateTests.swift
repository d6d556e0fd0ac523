import Testing

@testable import DAVXML

@Suite struct PropertyUpdateTests {
    @Test func transcriptProppatchKeepsOrderAndValues() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:" xmlns:A="http://apple.com/ns/ical/">
              <D:set><D:prop><D:displayname>Erin's planner</D:displayname><A:calendar-color>#2E8B57FF</A:calendar-color></D:prop></D:set>
              <D:remove><D:prop><A:calendar-order/></D:prop></D:remove>
              <D:set><D:prop><D:group-member-set><D:href>/principals/erin/</D:href></D:group-member-set></D:prop></D:set>
            </D:propertyupdate>
            """
        let update = try PropertyUpdate.parse(bytes(body))
        #expect(
            update.operations == [
                .set(XMLElement(.displayName, text: "Erin's planner")),
                .set(XMLElement(.calendarColor, text: "#2E8B57FF")),
                .remove(.calendarOrder),
                .set(XMLElement(.groupMemberSet, children: [XMLElement(.href, text: "/principals/erin/")])),
            ])
        #expect(update.operations.map(\.name) == [.displayName, .calendarColor, .calendarOrder, .groupMemberSet])
    }

    @Test func deadPropertyWithUnknownNamespaceSurvivesStorage() throws {
        let body = """
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>
            <X:custom xmlns:X="urn:example:x" kind="k"><X:a>1</X:a><D:href>/x</D:href></X:custom>
            </D:prop></D:set></D:propertyupdate>
            """
        guard case .set(let value) = try PropertyUpdate.parse(bytes(body)).operations.first else {
            Issue.record("no set")
            return
        }
        let stored = value.innerXML
        var restored = try XMLElement.parse(name: value.name, innerXML: stored)
        restored.attributes = value.attributes  // attributes of the property element itself are not part of its inner XML
        #expect(restored == value)
    }

    @Test func transcriptMkcalendarWithComponentSet() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:set><D:prop><D:displayname>Tasks</D:displayname><C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set></D:prop></D:set>
            </C:mkcalendar>
            """
        let request = try MkcalendarRequest.parse(bytes(body), kind: .mkcalendar)
        #expect(request.kind == .mkcalendar)
        #expect(request.resourceType == nil)
        #expect(request.properties.map(\.name) == [.displayName, .supportedCalendarComponentSet])
        #expect(request.properties[1].children.first?.attribute("name") == "VTODO")
    }

    @Test func emptyMkcalendarBodyIsAllowed() throws {
        #expect(try MkcolRequest.parse([], kind: .mkcalendar) == MkcolRequest(kind: .mkcalendar))
    }

    @Test func extendedMkcolCarriesResourceType() throws {
        // RFC 5689 §5.1 example shape, as iOS sends to create a calendar.
        let body = """
            <D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:I="http://apple.com/ns/ical/">
              <D:set><D:prop>
                <D:resourcetype><D:collection/><C:calendar/></D:resourcetype>
                <D:displayname>Work</D:displayname>
                <I:calendar-color>#FF2968FF</I:calendar-color>
                <C:calendar-timezone>BEGIN:VCALENDAR&#13;
            END:VCALENDAR</C:calendar-timezone>
              </D:prop></D:set>
            </D:mkcol>
            """
        let request = try MkcolRequest.parse(bytes(body), kind: .mkcol)
        #expect(request.resourceType == [.collection, .calendar])
        #expect(request.properties.map(\.name) == [.displayName, .calendarColor, .calendarTimezone])
        #expect(request.properties[2].text == "BEGIN:VCALENDAR\r\nEND:VCALENDAR")
        #expect(throws: DAVXMLError.unexpectedRoot(.mkcol)) { try MkcolRequest.parse(bytes(body), kind: .mkcalendar) }
    }
}
