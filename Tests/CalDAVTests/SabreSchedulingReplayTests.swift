import DAVXML
import Foundation
import ICalendar
import Storage
import Testing

@testable import CalDAV

/// Replays the scheduling steps of the sabre 4.7.1 transcript (p07–p12) after its set-up steps and
/// checks that Almanac delivers at least what sabre delivered. Object names differ (sabre names
/// copies `sabredav-<uuid>.ics`), so object paths are mapped by UID and If-Match by our ETags.
@Suite struct SabreSchedulingReplayTests {
    static let uid = "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87"
    static let setup: Set<String> = [
        "p00-discovery", "p01-mkcalendar", "p02-erin-events", "p03-sync-initial", "p04-more-events", "p05-override",
        "p06-vtodo",
    ]

    /// Our path for a sabre path: attendee copies are found by UID.
    static func mapped(_ path: String, _ test: TestServer) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 4, parts[0] == "calendars", parts[2] != "inbox", parts[3].hasPrefix("sabredav-"),
            let uri = try? test.store.objectURI(forUID: uid, in: test.calendarID(parts[1], parts[2]))
        else { return path }
        return "/calendars/\(parts[1])/\(parts[2])/\(uri)"
    }

    static func partstats(_ body: String) -> [String: String] {
        guard let calendar = try? ICalComponent.parse(body), let event = calendar.components(named: "VEVENT").first
        else { return [:] }
        var out: [String: String] = [:]
        for attendee in event.properties(named: "ATTENDEE") {
            out[attendee.rawValue.lowercased()] = attendee[parameter: "PARTSTAT"] ?? ""
        }
        return out
    }

    @Test func schedulingStepsDeliverAtLeastWhatSabreDid() throws {
        let test = SabreTranscriptTests.server()
        test.configuration.externalDelivery = QueueingDelivery()
        var organizerChecks = 0
        for exchange in try SabreTranscriptTests.exchanges() where exchange.auth != "digest" {
            let scheduling = exchange.step >= "p07" && exchange.step < "p13"
            guard Self.setup.contains(exchange.step) || scheduling else { continue }
            var headers = exchange.headers
            let path = Self.mapped(exchange.path, test)
            if headers["If-Match"] != nil, let current = test.copyETag(path) { headers["If-Match"] = "\"\(current)\"" }
            if scheduling && exchange.method == "REPORT" { continue }  // answers name sabre's files
            if scheduling && exchange.method == "GET" && path.contains("/inbox/") { continue }
            let response = test.server.handle(
                DAVRequest(method: exchange.method, uri: path, headers: headers, body: Array(exchange.body.utf8)))
            #expect(response.status == exchange.status, "seq \(exchange.seq) \(exchange.method) \(exchange.path)")
            guard scheduling else { continue }
            switch exchange.method {
            case "GET" where path.hasPrefix("/calendars/frank/"):
                // The organizer sees every answer sabre recorded, except that a reschedule asks again (RFC 5546 §2.1.4).
                var expected = Self.partstats(exchange.responseBody)
                if exchange.seq > 49 {  // after frank's reschedule (seq 49)
                    expected["mailto:grace@example.net"] = "NEEDS-ACTION"
                    if exchange.step == "p10-reschedule" { expected["mailto:heidi@example.net"] = "NEEDS-ACTION" }
                }
                #expect(Self.partstats(response.text) == expected, "seq \(exchange.seq)")
                #expect(!response.text.contains("PARTSTAT=;") && !response.text.contains("PARTSTAT=:"))
                organizerChecks += 1
            case "GET":
                let ours = try ICalComponent.parse(response.text).components(named: "VEVENT").first
                let theirs = try ICalComponent.parse(exchange.responseBody).components(named: "VEVENT").first
                #expect(ours?[raw: "DTSTART"] == theirs?[raw: "DTSTART"], "seq \(exchange.seq)")
            case "PROPFIND" where path.hasSuffix("/inbox/"):
                let expected = exchange.responseBody.components(separatedBy: "/inbox/sabredav-").count - 1
                let actual = response.text.components(separatedBy: "/inbox/almanac-").count - 1
                #expect(actual == expected, "seq \(exchange.seq) inbox of \(path)")
            case "POST":
                let lines = { (text: String) in
                    Set(
                        text.replacingOccurrences(of: "&#13;", with: "").split(whereSeparator: \.isNewline)
                            .filter { $0.hasPrefix("FREEBUSY") })
                }
                #expect(lines(response.text) == lines(exchange.responseBody), "seq \(exchange.seq)")
                #expect(response.text.contains("2.0;Success"))
            default:
                break
            }
        }
        #expect(organizerChecks == 6)
        // zed got every organizer message by mail, like sabre's iMIP.
        let mails = try test.store.dueMails(now: test.clock + 1, limit: 100)
        #expect(mails.filter { $0.recipient == "zed@example.com" }.count >= 2)
    }
}

extension TestServer {
    /// The ETag of the object at a request path, if it exists.
    func copyETag(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 4,
            let calendar = try? store.calendar(ofPrincipal: "principals/\(parts[1])", named: parts[2])
        else { return nil }
        return (try? store.object(named: parts[3], in: calendar.calendarID))??.etag
    }
}
