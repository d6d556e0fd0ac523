import Storage
import Testing

@testable import CalDAV

@Suite struct PrincipalSearchTests {
    @Test func principalCollectionListsUsersOnly() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/principals/", as: "bob", headers: ["Depth": "1"], body: propfind("<D:displayname/>"))
        #expect(response.status == 207)
        for user in ["alice", "bob", "carol"] {
            #expect(response.text.contains("<d:href>/principals/\(user)/</d:href>"))
        }
        #expect(!response.text.contains("calendar-proxy"))
        #expect(test.send("PROPFIND", "/principals/", as: nil, headers: ["Depth": "1"]).status == 401)
    }

    @Test func propertySearchAllofAndStartsWith() {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:principal-property-search xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:property-search><D:prop><D:displayname/></D:prop><D:match match-type="starts-with">a</D:match></D:property-search>
              <D:property-search><D:prop><C:calendar-user-address-set/></D:prop><D:match>EXAMPLE.com</D:match></D:property-search>
              <D:prop><D:displayname/></D:prop>
            </D:principal-property-search>
            """
        let response = test.send("REPORT", "/principals/", as: "bob", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:href>/principals/alice/</d:href>"))
        #expect(!response.text.contains("<d:href>/principals/bob/</d:href>"))
        #expect(!response.text.contains("<d:href>/principals/carol/</d:href>"))
        let contains = body.replacingOccurrences(of: "match-type=\"starts-with\">a", with: "match-type=\"contains\">o")
        let second = test.send("REPORT", "/principals/", as: "bob", headers: ["Depth": "0"], body: contains)
        #expect(second.text.contains("<d:href>/principals/bob/</d:href>"))
        #expect(second.text.contains("<d:href>/principals/carol/</d:href>"))
        #expect(!second.text.contains("<d:href>/principals/alice/</d:href>"))
    }

    @Test func principalMatchSelfAndOwner() {
        let test = TestServer()
        let members =
            "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>"
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-read/", body: members)
        let me =
            "<?xml version=\"1.0\"?><D:principal-match xmlns:D=\"DAV:\"><D:self/><D:prop><D:displayname/></D:prop></D:principal-match>"
        let response = test.send("REPORT", "/principals/", as: "bob", headers: ["Depth": "0"], body: me)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:href>/principals/bob/</d:href>"))
        #expect(response.text.contains("<d:displayname>Bob</d:displayname>"))
        #expect(!response.text.contains("<d:href>/principals/alice/</d:href>"))
        let groups = test.send("REPORT", "/principals/alice/", as: "bob", headers: ["Depth": "0"], body: me)
        #expect(groups.text.contains("<d:href>/principals/alice/calendar-proxy-read/</d:href>"))
        #expect(!groups.text.contains("calendar-proxy-write"))

        let owner =
            "<?xml version=\"1.0\"?><D:principal-match xmlns:D=\"DAV:\"><D:principal-property><D:owner/></D:principal-property><D:prop><D:displayname/></D:prop></D:principal-match>"
        let owned = test.send("REPORT", "/calendars/alice/", headers: ["Depth": "0"], body: owner)
        #expect(owned.text.contains("<d:href>/calendars/alice/default/</d:href>"))
        #expect(
            test.send("REPORT", "/calendars/alice/", as: "carol", headers: ["Depth": "0"], body: owner).status == 403)
    }

    @Test func calendarServerPrincipalSearch() {
        let test = TestServer()
        func search(_ tokens: [String], context: String? = nil, limit: Int? = nil) -> DAVResponse {
            let tokenXML = tokens.map { "<CS:search-token>\($0)</CS:search-token>" }.joined()
            let contextAttribute = context.map { " context=\"\($0)\"" } ?? ""
            let limitXML = limit.map { "<CS:limit><CS:nresults>\($0)</CS:nresults></CS:limit>" } ?? ""
            return test.send(
                "REPORT", "/principals/", as: "bob", headers: ["Depth": "0"],
                body:
                    "<?xml version=\"1.0\"?><CS:calendarserver-principal-search xmlns:D=\"DAV:\" xmlns:CS=\"http://calendarserver.org/ns/\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"\(contextAttribute)>\(tokenXML)\(limitXML)<D:prop><D:displayname/><C:calendar-user-address-set/></D:prop></CS:calendarserver-principal-search>"
            )
        }
        let byName = search(["car"])
        #expect(byName.status == 207)
        #expect(byName.text.contains("<d:href>/principals/carol/</d:href>"))
        #expect(byName.text.contains("mailto:carol@example.com"))
        #expect(!byName.text.contains("<d:href>/principals/alice/</d:href>"))
        let both = search(["ALI", "example.com"])
        #expect(both.text.contains("<d:href>/principals/alice/</d:href>"))
        #expect(!both.text.contains("/principals/bob/"))
        #expect(!search(["ali", "nowhere"]).text.contains("/principals/alice/"))
        #expect(!search(["alice"], context: "location").text.contains("/principals/alice/"))
        #expect(search(["alice"], context: "attendee").text.contains("/principals/alice/"))
        let limited = search(["example"], limit: 2)
        #expect(limited.text.contains("/principals/alice/"))
        #expect(!limited.text.contains("/principals/carol/"))
    }
}
