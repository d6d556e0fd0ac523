import Storage
import Testing

@testable import CalDAV

@Suite struct DelegationTests {
    func members(_ hrefs: [String]) -> String {
        let list = hrefs.map { "<D:href>\($0)</D:href>" }.joined()
        return
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:group-member-set>\(list)</D:group-member-set></D:prop></D:set></D:propertyupdate>"
    }

    @Test func groupMemberSetIsStoredAsSabreRows() throws {
        let test = TestServer()
        #expect(
            test.send(
                "PROPPATCH", "/principals/alice/calendar-proxy-write/",
                body: members(["/principals/bob/", "/principals/carol/"])
            ).status == 207)
        let group = try #require(try test.store.principal(uri: "principals/alice/calendar-proxy-write"))
        let bob = try #require(try test.store.principal(uri: "principals/bob"))
        let carol = try #require(try test.store.principal(uri: "principals/carol"))
        #expect(try test.store.members(of: group.id).map(\.id) == [bob.id, carol.id])
        #expect(try test.store.memberships(of: bob.id).map(\.uri) == ["principals/alice/calendar-proxy-write"])
        // Emptying the set removes the rows.
        #expect(test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: members([])).status == 207)
        #expect(try test.store.members(of: group.id).isEmpty)
    }

    @Test func groupRowIsCreatedWhenMissing() throws {
        let test = TestServer(users: [])
        try test.store.createUser(username: "dave", digestA1: MD5.hex("dave:SabreDAV:dave"))
        try test.store.createPrincipal(uri: "principals/dave", email: "dave@example.com", displayName: "Dave")
        try test.store.createUser(username: "erin", digestA1: MD5.hex("erin:SabreDAV:erin"))
        try test.store.createPrincipal(uri: "principals/erin", email: "erin@example.com", displayName: "Erin")
        #expect(
            test.send(
                "PROPPATCH", "/principals/dave/calendar-proxy-read/", as: "dave", body: members(["/principals/erin/"])
            ).status == 207)
        let group = try #require(try test.store.principal(uri: "principals/dave/calendar-proxy-read"))
        #expect(try test.store.members(of: group.id).map(\.uri) == ["principals/erin"])
    }

    @Test func onlyTheOwnerManagesDelegates() throws {
        let test = TestServer()
        #expect(
            test.send(
                "PROPPATCH", "/principals/alice/calendar-proxy-read/", as: "bob", body: members(["/principals/bob/"])
            ).status == 403)
        #expect(
            test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: members(["/calendars/bob/"])).status
                == 207)
        let group = try #require(try test.store.principal(uri: "principals/alice/calendar-proxy-write"))
        #expect(try test.store.members(of: group.id).isEmpty)
    }

    @Test func proxyResourcesAndMembershipProperties() {
        let test = TestServer()
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: members(["/principals/bob/"]))
        _ = test.send(
            "PROPPATCH", "/principals/carol/calendar-proxy-read/", as: "carol", body: members(["/principals/bob/"]))
        let listing = test.send(
            "PROPFIND", "/principals/alice/", headers: ["Depth": "1"], body: propfind("<D:resourcetype/>"))
        #expect(
            listing.text.contains(
                "<d:href>/principals/alice/calendar-proxy-write/</d:href><d:propstat><d:prop><d:resourcetype><d:principal/><cs:calendar-proxy-write/></d:resourcetype>"
            ))
        #expect(listing.text.contains("<cs:calendar-proxy-read/>"))
        let bob = test.send(
            "PROPFIND", "/principals/bob/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<D:group-membership/><CS:calendar-proxy-write-for/><CS:calendar-proxy-read-for/>"))
        #expect(
            bob.text.contains(
                "<d:group-membership><d:href>/principals/alice/calendar-proxy-write/</d:href><d:href>/principals/carol/calendar-proxy-read/</d:href></d:group-membership>"
            ))
        #expect(
            bob.text.contains(
                "<cs:calendar-proxy-write-for><d:href>/principals/alice/</d:href></cs:calendar-proxy-write-for>"))
        #expect(
            bob.text.contains(
                "<cs:calendar-proxy-read-for><d:href>/principals/carol/</d:href></cs:calendar-proxy-read-for>"))
        // The delegate works in the owner's home under the owner's URL.
        let home = test.send(
            "PROPFIND", "/calendars/alice/", as: "bob", headers: ["Depth": "1"],
            body: propfind("<D:current-user-privilege-set/>"))
        #expect(home.status == 207)
        #expect(home.text.contains("<d:href>/calendars/alice/default/</d:href>"))
        #expect(home.text.contains("<d:privilege><d:write/></d:privilege>"))
        #expect(!home.text.contains("write-acl"))
        #expect(test.send("PUT", "/calendars/carol/default/x.ics", as: "bob", body: event(uid: "x")).status == 403)
    }

    @Test func expandPropertyForDelegation() {
        let test = TestServer()
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: members(["/principals/bob/"]))
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:expand-property xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:property name="group-member-set"><D:property name="displayname"/><D:property name="calendar-user-address-set" namespace="urn:ietf:params:xml:ns:caldav"/></D:property>
            </D:expand-property>
            """
        let response = test.send(
            "REPORT", "/principals/alice/calendar-proxy-write/", headers: ["Depth": "0"], body: body)
        #expect(response.status == 207)
        #expect(response.text.contains("<d:group-member-set><d:response><d:href>/principals/bob/</d:href>"))
        #expect(response.text.contains("<d:displayname>Bob</d:displayname>"))
        #expect(response.text.contains("mailto:bob@example.com"))
        let membership = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:expand-property xmlns:D="DAV:"><D:property name="group-membership"><D:property name="displayname"/></D:property></D:expand-property>
            """
        let mine = test.send("REPORT", "/principals/bob/", as: "bob", headers: ["Depth": "0"], body: membership)
        #expect(
            mine.text.contains(
                "<d:group-membership><d:response><d:href>/principals/alice/calendar-proxy-write/</d:href>"))
        #expect(mine.text.contains("<d:displayname>calendar-proxy-write</d:displayname>"))
    }
}
