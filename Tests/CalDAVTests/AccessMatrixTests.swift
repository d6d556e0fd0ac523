import Storage
import Testing

@testable import CalDAV

/// Who may do what to alice's space: every method, every kind of resource, with and without grants.
@Suite struct AccessMatrixTests {
    /// alice owns `default` with one event `a.ics` and one inbox item.
    func seeded() -> TestServer {
        let test = TestServer()
        #expect(test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a")).status == 201)
        try! test.store.putInboxItem(
            principalURI: "principals/alice", uri: "i.ics", data: event(uid: "i"), etag: "e", size: 10, lastModified: 1)
        try! test.store.setDeadProperty(
            DeadProperty(path: "principals/alice", name: "{urn:x}secret", valueType: 1, value: Array("s3cret".utf8)))
        return test
    }

    let proppatch = """
        <?xml version="1.0" encoding="utf-8"?>
        <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:displayname>Hacked</D:displayname></D:prop></D:set></D:propertyupdate>
        """
    let query = """
        <?xml version="1.0" encoding="utf-8"?>
        <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><D:getetag/></D:prop>
        <C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>
        """

    func setMembers(_ test: TestServer, _ group: String, _ members: [String]) {
        let hrefs = members.map { "<D:href>/principals/\($0)/</D:href>" }.joined()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:group-member-set>\(hrefs)</D:group-member-set></D:prop></D:set></D:propertyupdate>
            """
        #expect(test.send("PROPPATCH", "/principals/alice/\(group)/", body: body).status == 207)
    }

    /// Every write and read bob could try on alice's space; all need a grant he does not have.
    @Test(arguments: [
        ("PROPFIND", "/calendars/alice/"), ("PROPFIND", "/calendars/alice/default/"),
        ("PROPFIND", "/calendars/alice/default/a.ics"), ("PROPFIND", "/calendars/alice/inbox/"),
        ("PROPFIND", "/calendars/alice/outbox/"), ("GET", "/calendars/alice/default/a.ics"),
        ("GET", "/calendars/alice/inbox/i.ics"), ("PUT", "/calendars/alice/default/a.ics"),
        ("PUT", "/calendars/alice/default/new.ics"), ("DELETE", "/calendars/alice/default/a.ics"),
        ("DELETE", "/calendars/alice/default/"), ("DELETE", "/calendars/alice/inbox/i.ics"),
        ("REPORT", "/calendars/alice/default/"), ("PROPPATCH", "/calendars/alice/default/"),
        ("PROPPATCH", "/principals/alice/"), ("PROPPATCH", "/principals/alice/calendar-proxy-write/"),
        ("MKCALENDAR", "/calendars/alice/other/"), ("LOCK", "/calendars/alice/default/a.ics"),
        ("ACL", "/calendars/alice/default/"), ("POST", "/calendars/alice/default/"),
    ])
    func strangerIsRefused(method: String, path: String) {
        let test = seeded()
        var body = ""
        switch method {
        case "PUT": body = event(uid: path.hasSuffix("a.ics") ? "a" : "n")
        case "PROPPATCH": body = proppatch
        case "REPORT": body = query
        case "LOCK":
            body =
                "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>"
        case "ACL": body = "<?xml version=\"1.0\"?><D:acl xmlns:D=\"DAV:\"/>"
        case "POST":
            body =
                "<?xml version=\"1.0\"?><D:share-resource xmlns:D=\"DAV:\"><D:sharee><D:href>mailto:bob@example.com</D:href><D:share-access><D:read-write/></D:share-access></D:sharee></D:share-resource>"
        default: break
        }
        let response = test.send(method, path, as: "bob", headers: ["Depth": "1"], body: body)
        #expect(response.status == 403, "\(method) \(path) answered \(response.status)")
        #expect(response.text.contains("need-privileges"), "\(method) \(path): \(response.text)")
        // Nothing changed.
        #expect(test.send("GET", "/calendars/alice/default/a.ics").text.contains("SUMMARY:Meeting"))
        #expect(try! test.store.object(named: "new.ics", in: test.calendarID("alice")) == nil)
        #expect(try! test.store.calendar(ofPrincipal: "principals/alice", named: "other") == nil)
        #expect(
            try! test.store.calendar(ofPrincipal: "principals/alice", named: "default")?.properties.displayName
                == "Default")
        #expect(try! test.store.inboxItem(ofPrincipal: "principals/alice", named: "i.ics") != nil)
        #expect(try! test.store.calendars(ofPrincipal: "principals/bob").count == 1)
    }

    @Test func needPrivilegesNamesResourceAndPrivilege() {
        let test = seeded()
        let response = test.send("PUT", "/calendars/alice/default/new.ics", as: "bob", body: event(uid: "n"))
        #expect(response.status == 403)
        #expect(response.text.contains("<d:href>/calendars/alice/default/</d:href>"))
        #expect(response.text.contains("<d:privilege><d:bind/></d:privilege>"))
        let get = test.send("GET", "/calendars/alice/default/a.ics", as: "bob")
        #expect(get.text.contains("<d:href>/calendars/alice/default/a.ics</d:href>"))
        #expect(get.text.contains("<d:privilege><d:read/></d:privilege>"))
    }

    @Test func moveIntoAnothersCalendarIsRefused() {
        let test = seeded()
        #expect(test.send("PUT", "/calendars/bob/default/b.ics", as: "bob", body: event(uid: "b")).status == 201)
        let move = test.send(
            "MOVE", "/calendars/bob/default/b.ics", as: "bob",
            headers: ["Destination": "http://localhost/calendars/alice/default/b.ics"])
        #expect(move.status == 403)
        #expect(test.send("GET", "/calendars/bob/default/b.ics", as: "bob").status == 200)
        let copy = test.send(
            "COPY", "/calendars/alice/default/a.ics", as: "bob",
            headers: ["Destination": "http://localhost/calendars/bob/default/stolen.ics"])
        #expect(copy.status == 403)
    }

    @Test func nobodyListsAnothersInboxButAnyoneMayDeliver() {
        let test = seeded()
        let listing = test.send(
            "PROPFIND", "/calendars/alice/inbox/", as: "bob", headers: ["Depth": "1"], body: propfind("<D:getetag/>"))
        #expect(listing.status == 403)
        #expect(!listing.text.contains("i.ics"))
        let privileges = test.server.privilegesForTest(of: "bob", on: .inbox("alice"))
        #expect(privileges.isSuperset(of: .scheduleDeliver))
        #expect(!privileges.contains(.readFreeBusy))
        #expect(!privileges.contains(.read))
        #expect(test.server.privilegesForTest(of: "bob", on: .outbox("alice")).isEmpty)
    }

    @Test func deadPropertiesOfOthersStayHidden() {
        let test = seeded()
        let mine = test.send(
            "PROPFIND", "/principals/alice/", headers: ["Depth": "0"], body: propfind("<X:secret xmlns:X=\"urn:x\"/>"))
        #expect(mine.text.contains("s3cret"))
        let theirs = test.send(
            "PROPFIND", "/principals/alice/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<X:secret xmlns:X=\"urn:x\"/>"))
        #expect(theirs.status == 207)
        #expect(!theirs.text.contains("s3cret"))
        let all = test.send("PROPFIND", "/principals/alice/", as: "bob", headers: ["Depth": "0"])
        #expect(!all.text.contains("s3cret"))
        #expect(all.text.contains("<d:displayname>Alice</d:displayname>"))
    }

    @Test func readProxyReadsButCannotWrite() {
        let test = seeded()
        setMembers(test, "calendar-proxy-read", ["bob"])
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "bob").status == 200)
        #expect(test.send("PROPFIND", "/calendars/alice/", as: "bob", headers: ["Depth": "1"]).status == 207)
        #expect(test.send("REPORT", "/calendars/alice/default/", as: "bob", body: query).status == 207)
        #expect(
            test.send("PUT", "/calendars/alice/default/a.ics", as: "bob", body: event(uid: "a", summary: "X")).status
                == 403)
        #expect(test.send("PUT", "/calendars/alice/default/n.ics", as: "bob", body: event(uid: "n")).status == 403)
        #expect(test.send("DELETE", "/calendars/alice/default/a.ics", as: "bob").status == 403)
        #expect(test.send("PROPPATCH", "/calendars/alice/default/", as: "bob", body: proppatch).status == 403)
        #expect(test.send("MKCALENDAR", "/calendars/alice/new/", as: "bob").status == 403)
        // A proxy cannot change who else is a proxy.
        let grab = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:propertyupdate xmlns:D="DAV:"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>
            """
        #expect(test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", as: "bob", body: grab).status == 403)
        // carol is in no group.
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "carol").status == 403)
    }

    @Test func writeProxyWrites() {
        let test = seeded()
        setMembers(test, "calendar-proxy-write", ["bob"])
        #expect(
            test.send("PUT", "/calendars/alice/default/a.ics", as: "bob", body: event(uid: "a", summary: "X")).status
                == 204)
        #expect(test.send("PUT", "/calendars/alice/default/n.ics", as: "bob", body: event(uid: "n")).status == 201)
        #expect(test.send("PROPPATCH", "/calendars/alice/default/", as: "bob", body: proppatch).status == 207)
        #expect(test.send("MKCALENDAR", "/calendars/alice/work/", as: "bob").status == 201)
        #expect(test.send("DELETE", "/calendars/alice/default/n.ics", as: "bob").status == 204)
        // Delegation never reaches the principal's own settings or ACL.
        #expect(test.send("PROPPATCH", "/principals/alice/", as: "bob", body: proppatch).status == 403)
        #expect(
            test.send(
                "ACL", "/calendars/alice/default/", as: "bob", body: "<?xml version=\"1.0\"?><D:acl xmlns:D=\"DAV:\"/>"
            ).status == 403)
        let privileges = test.server.privilegesForTest(of: "bob", on: .calendar("alice", "default"))
        #expect(!privileges.contains(.writeACL))
        #expect(!privileges.contains(.share))
    }

    @Test func removingAProxyRevokesAccess() {
        let test = seeded()
        setMembers(test, "calendar-proxy-write", ["bob", "carol"])
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "carol").status == 200)
        setMembers(test, "calendar-proxy-write", ["bob"])
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "carol").status == 403)
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "bob").status == 200)
    }
}

extension CalDAVServer {
    /// Privileges of a user by name, for tests.
    func privilegesForTest(of user: String, on path: ResourcePath) -> Privilege {
        cache.clear()
        return try! privileges(of: AuthenticatedUser(username: user), on: path)
    }
}

@Suite struct ConcealmentTests {
    @Test func strangersCannotProbeNames() {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        for (method, path) in [
            ("GET", "/calendars/alice/default/a.ics"), ("GET", "/calendars/alice/default/none.ics"),
            ("PROPFIND", "/calendars/alice/secret/"), ("PROPFIND", "/calendars/alice/default/"),
            ("GET", "/calendars/alice/secret/x.ics"), ("DELETE", "/calendars/alice/secret/"),
            ("GET", "/calendars/alice/inbox/none.ics"),
        ] {
            #expect(test.send(method, path, as: "bob").status == 403, "\(method) \(path)")
        }
        // Owners and proxies still learn what is missing.
        #expect(test.send("PROPFIND", "/calendars/alice/secret/").status == 404)
        let members =
            "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>"
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-read/", body: members)
        #expect(test.send("PROPFIND", "/calendars/alice/secret/", as: "bob").status == 404)
        #expect(test.send("GET", "/calendars/alice/default/none.ics", as: "bob").status == 404)
    }
}
