import CalDAV
import Foundation
import Storage
import Testing

/// In-process cost per request of the benchmark's read workloads over the in-memory store (issue 6).
///
/// Runs only with `ALMANAC_PERF=1` (build with `-c release -Xswiftc -enable-testing`): it seeds a
/// 1,000-event calendar shaped like bench/seed.py's and prints microseconds per request.
@Suite struct PerfHarnessTests {
    static let enabled = ProcessInfo.processInfo.environment["ALMANAC_PERF"] == "1"

    static let berlin =
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"

    /// Event i of the mix: 80% timed with a VTIMEZONE, 15% weekly recurring with EXDATE and override, 5% all-day.
    static func body(_ i: Int) -> String {
        let day = 1 + (i * 7) % 28
        let month = 1 + (i / 4) % 24
        let year = 2026 + (month - 1) / 12
        let date = String(format: "%04d%02d%02d", year, (month - 1) % 12 + 1, day)
        let uid = "perf-\(i)@example.test"
        var lines = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Perf//EN\r\n"
        switch i % 20 {
        case 0:
            lines += "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20251201T090000Z\r\nDTSTART;VALUE=DATE:\(date)\r\nSUMMARY:All day \(i)\r\nEND:VEVENT\r\n"
        case 1, 2, 3:
            lines += berlin
            lines += "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20251201T090000Z\r\nDTSTART;TZID=Europe/Berlin:\(date)T100000\r\nDTEND;TZID=Europe/Berlin:\(date)T110000\r\nRRULE:FREQ=WEEKLY;COUNT=20\r\nEXDATE;TZID=Europe/Berlin:\(date)T100000\r\nSUMMARY:Weekly \(i)\r\nLOCATION:Room Aster\r\nEND:VEVENT\r\n"
            lines += "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20251201T090000Z\r\nRECURRENCE-ID;TZID=Europe/Berlin:\(date)T100000\r\nDTSTART;TZID=Europe/Berlin:\(date)T120000\r\nDTEND;TZID=Europe/Berlin:\(date)T130000\r\nSUMMARY:Moved \(i)\r\nEND:VEVENT\r\n"
        default:
            lines += berlin
            lines += "BEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20251201T090000Z\r\nDTSTART;TZID=Europe/Berlin:\(date)T090000\r\nDTEND;TZID=Europe/Berlin:\(date)T100000\r\nSUMMARY:Planning review budget design sync \(i)\r\nDESCRIPTION:An ordinary meeting about the quarterly roadmap and its budget\\, with notes.\r\nLOCATION:Main hall\r\nEND:VEVENT\r\n"
        }
        return lines + "END:VCALENDAR\r\n"
    }

    /// Microseconds per call of `body`, best of three rounds of `count` calls.
    static func measure(_ count: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<count { body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000 / Double(count)
            best = min(best, elapsed)
        }
        return best
    }

    @Test(.enabled(if: enabled)) func readWorkloads() {
        let test = TestServer()
        let count = 1000
        for i in 0..<count {
            let response = test.send(
                "PUT", "/calendars/alice/default/perf-\(i).ics", headers: ["Content-Type": "text/calendar"],
                body: Self.body(i))
            #expect(response.status == 201)
        }
        let propfindBody = propfind("<D:getetag/><D:getcontenttype/><D:resourcetype/>")
        let queryBody = Query.body(
            Query.events(Query.range("20270301T000000Z", "20270401T000000Z")),
            props: "<D:getetag/><C:calendar-data/>")
        let hrefs = (0..<50).map { "<D:href>/calendars/alice/default/perf-\($0 * 13).ics</D:href>" }.joined()
        let multigetBody =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:prop><D:getetag/><C:calendar-data/></D:prop>\(hrefs)</C:calendar-multiget>"

        let first = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1"], body: propfindBody)
        #expect(first.status == 207)
        #expect(first.text.components(separatedBy: "<d:response>").count == count + 2)
        let query = test.report(queryBody)
        #expect(query.status == 207)
        let multiget = test.report(multigetBody)
        #expect(multiget.status == 207)
        #expect(multiget.text.components(separatedBy: "<d:response>").count == 51)

        let results: [(String, Double)] = [
            (
                "PROPFIND Depth 1 (1,000 objects)",
                Self.measure(30) {
                    _ = test.send("PROPFIND", "/calendars/alice/default/", headers: ["Depth": "1"], body: propfindBody)
                }
            ),
            (
                "calendar-query one month (\(Query.names(query).count) matches)",
                Self.measure(30) { _ = test.report(queryBody) }
            ),
            ("calendar-multiget 50", Self.measure(100) { _ = test.report(multigetBody) }),
            ("GET one object", Self.measure(2000) { _ = test.send("GET", "/calendars/alice/default/perf-7.ics") }),
            ("OPTIONS", Self.measure(5000) { _ = test.send("OPTIONS", "/", as: nil) }),
        ]
        for (name, micros) in results {
            print("PERF \(name): \(String(format: "%.1f", micros)) µs/request")
        }
    }
}
