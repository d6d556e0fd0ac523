import Testing
@testable import ICalendar

/// A Berlin user available 09:00–17:00 Monday–Friday, looked at from New York.
/// Europe and the US change clocks on different dates (2027: US 14 Mar / 7 Nov,
/// Europe 28 Mar / 31 Oct), so the gap between the cities is 6 h, then 5 h, then 6 h.
@Suite struct AvailabilityDSTTests {
    let berlin = ics("""
        BEGIN:VCALENDAR
        BEGIN:VAVAILABILITY
        UID:berlin
        BEGIN:AVAILABLE
        UID:office-hours
        DTSTART;TZID=Europe/Berlin:20270104T090000
        DTEND;TZID=Europe/Berlin:20270104T170000
        RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
        END:AVAILABLE
        END:VAVAILABILITY
        END:VCALENDAR
        """)
    let newYork = ICalTimeZone.named("America/New_York")!

    /// Busy periods of one New York day, as New York wall-clock "HHMM-HHMM".
    func newYorkDay(_ date: String) -> [String] {
        let day = ICalDateTime(parsing: date)!.local
        let start = newYork.utcSeconds(forLocal: day)
        let end = newYork.utcSeconds(forLocal: day.adding(days: 1))
        var fb = FreeBusyBuilder(start: start, end: end)
        fb.add(calendar: berlin, resolver: TimeZoneResolver(calendar: berlin, floatingZone: newYork))
        return fb.busyPeriods().map { p in
            func hhmm(_ t: Int64) -> String {
                t == end ? "2400" : String(newYork.local(atUTC: t).description.dropFirst(9).prefix(4))
            }
            #expect(p.type == .busyUnavailable)
            return hhmm(p.start) + "-" + hhmm(p.end)
        }
    }

    @Test func winterBothStandard() {
        #expect(newYorkDay("20270308") == ["0000-0300", "1100-2400"])
    }

    @Test func usOnDaylightEuropeNot() {
        #expect(newYorkDay("20270315") == ["0000-0400", "1200-2400"])
        #expect(newYorkDay("20270326") == ["0000-0400", "1200-2400"])
    }

    @Test func summerBothDaylight() {
        #expect(newYorkDay("20270329") == ["0000-0300", "1100-2400"])
        #expect(newYorkDay("20270712") == ["0000-0300", "1100-2400"])
    }

    @Test func autumnEuropeBackFirst() {
        #expect(newYorkDay("20271101") == ["0000-0400", "1200-2400"])
        #expect(newYorkDay("20271108") == ["0000-0300", "1100-2400"])
    }

    @Test func weekendAndShortDay() {
        #expect(newYorkDay("20270313") == ["0000-2400"])
        // Sunday 14 March in New York has 23 hours; Monday morning Berlin is still Sunday night there.
        #expect(newYorkDay("20270314") == ["0000-2400"])
    }
}
