import Testing
@testable import ICalendar

/// Wall-clock recurrence across DST changes, converted to UTC through IANA zones (RFC 5545 §3.3.5, §3.3.10).
@Suite struct RecurrenceDSTTests {
    let resolver = TimeZoneResolver(calendar: nil)

    func utcStarts(_ tzid: String, _ dtstart: String, _ rule: String, count: Int = 50) -> [String] {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:dst
            DTSTART;TZID=\(tzid):\(dtstart)
            DURATION:PT1H
            RRULE:\(rule)
            END:VEVENT
            END:VCALENDAR
            """)
        return RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: resolver)
            .prefix(count).map { utcText($0.start) }
    }

    @Test func rfcExampleKeepsNineOClockAcrossOctober1997() {
        let got = utcStarts("America/New_York", "19970902T090000", "FREQ=DAILY;UNTIL=19971224T000000Z", count: 200)
        #expect(got.count == 113)
        #expect(got.first == "19970902T130000Z")
        #expect(got.contains("19971025T130000Z"))
        #expect(got.contains("19971026T140000Z"))
        #expect(got.last == "19971223T140000Z")
    }

    @Test func newYorkSpringGapMovesForward() {
        #expect(
            utcStarts("America/New_York", "20270313T023000", "FREQ=DAILY;COUNT=3")
                == ["20270313T073000Z", "20270314T073000Z", "20270315T063000Z"])
        #expect(
            utcStarts("America/New_York", "20271106T013000", "FREQ=DAILY;COUNT=3")
                == ["20271106T053000Z", "20271107T053000Z", "20271108T063000Z"])
    }

    @Test func berlin() {
        #expect(
            utcStarts("Europe/Berlin", "20270327T090000", "FREQ=DAILY;COUNT=2") == ["20270327T080000Z", "20270328T070000Z"])
        #expect(
            utcStarts("Europe/Berlin", "20270328T023000", "FREQ=WEEKLY;COUNT=2") == ["20270328T013000Z", "20270404T003000Z"])
        #expect(
            utcStarts("Europe/Berlin", "20271030T090000", "FREQ=DAILY;COUNT=2") == ["20271030T070000Z", "20271031T080000Z"])
    }

    @Test func lordHoweHalfHourShift() {
        // Daylight +11:00 ends 2027-04-04 02:00 (back to 01:30, +10:30); starts 2027-10-03 02:00 (to 02:30).
        #expect(
            utcStarts("Australia/Lord_Howe", "20270403T014500", "FREQ=DAILY;COUNT=3")
                == ["20270402T144500Z", "20270403T144500Z", "20270404T151500Z"])
        #expect(
            utcStarts("Australia/Lord_Howe", "20271002T021500", "FREQ=DAILY;COUNT=3")
                == ["20271001T154500Z", "20271002T154500Z", "20271003T151500Z"])
    }

    @Test func allDayInstancesFollowTheFloatingZone() {
        let ny = TimeZoneResolver(calendar: nil, floatingZone: ICalTimeZone.named("America/New_York")!)
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:d
            DTSTART;VALUE=DATE:20270313
            RRULE:FREQ=DAILY;COUNT=2
            END:VEVENT
            END:VCALENDAR
            """)
        let got = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: ny))
        #expect(got.map { utcText($0.start) } == ["20270313T050000Z", "20270314T050000Z"])
        // 14 March is a 23-hour day in New York.
        #expect(got.map { $0.end - $0.start } == [86_400, 82_800])
    }
}
