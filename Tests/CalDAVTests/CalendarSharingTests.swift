import Storage
import Testing

@testable import CalDAV

@Suite struct CalendarSharingTests {
    func share(_ test: TestServer, with href: String, access: String) -> DAVResponse {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:share-resource xmlns:D="DAV:"><D:sharee><D:href>\(href)</D:href><D:share-access><D:\(access)/></D:share-access></D:sharee></D:share-resource>
            """
        return test.send("POST", "/calendars/alice/default/", headers: ["Content-Type": "application/davsharing+xml"], body: body)
    }

    func shareeInstance(_ test: TestServer, _ user: String) throws -> CalendarInstance {
        try #require(try test.store.calendars(ofPrincipal: "principals/\(user)").first { $0.access != .owner })
    }

    @Test func readShareIsVisibleButNotWritable() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        #expect(share(test, with: "mailto:bob@example.com", access: "read").status == 200)
        let instance = try shareeInstance(test, "bob")
        #expect(instance.access == .read)
        #expect(instance.shareHref == "mailto:bob@example.com")
        #expect(instance.shareInviteStatus == 2)
        #expect(instance.properties.transparent)
        #expect(instance.uri.count == 36)

        let home = test.send("PROPFIND", "/calendars/bob/", as: "bob", headers: ["Depth": "1"], body: propfind("<D:resourcetype/><D:owner/><D:share-access/>"))
        #expect(home.text.contains("<d:href>/calendars/bob/\(instance.uri)/</d:href>"))
        #expect(home.text.contains("<cs:shared/>"))
        #expect(home.text.contains("<d:owner><d:href>/principals/alice/</d:href></d:owner>"))
        #expect(home.text.contains("<d:share-access><d:read/></d:share-access>"))
        #expect(test.send("GET", "/calendars/bob/\(instance.uri)/a.ics", as: "bob").status == 200)
        #expect(test.send("PUT", "/calendars/bob/\(instance.uri)/b.ics", as: "bob", body: event(uid: "b")).status == 403)
        #expect(test.send("POST", "/calendars/bob/\(instance.uri)/", as: "bob", body: "<x/>").status == 403)

        let invite = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"], body: propfind("<D:invite/><D:share-access/><CS:invite/>"))
        #expect(invite.text.contains("<d:sharee><d:href>mailto:bob@example.com</d:href>"))
        #expect(invite.text.contains("<d:share-access><d:shared-owner/></d:share-access>"))
        #expect(invite.text.contains("<cs:organizer><d:href>/principals/alice/</d:href>"))
    }

    @Test func readWriteShareUpgradeAndUnshare() throws {
        let test = TestServer()
        #expect(share(test, with: "mailto:bob@example.com", access: "read").status == 200)
        let first = try shareeInstance(test, "bob")
        #expect(share(test, with: "mailto:bob@example.com", access: "read-write").status == 200)
        let upgraded = try shareeInstance(test, "bob")
        #expect(upgraded.access == .readWrite)
        #expect(upgraded.uri == first.uri)
        #expect(test.send("PUT", "/calendars/bob/\(upgraded.uri)/b.ics", as: "bob", body: event(uid: "b")).status == 201)
        #expect(test.send("GET", "/calendars/alice/default/b.ics").status == 200)

        #expect(share(test, with: "mailto:bob@example.com", access: "no-access").status == 200)
        #expect(try test.store.calendars(ofPrincipal: "principals/bob").allSatisfy { $0.access == .owner })
    }

    @Test func calendarServerShareAndUnknownAddress() throws {
        let test = TestServer()
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <CS:share xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">
              <CS:set><D:href>mailto:carol@example.com</D:href><CS:common-name>Carol C</CS:common-name><CS:read-write/></CS:set>
              <CS:set><D:href>mailto:stranger@elsewhere.org</D:href><CS:read/></CS:set>
            </CS:share>
            """
        #expect(test.send("POST", "/calendars/alice/default/", body: body).status == 200)
        let rows = try test.store.instances(of: test.calendarID("alice")).filter { $0.access != .owner }
        #expect(rows.count == 2)
        #expect(rows.first { $0.shareHref == "mailto:carol@example.com" }?.access == .readWrite)
        #expect(rows.first { $0.shareHref == "mailto:stranger@elsewhere.org" }?.shareInviteStatus == 4)
        #expect(test.send("POST", "/calendars/alice/default/", as: "bob", body: body).status == 403)
    }

    @Test func shareeRemovesOwnInstance() throws {
        let test = TestServer()
        _ = share(test, with: "mailto:bob@example.com", access: "read")
        let instance = try shareeInstance(test, "bob")
        #expect(test.send("DELETE", "/calendars/bob/\(instance.uri)/", as: "bob").status == 204)
        #expect(try test.store.calendar(ofPrincipal: "principals/alice", named: "default") != nil)
    }
}
