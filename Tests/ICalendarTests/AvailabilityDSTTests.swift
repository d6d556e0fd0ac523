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

/// Modelled on the examples of RFC 7953 §3.1: Montreal office hours, and a
/// bounded VAVAILABILITY with shorter Fridays.
@Suite struct AvailabilityRFC7953Tests {
    let montreal = ICalTimeZone.named("America/Montreal")!

    func busy(_ cal: ICalComponent, on date: String) -> [String] {
        let day = ICalDateTime(parsing: date)!.local
        let start = montreal.utcSeconds(forLocal: day)
        let end = montreal.utcSeconds(forLocal: day.adding(days: 1))
        var fb = FreeBusyBuilder(start: start, end: end)
        fb.add(calendar: cal, resolver: TimeZoneResolver(calendar: cal))
        return fb.busyPeriods().map { p in
            func hhmm(_ t: Int64) -> String {
                t == end ? "2400" : String(montreal.local(atUTC: t).description.dropFirst(9).prefix(4))
            }
            return hhmm(p.start) + "-" + hhmm(p.end) + " " + p.type.rawValue
        }
    }

    @Test func mondayToFridayNineToFive() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VAVAILABILITY
            ORGANIZER:mailto:bernard@example.com
            UID:0428C7D2-688E-4D2E-AC52-CD112E2469DF
            DTSTAMP:20111005T133225Z
            BEGIN:AVAILABLE
            UID:34EDA59B-6BB1-4E94-A66C-64999089C0AF
            SUMMARY:Monday to Friday from 9:00 to 17:00
            DTSTART;TZID=America/Montreal:20111003T090000
            DTEND;TZID=America/Montreal:20111003T170000
            RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
            END:AVAILABLE
            END:VAVAILABILITY
            END:VCALENDAR
            """)
        #expect(busy(cal, on: "20111005") == ["0000-0900 BUSY-UNAVAILABLE", "1700-2400 BUSY-UNAVAILABLE"])
        #expect(busy(cal, on: "20111108") == ["0000-0900 BUSY-UNAVAILABLE", "1700-2400 BUSY-UNAVAILABLE"])
        #expect(busy(cal, on: "20111009") == ["0000-2400 BUSY-UNAVAILABLE"])
    }

    @Test func boundedWithShortFridays() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VAVAILABILITY
            ORGANIZER:mailto:bernard@example.com
            UID:84D0F948-7FC6-4C1C-BDB6-DDB2D5EC3CA1
            DTSTAMP:20111005T133225Z
            DTSTART;TZID=America/Montreal:20111002T000000
            DTEND;TZID=America/Montreal:20111202T000000
            BEGIN:AVAILABLE
            UID:7B33093A-7F98-4EED-B381-A5652530F04D
            SUMMARY:Monday to Thursday from 9:00 to 17:00
            DTSTART;TZID=America/Montreal:20111003T090000
            DTEND;TZID=America/Montreal:20111003T170000
            RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH
            END:AVAILABLE
            BEGIN:AVAILABLE
            UID:DF39DC9E-D8C3-492F-9101-0434E8FC1896
            SUMMARY:Friday from 9:00 to 12:00
            DTSTART;TZID=America/Montreal:20111007T090000
            DTEND;TZID=America/Montreal:20111007T120000
            RRULE:FREQ=WEEKLY
            END:AVAILABLE
            END:VAVAILABILITY
            END:VCALENDAR
            """)
        #expect(busy(cal, on: "20111013") == ["0000-0900 BUSY-UNAVAILABLE", "1700-2400 BUSY-UNAVAILABLE"])
        #expect(busy(cal, on: "20111014") == ["0000-0900 BUSY-UNAVAILABLE", "1200-2400 BUSY-UNAVAILABLE"])
        // Outside DTSTART/DTEND the component says nothing: free.
        #expect(busy(cal, on: "20111202") == [])
        #expect(busy(cal, on: "20111201") == ["0000-0900 BUSY-UNAVAILABLE", "1700-2400 BUSY-UNAVAILABLE"])
    }
}
