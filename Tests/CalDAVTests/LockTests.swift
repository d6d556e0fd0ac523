import Storage
import Testing

@testable import CalDAV

@Suite struct LockTests {
    let lockBody = """
        <?xml version="1.0" encoding="utf-8"?>
        <D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype><D:owner><D:href>mailto:alice@example.com</D:href></D:owner></D:lockinfo>
        """

    @Test func lockBlocksWritesWithoutTheToken() {
        let test = TestServer()
        let path = "/calendars/alice/default/a.ics"
        #expect(test.send("PUT", path, body: event(uid: "a")).status == 201)
        let lock = test.send("LOCK", path, headers: ["Timeout": "Second-600", "Depth": "0"], body: lockBody)
        #expect(lock.status == 200)
        let token = lock.header("Lock-Token")!
        #expect(token.hasPrefix("<opaquelocktoken:"))
        #expect(lock.text.contains("<d:lockdiscovery>"))
        #expect(test.send("LOCK", path, body: lockBody).status == 423)

        #expect(test.send("PUT", path, body: event(uid: "a", summary: "x")).status == 423)
        #expect(
            test.send("PUT", path, headers: ["If": "(\(token))"], body: event(uid: "a", summary: "x")).status == 204)
        #expect(test.send("DELETE", path).status == 423)
        #expect(test.send("UNLOCK", path, headers: ["Lock-Token": token]).status == 204)
        #expect(test.send("DELETE", path).status == 204)
    }

    @Test func locksExpire() {
        let test = TestServer()
        let path = "/calendars/alice/default/a.ics"
        _ = test.send("PUT", path, body: event(uid: "a"))
        #expect(test.send("LOCK", path, headers: ["Timeout": "Second-60"], body: lockBody).status == 200)
        test.clock += 61
        #expect(test.send("DELETE", path).status == 204)
    }

    @Test func othersCannotLock() {
        let test = TestServer()
        #expect(test.send("LOCK", "/calendars/alice/default/a.ics", as: "bob", body: lockBody).status == 403)
    }
}
