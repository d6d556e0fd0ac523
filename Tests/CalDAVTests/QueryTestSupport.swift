import CalDAV
import ICalendar
import Storage

/// Builders for calendar-query and free-busy bodies, and readers for their answers.
enum Query {
    static let head = "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"

    /// A calendar-query whose VCALENDAR comp-filter holds `filter`.
    static func body(_ filter: String, props: String = "<D:getetag/>", extra: String = "") -> String {
        head + "<D:prop>\(props)</D:prop><C:filter><C:comp-filter name=\"VCALENDAR\">\(filter)</C:comp-filter></C:filter>\(extra)</C:calendar-query>"
    }

    /// `<C:comp-filter name="VEVENT">inner</C:comp-filter>`.
    static func events(_ inner: String = "") -> String { "<C:comp-filter name=\"VEVENT\">\(inner)</C:comp-filter>" }

    /// `<C:time-range start=… end=…/>`.
    static func range(_ start: String, _ end: String) -> String { "<C:time-range start=\"\(start)\" end=\"\(end)\"/>" }

    /// A free-busy-query body.
    static func freeBusy(_ start: String, _ end: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:free-busy-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\(range(start, end))</C:free-busy-query>"
    }

    /// Object names (last path segment) of the hrefs in a multistatus.
    static func names(_ response: DAVResponse) -> Set<String> {
        Set(
            response.text.components(separatedBy: "<d:href>").dropFirst().map { chunk in
                let href = String(chunk.prefix { $0 != "<" })
                return String(href.split(separator: "/").last ?? "")
            })
    }

    /// FREEBUSY lines of a VFREEBUSY answer, unfolded, as "TYPE start/end".
    static func busyLines(_ response: DAVResponse) -> [String] {
        response.text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
            .filter { $0.hasPrefix("FREEBUSY") }
            .map { line in
                // FBTYPE=BUSY may be left out (it is the default, RFC 5545 §3.2.9).
                let type = line.contains("FBTYPE=")
                    ? line.components(separatedBy: "FBTYPE=").last?.components(separatedBy: ":").first ?? "" : "BUSY"
                return type + " " + (line.components(separatedBy: ":").last ?? "")
            }
    }
}

/// A VCALENDAR around `components` (already CRLF-terminated lines).
func vcalendar(_ components: String) -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + components + "END:VCALENDAR\r\n"
}

/// One component from lines, CRLF-joined.
func component(_ name: String, _ lines: [String]) -> String {
    "BEGIN:\(name)\r\n" + lines.map { $0 + "\r\n" }.joined() + "END:\(name)\r\n"
}

extension TestServer {
    /// REPORT on alice's default calendar (Depth 1).
    func report(_ body: String, path: String = "/calendars/alice/default/", as user: String = "alice", headers: [String: String] = [:])
        -> DAVResponse
    {
        var all = headers
        all["Depth"] = all["Depth"] ?? "1"
        return send("REPORT", path, as: user, headers: all, body: body)
    }

    /// PUTs an object and insists it was stored.
    func put(_ name: String, _ body: String, calendar: String = "default", as user: String = "alice") {
        let response = send("PUT", "/calendars/\(user)/\(calendar)/\(name)", as: user, body: body)
        precondition(response.status == 201 || response.status == 204, "PUT \(name): \(response.status) \(response.text)")
    }

    /// The VTIMEZONE of an IANA zone wrapped in a VCALENDAR, as calendar-timezone carries it.
    static func calendarTimezone(_ tzid: String) -> String {
        let zone = ICalTimeZone.vtimezone(named: tzid, covering: 2025...2029)!
        return ICalComponent("VCALENDAR", properties: [ICalProperty("VERSION", rawValue: "2.0")], components: [zone]).serialized()
    }
}
