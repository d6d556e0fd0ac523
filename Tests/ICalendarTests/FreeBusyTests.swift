import Foundation
import Testing
@testable import ICalendar

/// Periods as "HHMM-HHMM TYPE" on a single day (or with dates when they differ).
func describe(_ periods: [BusyPeriod]) -> [String] {
    periods.map { p in
        let s = LocalDateTime(secondsSinceEpoch: p.start).description
        let e = LocalDateTime(secondsSinceEpoch: p.end).description
        return "\(s)-\(e) \(p.type.rawValue)"
    }
}

@Suite struct FreeBusyTests {
    let r = TimeZoneResolver(calendar: nil)

    func event(_ uid: String, _ lines: String...) -> ICalComponent {
        ics((["BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:\(uid)"] + lines + ["END:VEVENT", "END:VCALENDAR"]).joined(separator: "\n"))
    }

    @Test func mergesSortsAndClassifies() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"))
        fb.add(calendar: event("a", "DTSTART:20270301T093000Z", "DTEND:20270301T110000Z"), resolver: r)
        fb.add(calendar: event("b", "DTSTART:20270301T090000Z", "DURATION:PT1H"), resolver: r)
        fb.add(calendar: event("c", "DTSTART:20270301T103000Z", "DTEND:20270301T120000Z", "STATUS:TENTATIVE"), resolver: r)
        fb.add(calendar: event("d", "DTSTART:20270301T130000Z", "DTEND:20270301T140000Z", "TRANSP:TRANSPARENT"), resolver: r)
        fb.add(calendar: event("e", "DTSTART:20270301T150000Z", "DTEND:20270301T160000Z", "STATUS:CANCELLED"), resolver: r)
        fb.add(calendar: event("f", "DTSTART:20270301T230000Z", "DTEND:20270302T010000Z"), resolver: r)
        fb.add(calendar: event("g", "DTSTART:20270301T120000Z", "DTEND:20270301T121500Z"), resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T090000-20270301T110000 BUSY",
                "20270301T110000-20270301T120000 BUSY-TENTATIVE",
                "20270301T120000-20270301T121500 BUSY",
                "20270301T230000-20270302T000000 BUSY",
            ])
    }

    @Test func recurringEventsAndOverridesPerInstance() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270304T000000Z"))
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:r
            DTSTART:20270220T080000Z
            DTEND:20270220T090000Z
            RRULE:FREQ=DAILY
            END:VEVENT
            BEGIN:VEVENT
            UID:r
            RECURRENCE-ID:20270302T080000Z
            DTSTART:20270302T080000Z
            DTEND:20270302T090000Z
            STATUS:CANCELLED
            END:VEVENT
            BEGIN:VEVENT
            UID:r
            RECURRENCE-ID:20270303T080000Z
            DTSTART:20270303T100000Z
            DTEND:20270303T110000Z
            TRANSP:OPAQUE
            STATUS:TENTATIVE
            END:VEVENT
            END:VCALENDAR
            """)
        fb.add(calendar: cal, resolver: r)
        #expect(!fb.isTruncated)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T080000-20270301T090000 BUSY",
                "20270303T100000-20270303T110000 BUSY-TENTATIVE",
            ])
    }

    @Test func vfreebusyPeriodsCount() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"))
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VFREEBUSY
            UID:fb
            FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20270301T080000Z/PT2H,20270301T140000Z/20270301T150000Z
            FREEBUSY;FBTYPE=FREE:20270301T160000Z/PT1H
            FREEBUSY:20270301T090000Z/PT2H
            END:VFREEBUSY
            END:VCALENDAR
            """)
        fb.add(calendar: cal, resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T080000-20270301T090000 BUSY-UNAVAILABLE",
                "20270301T090000-20270301T110000 BUSY",
                "20270301T140000-20270301T150000 BUSY-UNAVAILABLE",
            ])
    }

    @Test func writesVFREEBUSY() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"))
        fb.add(calendar: event("a", "DTSTART:20270301T093000Z", "DTEND:20270301T110000Z"), resolver: r)
        let c = fb.component(
            dtstamp: utc("20270215T120000Z"),
            properties: [ICalProperty("UID", rawValue: "fb-1"), ICalProperty("ORGANIZER", rawValue: "mailto:a@example.com")])
        #expect(c.name == "VFREEBUSY")
        #expect(c.properties.map(\.name) == ["DTSTAMP", "UID", "ORGANIZER", "DTSTART", "DTEND", "FREEBUSY"])
        #expect(c[raw: "DTSTAMP"] == "20270215T120000Z")
        #expect(c[raw: "DTSTART"] == "20270301T000000Z")
        #expect(c[raw: "DTEND"] == "20270302T000000Z")
        #expect(c.property("FREEBUSY")?.rawValue == "20270301T093000Z/20270301T110000Z")
        #expect(c.property("FREEBUSY")?.hasParameter("FBTYPE") == false)
    }

    @Test func flattenKeepsStrongestType() {
        let flat = Intervals.flatten([
            BusyPeriod(start: 0, end: 100, type: .busyTentative),
            BusyPeriod(start: 20, end: 40, type: .busy),
            BusyPeriod(start: 30, end: 60, type: .busyUnavailable),
            BusyPeriod(start: 100, end: 120, type: .busyTentative),
        ])
        #expect(
            flat == [
                BusyPeriod(start: 0, end: 20, type: .busyTentative), BusyPeriod(start: 20, end: 40, type: .busy),
                BusyPeriod(start: 40, end: 60, type: .busyUnavailable), BusyPeriod(start: 60, end: 120, type: .busyTentative),
            ])
        #expect(Intervals.subtract([(0, 100)], [(10, 20), (30, 40), (90, 200)]).map { [$0.0, $0.1] } == [[0, 10], [20, 30], [40, 90]])
    }

    @Test func runawayEventIsReportedAsTruncated() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"), limits: RecurrenceLimits(maxInstances: 10))
        fb.add(calendar: event("s", "DTSTART:20270301T000000Z", "DURATION:PT1S", "RRULE:FREQ=SECONDLY;INTERVAL=2"), resolver: r)
        #expect(fb.isTruncated)
        #expect(fb.busyPeriods().count == 10)
    }

    /// Frank's objects in the sabre fixture database and sabre's own answer to the
    /// free-busy POST of transcript step p12 (2027-03-01..10).
    @Test func matchesSabreTranscript() throws {
        let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("index")
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270310T000000Z"))
        for row in ["row4", "row5", "row14", "row11"] {
            let cal = try ICalComponent.parse(String(contentsOf: folder.appendingPathComponent(row + ".ics"), encoding: .utf8))
            fb.add(calendar: cal, resolver: TimeZoneResolver(calendar: cal))
        }
        let c = fb.component(dtstamp: utc("20261125T082449Z"))
        #expect(
            c.properties(named: "FREEBUSY").map(\.rawValue) == [
                "20270301T013000Z/20270301T020000Z", "20270304T060000Z/20270304T070000Z",
                "20270308T000000Z/20270310T000000Z",
            ])
    }
}
