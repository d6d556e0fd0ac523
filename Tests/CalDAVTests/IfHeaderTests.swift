import Storage
import Testing

@testable import CalDAV

@Suite struct IfHeaderTests {
    let lockBody = """
        <?xml version="1.0" encoding="utf-8"?>
        <D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>
        """

    @Test func parsesTaggedUntaggedAndNot() throws {
        let untagged = try #require(IfHeader("(<opaquelocktoken:a> [\"e1\"]) (Not <DAV:no-lock>)"))
        #expect(untagged.lists.count == 2)
        #expect(untagged.lists[0].resource == nil)
        #expect(
            untagged.lists[0].conditions == [
                .init(negated: false, kind: .stateToken("opaquelocktoken:a")),
                .init(negated: false, kind: .entityTag("\"e1\"")),
            ])
        #expect(untagged.lists[1].conditions == [.init(negated: true, kind: .stateToken("DAV:no-lock"))])
        let tagged = try #require(
            IfHeader("<http://h/calendars/a/x.ics> (<opaquelocktoken:b>) <http://h/calendars/a/y.ics> ([W/\"e\"])"))
        #expect(tagged.lists.map(\.resource) == ["http://h/calendars/a/x.ics", "http://h/calendars/a/y.ics"])
        #expect(tagged.stateTokens == ["opaquelocktoken:b"])
        for bad in ["", "(", "()", "<x>", "(<a>) <http://h/x> (<b>)", "([\"e\"]", "(Nope <a>)", "garbage"] {
            #expect(IfHeader(bad) == nil, "\(bad) should not parse")
        }
        #expect(IfHeader.sameEntityTag("W/\"abc\"", "\"abc\""))
        #expect(!IfHeader.sameEntityTag("\"abd\"", "\"abc\""))
    }

    @Test func entityTagsAndNotInIfHeader() {
        let test = TestServer()
        let path = "/calendars/alice/default/a.ics"
        let created = test.send("PUT", path, body: event(uid: "a"))
        let etag = created.header("ETag")!
        #expect(
            test.send("PUT", path, headers: ["If": "([\"nope\"])"], body: event(uid: "a", summary: "1")).status == 412)
        #expect(
            test.send("PUT", path, headers: ["If": "([\(etag)])"], body: event(uid: "a", summary: "2")).status == 204)
        #expect(
            test.send(
                "PROPPATCH", path, headers: ["If": "([\(etag)])"],
                body:
                    "<?xml version=\"1.0\"?><D:propertyupdate xmlns:D=\"DAV:\"><D:set><D:prop><X:a xmlns:X=\"urn:x\">1</X:a></D:prop></D:set></D:propertyupdate>"
            ).status == 412)
        #expect(test.send("DELETE", path, headers: ["If": "(<DAV:no-lock>)"]).status == 412)
        #expect(test.send("DELETE", path, headers: ["If": "(garbage"]).status == 400)
        #expect(test.send("DELETE", path, headers: ["If": "(<DAV:no-lock>) (Not <DAV:no-lock>)"]).status == 204)
    }

    @Test func lockTokensThroughIfHeader() {
        let test = TestServer()
        let path = "/calendars/alice/default/a.ics"
        _ = test.send("PUT", path, body: event(uid: "a"))
        let lock = test.send("LOCK", path, headers: ["Timeout": "Second-600", "Depth": "0"], body: lockBody)
        #expect(lock.status == 200)
        let token = lock.header("Lock-Token")!
        #expect(lock.header("Lock-Token")?.hasPrefix("<opaquelocktoken:") == true)
        let stored = try! test.store.locks(
            for: "calendars/alice/default/a.ics", includeChildren: false, now: test.clock)
        #expect(stored.count == 1)
        #expect(
            stored.first.map {
                !$0.token.hasPrefix("opaquelocktoken:") && $0.scope == 2 && $0.depth == 0 && $0.timeout == 600
            } == true)
        #expect(stored.first?.created == test.clock)

        let locked = test.send("PUT", path, body: event(uid: "a", summary: "x"))
        #expect(locked.status == 423)
        #expect(
            locked.text.contains(
                "<d:lock-token-submitted><d:href>/calendars/alice/default/a.ics</d:href></d:lock-token-submitted>"))
        #expect(
            test.send("PUT", path, headers: ["If": "(<opaquelocktoken:wrong>)"], body: event(uid: "a", summary: "x"))
                .status == 412)
        // A Not list lets the request through the If check, but the lock still needs its token.
        #expect(
            test.send(
                "PUT", path, headers: ["If": "(Not <opaquelocktoken:wrong>)"], body: event(uid: "a", summary: "x")
            ).status == 423)
        #expect(
            test.send(
                "PUT", path, headers: ["If": "<http://localhost\(path)> (\(token))"],
                body: event(uid: "a", summary: "t")
            ).status == 204)
        let etag = test.send("GET", path).header("ETag")!
        #expect(
            test.send("PUT", path, headers: ["If": "(\(token) [\(etag)])"], body: event(uid: "a", summary: "u")).status
                == 204)
        #expect(
            test.send("PUT", path, headers: ["If": "(\(token) [\(etag)])"], body: event(uid: "a", summary: "v")).status
                == 412)
        // MOVE away needs the token too; bob cannot use alice's token to write.
        #expect(
            test.send("MOVE", path, headers: ["Destination": "http://localhost/calendars/alice/default/b.ics"]).status
                == 423)
        #expect(test.send("PUT", path, as: "bob", headers: ["If": "(\(token))"], body: event(uid: "a")).status == 403)
        #expect(test.send("UNLOCK", path, as: "bob", headers: ["Lock-Token": token]).status == 403)
        #expect(test.send("UNLOCK", path, headers: ["Lock-Token": token]).status == 204)
        #expect(
            test.send("MOVE", path, headers: ["Destination": "http://localhost/calendars/alice/default/b.ics"]).status
                == 201)
    }

    @Test func depthInfinityLockOnACalendarCoversNewObjects() {
        let test = TestServer()
        let lock = test.send("LOCK", "/calendars/alice/default/", headers: ["Depth": "infinity"], body: lockBody)
        #expect(lock.status == 200)
        let token = lock.header("Lock-Token")!
        #expect(
            try! test.store.locks(for: "calendars/alice/default", includeChildren: false, now: test.clock).first?.depth
                == -1)
        let blocked = test.send("PUT", "/calendars/alice/default/n.ics", body: event(uid: "n"))
        #expect(blocked.status == 423)
        #expect(blocked.text.contains("<d:href>/calendars/alice/default/</d:href>"))
        #expect(
            test.send("PUT", "/calendars/alice/default/n.ics", headers: ["If": "(\(token))"], body: event(uid: "n"))
                .status == 201)
        let discovery = test.send(
            "PROPFIND", "/calendars/alice/default/", headers: ["Depth": "0"],
            body: propfind("<D:lockdiscovery/><D:supportedlock/>"))
        #expect(discovery.text.contains("<d:depth>infinity</d:depth>"))
        #expect(discovery.text.contains("<d:lockentry><d:lockscope><d:exclusive/></d:lockscope>"))
    }

    @Test func lockOnUnmappedURLIsRefused() {
        let test = TestServer()
        #expect(test.send("LOCK", "/calendars/alice/default/none.ics", body: lockBody).status == 409)
        #expect(test.send("LOCK", "/calendars/alice/nocal/", body: lockBody).status == 409)
        #expect(
            try! test.store.locks(for: "calendars/alice/default/none.ics", includeChildren: false, now: test.clock)
                .isEmpty)
    }
}
