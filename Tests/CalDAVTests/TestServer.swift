import CalDAV
import Storage

/// A server over an in-memory store with users alice, bob and carol (password = name), each with a calendar `default`.
final class TestServer {
    let store = InMemoryStore()
    var clock: Int64 = 1_795_000_000
    var counter = 0
    var configuration = ServerConfiguration(digestSecret: "test-secret")
    lazy var server = makeServer()

    init(users: [String] = ["alice", "bob", "carol"]) {
        for user in users {
            try! store.createUser(username: user, digestA1: MD5.hex("\(user):SabreDAV:\(user)"))
            try! store.createPrincipal(
                uri: "principals/\(user)", email: "\(user)@example.com", displayName: user.capitalized)
            try! store.createPrincipal(uri: "principals/\(user)/calendar-proxy-read", email: nil, displayName: nil)
            try! store.createPrincipal(uri: "principals/\(user)/calendar-proxy-write", email: nil, displayName: nil)
            try! store.createCalendar(
                principalURI: "principals/\(user)", uri: "default",
                properties: CalendarProperties(displayName: "Default"),
                components: ["VEVENT", "VTODO"])
        }
    }

    func makeServer() -> CalDAVServer<InMemoryStore> {
        CalDAVServer(
            store: store, configuration: configuration, now: { [unowned self] in self.clock },
            makeID: { [unowned self] in
                self.counter += 1
                return
                    "00000000-0000-4000-8000-\(String(repeating: "0", count: 12 - String(self.counter).count))\(self.counter)"
            })
    }

    /// Sends a request as `user` with Basic auth (nil: no Authorization header).
    func send(
        _ method: String, _ uri: String, as user: String? = "alice", headers: [String: String] = [:], body: String = ""
    ) -> DAVResponse {
        var all = headers
        if let user {
            let credentials = Array("\(user):\(user)".utf8)
            all["Authorization"] = "Basic " + base64(credentials)
        }
        return server.handle(DAVRequest(method: method, uri: uri, headers: all, body: Array(body.utf8)))
    }

    func calendarID(_ user: String, _ name: String = "default") -> CalendarID {
        try! store.calendar(ofPrincipal: "principals/\(user)", named: name)!.calendarID
    }
}

extension DAVResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

func base64(_ bytes: [UInt8]) -> String {
    let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var out = ""
    var index = 0
    while index < bytes.count {
        let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
        let value =
            (UInt32(chunk[0]) << 16) | (chunk.count > 1 ? UInt32(chunk[1]) << 8 : 0)
            | (chunk.count > 2 ? UInt32(chunk[2]) : 0)
        out.append(table[Int((value >> 18) & 63)])
        out.append(table[Int((value >> 12) & 63)])
        out.append(chunk.count > 1 ? table[Int((value >> 6) & 63)] : "=")
        out.append(chunk.count > 2 ? table[Int(value & 63)] : "=")
        index += 3
    }
    return out
}

/// A small VEVENT body.
func event(
    uid: String, summary: String = "Meeting", start: String = "20270203T150000Z", end: String = "20270203T160000Z"
) -> String {
    """
    BEGIN:VCALENDAR\r
    VERSION:2.0\r
    PRODID:-//Test//EN\r
    BEGIN:VEVENT\r
    UID:\(uid)\r
    DTSTAMP:20261125T082437Z\r
    SUMMARY:\(summary)\r
    DTSTART:\(start)\r
    DTEND:\(end)\r
    END:VEVENT\r
    END:VCALENDAR\r

    """
}

let propfindHeader =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:CS=\"http://calendarserver.org/ns/\" xmlns:A=\"http://apple.com/ns/ical/\">"

func propfind(_ props: String) -> String { propfindHeader + "<D:prop>\(props)</D:prop></D:propfind>" }
