import Testing

@testable import DAVXML

@Suite struct PropfindRequestTests {
    @Test func emptyBodyIsAllprop() throws {
        #expect(try PropfindRequest.parse([]) == .allprop(include: []))
        #expect(try PropfindRequest.parse(bytes("\r\n")) == .allprop(include: []))
        #expect(try PropfindRequest.parse(bytes("<D:propfind xmlns:D=\"DAV:\"/>")) == .allprop(include: []))
    }

    @Test func transcriptPrincipalPropfind() throws {
        // From the sabre transcript (p00-discovery).
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CS="http://calendarserver.org/ns/" xmlns:A="http://apple.com/ns/ical/">
              <D:prop><D:displayname/><D:principal-URL/><C:calendar-home-set/><C:calendar-user-address-set/><C:schedule-inbox-URL/><C:schedule-outbox-URL/><C:schedule-default-calendar-URL/><D:group-membership/><CS:calendar-proxy-read-for/><CS:calendar-proxy-write-for/></D:prop>
            </D:propfind>
            """
        #expect(
            try PropfindRequest.parse(bytes(body))
                == .prop([
                    .displayName, .principalURL, .calendarHomeSet, .calendarUserAddressSet, .scheduleInboxURL,
                    .scheduleOutboxURL, .scheduleDefaultCalendarURL, .groupMembership, .calendarProxyReadFor,
                    .calendarProxyWriteFor,
                ]))
    }

    @Test func iOSCalendarHomePropfindWithLocalNamespaces() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <A:propfind xmlns:A="DAV:">
              <A:prop>
                <A:add-member/>
                <C:allowed-sharing-modes xmlns:C="http://calendarserver.org/ns/"/>
                <E:bulk-requests xmlns:E="http://me.com/_namespace/"/>
                <D:calendar-color xmlns:D="http://apple.com/ns/ical/"/>
                <B:calendar-description xmlns:B="urn:ietf:params:xml:ns:caldav"/>
                <D:calendar-order xmlns:D="http://apple.com/ns/ical/"/>
                <A:current-user-privilege-set/>
                <C:getctag xmlns:C="http://calendarserver.org/ns/"/>
                <C:invite xmlns:C="http://calendarserver.org/ns/"/>
                <A:resourcetype/>
                <B:schedule-calendar-transp xmlns:B="urn:ietf:params:xml:ns:caldav"/>
                <C:source xmlns:C="http://calendarserver.org/ns/"/>
                <A:sync-token/>
              </A:prop>
            </A:propfind>
            """
        guard case .prop(let names) = try PropfindRequest.parse(bytes(body)) else {
            Issue.record("expected prop")
            return
        }
        #expect(
            names == [
                .addMember, .allowedSharingModes, PropertyName(.other("http://me.com/_namespace/"), "bulk-requests"),
                .calendarColor, .calendarDescription, .calendarOrder, .currentUserPrivilegeSet, .getCTag, .csInvite,
                .resourceType, .scheduleCalendarTransp, .source, .syncToken,
            ])
    }

    @Test func allpropWithIncludeAndPropname() throws {
        let allprop = """
            <D:propfind xmlns:D="DAV:"><D:allprop/><D:include><D:supported-report-set/><C:calendar-home-set xmlns:C="urn:ietf:params:xml:ns:caldav"/></D:include></D:propfind>
            """
        #expect(try PropfindRequest.parse(bytes(allprop)) == .allprop(include: [.supportedReportSet, .calendarHomeSet]))
        #expect(try PropfindRequest.parse(bytes("<propfind xmlns=\"DAV:\"><propname/></propfind>")) == .propname)
        #expect(PropertySelection.propname.names.isEmpty)
        #expect(PropertySelection.allprop(include: [.getETag]).names == [.getETag])
    }

    @Test func wrongRootIsTyped() {
        #expect(throws: DAVXMLError.unexpectedRoot(.propertyUpdate)) {
            try PropfindRequest.parse(bytes("<D:propertyupdate xmlns:D=\"DAV:\"/>"))
        }
        #expect(throws: DAVXMLError.unexpectedRoot(PropertyName(.other(""), "propfind"))) {
            try PropfindRequest.parse(bytes("<propfind><prop/></propfind>"))
        }
    }
}
