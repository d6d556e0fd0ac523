import Storage
import Testing
@testable import CalDAV

@Suite struct RobustnessTests {
    @Test(arguments: [
        ("PROPFIND", "/", "<D:foo xmlns:D=\"DAV:\"/>"),
        ("PROPFIND", "/calendars/alice/", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><D:propfind xmlns:D=\"DAV:\"><D:prop>&e;</D:prop></D:propfind>"),
        ("REPORT", "/calendars/alice/default/", ""),
        ("PROPPATCH", "/calendars/alice/default/", ""),
        ("MKCALENDAR", "/calendars/alice/new/", "<C:mkcalendar"),
        ("PUT", "/calendars/alice/default/x.ics", "not a calendar"),
        ("PUT", "/calendars/alice/default/x.ics", ""),
        ("GET", "/calendars/alice/default/%zz.ics", ""),
        ("MOVE", "/calendars/alice/default/x.ics", ""),
        ("UNLOCK", "/calendars/alice/default/x.ics", ""),
    ])
    func badRequestsGetClientErrors(method: String, uri: String, body: String) {
        let test = TestServer()
        let response = test.send(method, uri, headers: ["Depth": "0"], body: body)
        #expect((400..<500).contains(response.status), "\(method) \(uri) -> \(response.status)")
    }

    @Test func contentLengthMismatchIsRefused() {
        let test = TestServer()
        let response = test.send("PUT", "/calendars/alice/default/x.ics", headers: ["Content-Length": "9999"], body: event(uid: "x"))
        #expect(response.status == 400)
        #expect(try! test.store.object(named: "x.ics", in: test.calendarID("alice")) == nil)
    }
}
