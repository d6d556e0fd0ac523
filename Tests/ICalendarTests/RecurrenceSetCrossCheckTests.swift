import Foundation
import Testing
@testable import ICalendar

/// 120 seeded random recurring events (RRULE with COUNT/UNTIL, EXDATE, RDATE,
/// moved overrides, IANA TZIDs incl. Lord Howe) and their occurrences in a
/// window according to the python `recurring-ical-events` library
/// (Fixtures/recurrence/generate-recurring-ical-events.py).
@Suite struct RecurrenceSetCrossCheckTests {
    @Test func agreesWithRecurringIcalEvents() throws {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
            .appendingPathComponent("recurrence/sets")
        let table = try String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var checked = 0
        var mismatches: [String] = []
        for line in table.split(separator: "\n") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let text = try String(contentsOf: folder.appendingPathComponent(cols[0]), encoding: .utf8)
            let calendar = try ICalComponent.parse(text)
            let windowStart = Int64(cols[1])!
            let windowEnd = Int64(cols[2])!
            let expected = cols[3].split(separator: ",").map(String.init)
            let (instances, truncation) = RecurrenceSet(calendar: calendar, componentName: "VEVENT")
                .sortedInstances(in: TimeRange(start: windowStart, end: windowEnd), resolver: TimeZoneResolver(calendar: calendar))
            let got = instances.filter { $0.start < windowEnd && $0.end > windowStart }.map { "\($0.start)/\($0.end)" }
            if got != expected || truncation != nil { mismatches.append("\(cols[0]): got \(got.prefix(3))… expected \(expected.prefix(3))…") }
            checked += 1
        }
        #expect(checked == 120)
        #expect(mismatches == [])
    }
}
