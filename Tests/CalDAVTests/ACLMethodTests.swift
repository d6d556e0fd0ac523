import Storage
import Testing

@testable import CalDAV

@Suite struct ACLMethodTests {
    func acl(_ aces: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:acl xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\(aces)</D:acl>"
    }

    func ace(_ principal: String, _ privileges: [String], deny: Bool = false) -> String {
        let list = privileges.map { "<D:privilege><\($0)/></D:privilege>" }.joined()
        return
            "<D:ace><D:principal>\(principal)</D:principal><D:\(deny ? "deny" : "grant")>\(list)</D:\(deny ? "deny" : "grant")></D:ace>"
    }

    @Test func nothingCanBeChanged() {
        let test = TestServer()
        let path = "/calendars/alice/default/"
        let bobRead = ace("<D:href>/principals/bob/</D:href>", ["D:read"])
        let added = test.send("ACL", path, body: acl(bobRead))
        #expect(added.status == 403)
        #expect(added.text.contains("no-ace-conflict"))
        #expect(test.send("GET", "/calendars/alice/default/x.ics", as: "bob").status == 403)

        let changed = test.send(
            "ACL", path,
            body: acl(ace("<D:href>/principals/alice/calendar-proxy-read/</D:href>", ["D:read", "D:write"])))
        #expect(changed.status == 403)
        #expect(changed.text.contains("no-protected-ace-conflict"))

        let unknown = test.send("ACL", path, body: acl(ace("<D:authenticated/>", ["D:launch-missiles"])))
        #expect(unknown.status == 403)
        #expect(unknown.text.contains("not-supported-privilege"))

        #expect(
            test.send("ACL", path, body: acl(ace("<D:href>/principals/bob/</D:href>", ["D:read"], deny: true))).text
                .contains("grant-only"))
        #expect(
            test.send(
                "ACL", path,
                body: acl(
                    "<D:ace><D:invert><D:principal><D:href>/principals/bob/</D:href></D:principal></D:invert><D:grant><D:privilege><D:read/></D:privilege></D:grant></D:ace>"
                )
            ).text.contains("no-invert"))
        #expect(test.send("ACL", path, body: "not xml").status == 400)
        // Restating a protected ACE, or an empty ACL (no non-protected ACEs), changes nothing and succeeds.
        #expect(
            test.send(
                "ACL", path, body: acl(ace("<D:href>/principals/alice/calendar-proxy-read/</D:href>", ["D:read"]))
            ).status == 200)
        #expect(test.send("ACL", path, body: acl("")).status == 200)
        // Others are refused before anything is looked at.
        let stranger = test.send("ACL", path, as: "bob", body: acl(bobRead))
        #expect(stranger.status == 403)
        #expect(stranger.text.contains("<d:privilege><d:write-acl/></d:privilege>"))
        #expect(test.send("ACL", "/calendars/alice/inbox/", body: acl("")).status == 403)
    }

    @Test func aclPropertyFollowsGrants() {
        let test = TestServer()
        let calendar = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind(
                "<D:acl/><D:acl-restrictions/><D:inherited-acl-set/><D:supported-privilege-set/><D:principal-collection-set/><D:owner/><D:group/>"
            ))
        #expect(
            calendar.text.contains(
                "<d:ace><d:principal><d:href>/principals/alice/calendar-proxy-write/</d:href></d:principal><d:grant><d:privilege><d:write/></d:privilege><d:privilege><d:read/></d:privilege><d:privilege><d:unlock/></d:privilege></d:grant><d:protected/></d:ace>"
            ))
        #expect(calendar.text.contains("<d:acl-restrictions><d:grant-only/><d:no-invert/></d:acl-restrictions>"))
        #expect(calendar.text.contains("<d:inherited-acl-set/>"))
        #expect(
            calendar.text.contains(
                "<d:principal-collection-set><d:href>/principals/</d:href></d:principal-collection-set>"))
        #expect(calendar.text.contains("<d:supported-privilege><d:privilege><cal:schedule-deliver/></d:privilege>"))
        #expect(
            calendar.text.contains("<d:supported-privilege><d:privilege><cal:schedule-query-freebusy/></d:privilege>"))
        #expect(calendar.text.contains("<d:group/>"))
        let inbox = test.send(
            "PROPFIND", "/calendars/alice/inbox/", headers: ["Depth": "0"], body: propfind("<D:acl/>"))
        #expect(
            inbox.text.contains(
                "<d:ace><d:principal><d:authenticated/></d:principal><d:grant><d:privilege><cal:schedule-deliver/></d:privilege></d:grant><d:protected/></d:ace>"
            ))
        // The ACL itself needs read-acl: bob reads the principal's but not the calendar's.
        let principal = test.send(
            "PROPFIND", "/principals/alice/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<D:acl/><D:current-user-privilege-set/>"))
        #expect(principal.text.contains("<d:acl>"))
        let ownPrivileges = principal.text.components(separatedBy: "<d:current-user-privilege-set>").last ?? ""
        #expect(ownPrivileges.contains("<d:read/>"))
        #expect(!ownPrivileges.contains("write-properties"))
        #expect(
            test.send(
                "PROPFIND", "/calendars/alice/default/", as: "bob", headers: ["Depth": "0"], body: propfind("<D:acl/>")
            ).status == 403)
    }

    @Test func shareeAclAndPrivileges() throws {
        let test = TestServer()
        let share =
            "<?xml version=\"1.0\"?><D:share-resource xmlns:D=\"DAV:\"><D:sharee><D:href>mailto:bob@example.com</D:href><D:share-access><D:read/></D:share-access></D:sharee></D:share-resource>"
        #expect(test.send("POST", "/calendars/alice/default/", body: share).status == 200)
        let row = try #require(try test.store.calendars(ofPrincipal: "principals/bob").first { $0.access == .read })
        let response = test.send(
            "PROPFIND", "/calendars/bob/\(row.uri)/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<D:current-user-privilege-set/><D:acl/>"))
        #expect(response.text.contains("<d:privilege><d:write-properties/></d:privilege>"))
        #expect(!response.text.contains("<d:privilege><d:write-content/></d:privilege>"))
        #expect(!response.text.contains("<d:privilege><d:bind/></d:privilege>"))
        #expect(!response.text.contains("write-acl"))
        let lock =
            "<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>"
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        #expect(
            test.send("LOCK", "/calendars/bob/\(row.uri)/a.ics", as: "bob", headers: ["Depth": "0"], body: lock).status
                == 403)
    }
}
