import Testing
@testable import ICalendar

@Suite struct RecurrenceSetTests {
    let utcResolver = TimeZoneResolver(calendar: nil)

    func starts(_ calendar: ICalComponent, _ range: TimeRange = .unbounded, name: String = "VEVENT") -> [String] {
        RecurrenceSet(calendar: calendar, componentName: name).instances(in: range, resolver: utcResolver)
            .map { utcText($0.start) }.sorted()
    }

    @Test func nonRecurringYieldsOneInstance() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:a
            DTSTART:20270203T163000Z
            DTEND:20270203T173000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let all = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: utcResolver))
        #expect(all.count == 1)
        #expect(all[0].recurrenceID == nil)
        #expect(all[0].end - all[0].start == 3600)
        #expect(starts(cal, TimeRange(start: utc("20270204T000000Z"))) == [])
    }

    @Test func fridayThe13thWithExdateOnStart() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:f13
            DTSTART:19970902T090000Z
            EXDATE:19970902T090000Z
            RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(
            starts(cal, TimeRange(end: utc("20010101T000000Z")))
                == ["19980213T090000Z", "19980313T090000Z", "19981113T090000Z", "19990813T090000Z", "20001013T090000Z"])
    }

    @Test func rdatesPeriodsAndExdatesMerge() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:r
            DTSTART:20270101T100000Z
            DURATION:PT1H
            RRULE:FREQ=DAILY;COUNT=3
            RDATE:20270101T100000Z,20270110T100000Z
            RDATE;VALUE=PERIOD:20270105T120000Z/PT3H,20270106T120000Z/20270106T123000Z
            EXDATE:20270102T100000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let got = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: utcResolver))
        #expect(got.map { utcText($0.start) } == ["20270101T100000Z", "20270103T100000Z", "20270105T120000Z", "20270106T120000Z", "20270110T100000Z"])
        #expect(got.map { $0.end - $0.start } == [3600, 3600, 10800, 1800, 3600])
    }

    @Test func overrideReplacesAndMovesInstance() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:o
            DTSTART:20270201T013000Z
            DTEND:20270201T020000Z
            RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4
            END:VEVENT
            BEGIN:VEVENT
            UID:o
            RECURRENCE-ID:20270215T013000Z
            SUMMARY:moved far away
            DTSTART:20280216T013000Z
            DTEND:20280216T030000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let all = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: utcResolver))
        #expect(all.map { utcText($0.start) }.sorted() == ["20270201T013000Z", "20270208T013000Z", "20270222T013000Z", "20280216T013000Z"])
        let moved = all.first { $0.isOverride }!
        #expect(moved.recurrenceID == utc("20270215T013000Z"))
        #expect(moved.component[raw: "SUMMARY"] == "moved far away")
        // The moved instance is found from a window around its new time only.
        #expect(starts(cal, TimeRange(start: utc("20280101T000000Z"), end: utc("20290101T000000Z"))) == ["20280216T013000Z"])
        #expect(starts(cal, TimeRange(start: utc("20270214T000000Z"), end: utc("20270216T000000Z"))) == [])
    }

    @Test func thisAndFutureShiftsLaterInstances() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:t
            DTSTART:20270104T090000Z
            DTEND:20270104T100000Z
            RRULE:FREQ=DAILY;COUNT=5
            END:VEVENT
            BEGIN:VEVENT
            UID:t
            RECURRENCE-ID;RANGE=THISANDFUTURE:20270106T090000Z
            DTSTART:20270106T140000Z
            DTEND:20270106T143000Z
            SUMMARY:later
            END:VEVENT
            END:VCALENDAR
            """)
        let all = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: utcResolver))
            .sorted { $0.start < $1.start }
        #expect(all.map { utcText($0.start) } == ["20270104T090000Z", "20270105T090000Z", "20270106T140000Z", "20270107T140000Z", "20270108T140000Z"])
        #expect(all.map { $0.end - $0.start } == [3600, 3600, 1800, 1800, 1800])
        #expect(all.map { $0.component[raw: "SUMMARY"] ?? "" } == ["", "", "later", "later", "later"])
        #expect(all[3].recurrenceID == utc("20270107T090000Z"))
    }

    @Test func allDayAndFloatingUseTheCallersZone() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:d
            DTSTART;VALUE=DATE:20270308
            RRULE:FREQ=WEEKLY;COUNT=2
            END:VEVENT
            END:VCALENDAR
            """)
        let tokyo = TimeZoneResolver(calendar: nil, floatingZone: .fixed(9 * 3600))
        let all = Array(RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: tokyo))
        #expect(all.map { utcText($0.start) } == ["20270307T150000Z", "20270314T150000Z"])
        #expect(all.allSatisfy { $0.end - $0.start == 86_400 && $0.isDateOnly })
        #expect(all[0].recurrenceIDValue == ICalDateTime(local: LocalDateTime(year: 2027, month: 3, day: 8), isDateOnly: true))
    }

    @Test func windowSkipsAheadOnLongSeries() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:m
            DTSTART:19900101T000000Z
            DURATION:PT30M
            RRULE:FREQ=MINUTELY;INTERVAL=45
            END:VEVENT
            END:VCALENDAR
            """)
        let got = starts(cal, TimeRange(start: utc("20270101T000000Z"), end: utc("20270101T030000Z")))
        #expect(got.count == 4)
        #expect(got.first! >= "20261231T2345")
    }

    @Test func onlyOverridesWithoutMaster() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:x
            RECURRENCE-ID:20270215T013000Z
            DTSTART:20270216T013000Z
            DTEND:20270216T020000Z
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(starts(cal) == ["20270216T013000Z"])
    }
}
