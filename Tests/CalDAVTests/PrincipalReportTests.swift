import Storage
import Testing

@testable import CalDAV

@Suite struct PrincipalReportTests {
    @Test func propertySearchByNameOrEmail() {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:principal-property-search xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" test="anyof">
              <D:property-search><D:prop><D:displayname/></D:prop><D:match>BO</D:match></D:property-search>
              <D:property-search><D:prop><C:calendar-user-address-set/></D:prop><D:match>carol@</D:match></D:property-search>
              <D:prop><D:displayname/><C:calendar-home-set/></D:prop>
            </D:principal-property-search>
            """
        let response = test.send("REPORT", "/principals/", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:href>/principals/bob/</d:href>"))
        #expect(response.text.contains("<d:href>/principals/carol/</d:href>"))
        #expect(!response.text.contains("<d:href>/principals/alice/</d:href>"))
        #expect(
            response.text.contains("<cal:calendar-home-set><d:href>/calendars/bob/</d:href></cal:calendar-home-set>"))
    }

    @Test func searchPropertySet() {
        let test = TestServer()
        let response = test.send(
            "REPORT", "/principals/", headers: ["Depth": "0"],
            body: "<?xml version=\"1.0\"?><D:principal-search-property-set xmlns:D=\"DAV:\"/>")
        #expect(response.status == 200)
        #expect(response.text.contains("principal-search-property-set"))
        #expect(response.text.contains("displayname"))
    }

    @Test func expandPropertyOfProxyGroups() {
        let test = TestServer()
        let members = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>
            """
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: members)
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:expand-property xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">
              <D:property name="calendar-proxy-write-for" namespace="http://calendarserver.org/ns/">
                <D:property name="displayname"/><D:property name="principal-URL"/>
              </D:property>
            </D:expand-property>
            """
        let response = test.send("REPORT", "/principals/bob/", as: "bob", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<cs:calendar-proxy-write-for><d:response><d:href>/principals/alice/</d:href>"))
        #expect(response.text.contains("<d:displayname>Alice</d:displayname>"))
    }
}

@Suite struct CalendarServerSearchTests {
    @Test func tokensMatchNameOrEmail() {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <CS:calendarserver-principal-search xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/" context="attendee">
              <CS:search-token>car</CS:search-token>
              <CS:limit><CS:nresults>5</CS:nresults></CS:limit>
              <D:prop><D:displayname/></D:prop>
            </CS:calendarserver-principal-search>
            """
        let response = test.send("REPORT", "/principals/", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:displayname>Carol</d:displayname>"))
        #expect(!response.text.contains("Alice"))
    }
}

@Suite struct PrincipalMatchTests {
    @Test func selfMatchesOwnPrincipalAndGroups() {
        let test = TestServer()
        let members = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>
            """
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-read/", body: members)
        let body = "<?xml version=\"1.0\"?><D:principal-match xmlns:D=\"DAV:\"><D:self/><D:prop><D:displayname/></D:prop></D:principal-match>"
        let response = test.send("REPORT", "/principals/", as: "bob", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:href>/principals/bob/</d:href>"))
        #expect(response.text.contains("<d:href>/principals/alice/calendar-proxy-read/</d:href>"))
        #expect(!response.text.contains("<d:href>/principals/carol/</d:href>"))
    }

    @Test func ownerPropertyMatch() {
        let test = TestServer()
        let body = "<?xml version=\"1.0\"?><D:principal-match xmlns:D=\"DAV:\"><D:principal-property><D:owner/></D:principal-property><D:prop><D:displayname/></D:prop></D:principal-match>"
        let response = test.send("REPORT", "/calendars/alice/", headers: ["Depth": "0"], body: body)
        #expect(response.text.contains("<d:href>/calendars/alice/default/</d:href>"))
    }
}

@Suite struct PythonCaldavPrincipalSearchTests {
    /// python caldav 3.x writes its wanted properties beside an empty DAV:prop.
    @Test func propertiesBesideAnEmptyPropAreReturned() {
        let test = TestServer()
        let body = """
            <D:principal-property-search xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:property-search><D:prop><D:displayname/></D:prop><D:match>Alice</D:match></D:property-search><D:prop/><C:calendar-home-set/><D:displayname/></D:principal-property-search>
            """
        let response = test.send("REPORT", "/", headers: ["Depth": "0"], body: body)
        #expect(response.text.contains("<d:displayname>Alice</d:displayname>"))
        #expect(response.text.contains("<cal:calendar-home-set><d:href>/calendars/alice/</d:href></cal:calendar-home-set>"))
        #expect(!response.text.contains("/principals/bob/"))
    }
}
