import Storage
import Testing

@testable import CalDAV

@Suite struct SharingTests {
    func shareResource(_ sharees: [(String, String)]) -> String {
        let entries = sharees.map { href, access in
            "<D:sharee><D:href>\(href)</D:href><D:prop><D:displayname>Guest</D:displayname></D:prop><D:share-access><D:\(access)/></D:share-access></D:sharee>"
        }.joined()
        return
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><D:share-resource xmlns:D=\"DAV:\">\(entries)</D:share-resource>"
    }

    func csShare(set: [(String, Bool)] = [], remove: [String] = []) -> String {
        let sets = set.map { href, write in
            "<CS:set><D:href>\(href)</D:href><CS:common-name>Bob B</CS:common-name><CS:summary>Work</CS:summary>\(write ? "<CS:read-write/>" : "<CS:read/>")</CS:set>"
        }.joined()
        let removes = remove.map { "<CS:remove><D:href>\($0)</D:href></CS:remove>" }.joined()
        return
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><CS:share xmlns:D=\"DAV:\" xmlns:CS=\"http://calendarserver.org/ns/\">\(sets)\(removes)</CS:share>"
    }

    func sharee(_ test: TestServer, _ user: String) -> CalendarInstance? {
        try! test.store.instances(of: test.calendarID("alice")).first { $0.principalURI == "principals/\(user)" }
    }

    @Test func shareResourceStoresShareeRowsAsSabre() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        let response = test.send(
            "POST", "/calendars/alice/default/", headers: ["Content-Type": "application/davsharing+xml"],
            body: shareResource([("mailto:BOB@example.com", "read"), ("mailto:nobody@elsewhere.org", "read-write")]))
        #expect(response.status == 200)
        let instances = try test.store.instances(of: test.calendarID("alice"))
        #expect(instances.count == 3)
        let owner = instances[0]
        #expect(owner.access == .owner && owner.shareHref == nil)
        let bob = try #require(instances.first { $0.principalURI == "principals/bob" })
        #expect(bob.access == .read)
        #expect(bob.shareHref == "mailto:BOB@example.com")
        #expect(bob.shareInviteStatus == 2)
        #expect(bob.shareDisplayName == "Guest")
        #expect(bob.properties.transparent)
        #expect(bob.properties.displayName == "Default")
        #expect(bob.uri == bob.uri.lowercased() && bob.uri.count == 36)
        let unknown = try #require(instances.first { $0.shareHref == "mailto:nobody@elsewhere.org" })
        #expect(unknown.shareInviteStatus == 4)
        #expect(unknown.principalURI.isEmpty)
        #expect(unknown.access == .readWrite)
    }

    @Test func readShareeSeesButCannotWrite() throws {
        let test = TestServer()
        _ = test.send("PUT", "/calendars/alice/default/a.ics", body: event(uid: "a"))
        #expect(
            test.send("POST", "/calendars/alice/default/", body: shareResource([("/principals/bob/", "read")])).status
                == 200)
        let row = try #require(sharee(test, "bob"))
        let home = test.send(
            "PROPFIND", "/calendars/bob/", as: "bob", headers: ["Depth": "1"],
            body: propfind("<D:displayname/><D:share-access/><D:resourcetype/>"))
        #expect(home.text.contains("<d:href>/calendars/bob/\(row.uri)/</d:href>"))
        #expect(home.text.contains("<d:share-access><d:read/></d:share-access>"))
        #expect(home.text.contains("<cs:shared/>"))
        let path = "/calendars/bob/\(row.uri)/"
        #expect(test.send("GET", path + "a.ics", as: "bob").text.contains("UID:a"))
        #expect(test.send("PUT", path + "a.ics", as: "bob", body: event(uid: "a", summary: "X")).status == 403)
        #expect(test.send("PUT", path + "b.ics", as: "bob", body: event(uid: "b")).status == 403)
        #expect(test.send("DELETE", path + "a.ics", as: "bob").status == 403)
        // Bob may rename his own view of it, but not share it on.
        let rename =
            "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:displayname>Alice's</D:displayname></D:prop></D:set></D:propertyupdate>"
        #expect(test.send("PROPPATCH", path, as: "bob", body: rename).status == 207)
        #expect(
            try test.store.calendar(ofPrincipal: "principals/alice", named: "default")?.properties.displayName
                == "Default")
        #expect(test.send("POST", path, as: "bob", body: shareResource([("/principals/carol/", "read")])).status == 403)
        // Still nothing through alice's own URL.
        #expect(test.send("GET", "/calendars/alice/default/a.ics", as: "bob").status == 403)
        // Lock cannot be used to sneak a write in.
        #expect(
            test.server.privilegesForTest(of: "bob", on: .calendar("bob", row.uri)).contains(.writeContent) == false)
    }

    @Test func readWriteShareeWritesIntoTheOwnersCalendar() throws {
        let test = TestServer()
        #expect(
            test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:bob@example.com", true)]))
                .status == 200)
        let row = try #require(sharee(test, "bob"))
        #expect(row.access == .readWrite)
        #expect(row.shareDisplayName == "Bob B")
        let path = "/calendars/bob/\(row.uri)/b.ics"
        #expect(test.send("PUT", path, as: "bob", body: event(uid: "b")).status == 201)
        #expect(test.send("GET", "/calendars/alice/default/b.ics").status == 200)
        #expect(test.send("DELETE", path, as: "bob").status == 204)
        #expect(test.send("GET", "/calendars/alice/default/b.ics").status == 404)
        #expect(!test.server.privilegesForTest(of: "bob", on: .calendar("bob", row.uri)).contains(.share))
    }

    @Test func changingAccessKeepsTheUriAndUnsharingRemovesIt() throws {
        let test = TestServer()
        _ = test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:bob@example.com", false)]))
        let first = try #require(sharee(test, "bob"))
        _ = test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:bob@example.com", true)]))
        let second = try #require(sharee(test, "bob"))
        #expect(second.uri == first.uri)
        #expect(second.access == .readWrite)
        #expect(try test.store.instances(of: test.calendarID("alice")).count == 2)

        #expect(
            test.send("POST", "/calendars/alice/default/", body: csShare(remove: ["mailto:bob@example.com"])).status
                == 200)
        #expect(sharee(test, "bob") == nil)
        #expect(test.send("PROPFIND", "/calendars/bob/\(first.uri)/", as: "bob", headers: ["Depth": "0"]).status == 404)
        let home = test.send(
            "PROPFIND", "/calendars/bob/", as: "bob", headers: ["Depth": "1"], body: propfind("<D:resourcetype/>"))
        #expect(!home.text.contains(first.uri))

        _ = test.send("POST", "/calendars/alice/default/", body: shareResource([("mailto:carol@example.com", "read")]))
        #expect(sharee(test, "carol") != nil)
        _ = test.send(
            "POST", "/calendars/alice/default/", body: shareResource([("mailto:carol@example.com", "no-access")]))
        #expect(sharee(test, "carol") == nil)
    }

    @Test func inviteProperties() throws {
        let test = TestServer()
        let before = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind("<D:share-access/><CS:allowed-sharing-modes/>"))
        #expect(before.text.contains("<d:share-access><d:not-shared/></d:share-access>"))
        #expect(before.text.contains("<cs:can-be-shared/>"))
        _ = test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:bob@example.com", true)]))
        let response = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind("<D:invite/><CS:invite/><D:share-access/><D:share-resource-uri/>"))
        #expect(response.text.contains("<d:share-access><d:shared-owner/></d:share-access>"))
        #expect(
            response.text.contains(
                "<d:sharee><d:href>mailto:bob@example.com</d:href><d:prop><d:displayname>Bob B</d:displayname></d:prop><d:share-access><d:read-write/></d:share-access><d:invite-accepted/></d:sharee>"
            ))
        #expect(
            response.text.contains(
                "<cs:organizer><d:href>/principals/alice/</d:href><cs:common-name>Alice</cs:common-name></cs:organizer>"
            ))
        #expect(
            response.text.contains(
                "<cs:user><d:href>mailto:bob@example.com</d:href><cs:common-name>Bob B</cs:common-name><cs:invite-accepted/><cs:access><cs:read-write/></cs:access></cs:user>"
            ))
        #expect(
            response.text.contains(
                "<d:share-resource-uri><d:href>/calendars/alice/default/</d:href></d:share-resource-uri>"))
    }

    @Test func inviteReplyAcceptAndDecline() throws {
        let test = TestServer()
        _ = test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:bob@example.com", false)]))
        let row = try #require(sharee(test, "bob"))
        func reply(_ answer: String) -> String {
            "<?xml version=\"1.0\"?><CS:invite-reply xmlns:D=\"DAV:\" xmlns:CS=\"http://calendarserver.org/ns/\"><D:href>mailto:bob@example.com</D:href><CS:\(answer)/><CS:hosturl><D:href>/calendars/alice/default/</D:href></CS:hosturl><CS:in-reply-to>x</CS:in-reply-to></CS:invite-reply>"
        }
        // carol has no invitation; bob cannot answer in carol's home.
        #expect(test.send("POST", "/calendars/carol/", as: "carol", body: reply("invite-accepted")).status == 403)
        #expect(test.send("POST", "/calendars/carol/", as: "bob", body: reply("invite-accepted")).status == 403)
        let accepted = test.send("POST", "/calendars/bob/", as: "bob", body: reply("invite-accepted"))
        #expect(accepted.status == 200)
        #expect(accepted.text.contains("<d:href>/calendars/bob/\(row.uri)/</d:href></cs:shared-as>"))
        #expect(test.send("POST", "/calendars/bob/", as: "bob", body: reply("invite-declined")).status == 200)
        #expect(sharee(test, "bob") == nil)
    }

    @Test func onlyTheOwnerShares() {
        let test = TestServer()
        let body = csShare(set: [("mailto:carol@example.com", true)])
        #expect(test.send("POST", "/calendars/alice/default/", as: "bob", body: body).status == 403)
        let proxy =
            "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><D:group-member-set><D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>"
        _ = test.send("PROPPATCH", "/principals/alice/calendar-proxy-write/", body: proxy)
        #expect(test.send("POST", "/calendars/alice/default/", as: "bob", body: body).status == 403)
        #expect(sharee(test, "carol") == nil)
        // Sharing with oneself is refused and changes nothing.
        #expect(
            test.send("POST", "/calendars/alice/default/", body: csShare(set: [("mailto:alice@example.com", true)]))
                .status == 403)
        #expect(try! test.store.instances(of: test.calendarID("alice")).count == 1)
        // Garbage is refused.
        #expect(test.send("POST", "/calendars/alice/default/", body: "<x/>").status == 415)
        #expect(test.send("POST", "/calendars/alice/default/", body: "not xml").status == 400)
    }
}

@Suite struct SharingEdgeTests {
    func share(_ href: String, _ access: String) -> String {
        "<?xml version=\"1.0\"?><D:share-resource xmlns:D=\"DAV:\"><D:sharee><D:href>\(href)</D:href><D:share-access><D:\(access)/></D:share-access></D:sharee></D:share-resource>"
    }

    @Test func oneRowPerShareeWhateverHrefNamesThem() throws {
        let test = TestServer()
        #expect(test.send("POST", "/calendars/alice/default/", body: share("http://localhost/principals/bob/", "read")).status == 200)
        let first = try #require(try test.store.calendars(ofPrincipal: "principals/bob").first { $0.access != .owner })
        #expect(first.shareHref == "http://localhost/principals/bob/")
        #expect(test.send("POST", "/calendars/alice/default/", body: share("mailto:bob@example.com", "read-write")).status == 200)
        let rows = try test.store.instances(of: test.calendarID("alice")).filter { $0.access != .owner }
        #expect(rows.count == 1)
        #expect(rows.first?.uri == first.uri)
        #expect(rows.first?.shareHref == "mailto:bob@example.com")
        #expect(rows.first?.access == .readWrite)
    }

    @Test func unsharingDropsTheShareesDeadProperties() throws {
        let test = TestServer()
        _ = test.send("POST", "/calendars/alice/default/", body: share("mailto:bob@example.com", "read"))
        let row = try #require(try test.store.calendars(ofPrincipal: "principals/bob").first { $0.access != .owner })
        let note = "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><X:n xmlns:X=\"urn:x\">mine</X:n></D:prop></D:set></D:propertyupdate>"
        #expect(test.send("PROPPATCH", "/calendars/bob/\(row.uri)/", as: "bob", body: note).status == 207)
        #expect(try test.store.deadProperties(path: "calendars/bob/\(row.uri)").count == 1)
        _ = test.send("POST", "/calendars/alice/default/", body: share("mailto:bob@example.com", "no-access"))
        #expect(try test.store.deadProperties(path: "calendars/bob/\(row.uri)").isEmpty)
    }

    @Test func deletingTheOwnersCalendarRemovesItFromShareeHomes() throws {
        let test = TestServer()
        _ = test.send("POST", "/calendars/alice/default/", body: share("mailto:bob@example.com", "read-write"))
        #expect(try test.store.calendars(ofPrincipal: "principals/bob").count == 2)
        #expect(test.send("DELETE", "/calendars/alice/default/").status == 204)
        #expect(try test.store.calendars(ofPrincipal: "principals/bob").count == 1)
    }
}
