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

@Suite struct RecurrenceExpansionTests {
    let r = TimeZoneResolver(calendar: nil)

    @Test func expandedComponentsAreStandAlone() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:e
            DTSTART;TZID=Europe/Berlin:20270327T090000
            DTEND;TZID=Europe/Berlin:20270327T100000
            RRULE:FREQ=DAILY;COUNT=3
            EXDATE;TZID=Europe/Berlin:20270329T090000
            SUMMARY:standup
            END:VEVENT
            END:VCALENDAR
            """)
        let set = RecurrenceSet(calendar: cal, componentName: "VEVENT")
        let expanded = set.instances(resolver: r).map { $0.expandedComponent() }
        #expect(expanded.map { $0[raw: "RECURRENCE-ID"] ?? "" } == ["20270327T080000Z", "20270328T070000Z"])
        #expect(expanded.map { $0[raw: "DTSTART"] ?? "" } == ["20270327T080000Z", "20270328T070000Z"])
        #expect(expanded.map { $0[raw: "DTEND"] ?? "" } == ["20270327T090000Z", "20270328T080000Z"])
        #expect(expanded.allSatisfy { $0.property("RRULE") == nil && $0.property("EXDATE") == nil })
        #expect(expanded.allSatisfy { $0.property("DTSTART")?.tzid == nil && $0[raw: "SUMMARY"] == "standup" })
    }

    @Test func allDayStaysDate() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:d
            DTSTART;VALUE=DATE:20270313
            DTEND;VALUE=DATE:20270314
            RRULE:FREQ=DAILY;COUNT=2
            END:VEVENT
            END:VCALENDAR
            """)
        let ny = TimeZoneResolver(calendar: nil, floatingZone: ICalTimeZone.named("America/New_York")!)
        let expanded = RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: ny).map { $0.expandedComponent() }
        #expect(expanded.map { $0[raw: "DTSTART"] ?? "" } == ["20270313", "20270314"])
        #expect(expanded.map { $0[raw: "DTEND"] ?? "" } == ["20270314", "20270315"])
        #expect(expanded.map { $0[raw: "RECURRENCE-ID"] ?? "" } == ["20270313", "20270314"])
        #expect(expanded[0].property("DTSTART")?.valueType == "DATE")
    }

    @Test func hasInstance() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:h
            DTSTART:20270101T090000Z
            RRULE:FREQ=WEEKLY;COUNT=10
            EXDATE:20270108T090000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:h
            RECURRENCE-ID:20270115T090000Z
            DTSTART:20280115T090000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let set = RecurrenceSet(calendar: cal, componentName: "VEVENT")
        #expect(set.hasInstance(recurrenceID: utc("20270101T090000Z"), resolver: r))
        #expect(!set.hasInstance(recurrenceID: utc("20270108T090000Z"), resolver: r))
        #expect(set.hasInstance(recurrenceID: utc("20270115T090000Z"), resolver: r))
        #expect(set.hasInstance(recurrenceID: utc("20270305T090000Z"), resolver: r))
        #expect(!set.hasInstance(recurrenceID: utc("20270312T090000Z"), resolver: r))
        #expect(!set.hasInstance(recurrenceID: utc("20270102T090000Z"), resolver: r))
    }
}

@Suite struct RecurrenceSetEdgeTests {
    let r = TimeZoneResolver(calendar: nil)

    @Test func twoThisAndFutureOverridesAndTwoRules() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:t2
            DTSTART:20270104T090000Z
            DURATION:PT1H
            RRULE:FREQ=DAILY;COUNT=6
            RRULE:FREQ=WEEKLY;COUNT=2;BYDAY=SU
            END:VEVENT
            BEGIN:VEVENT
            UID:t2
            RECURRENCE-ID;RANGE=THISANDFUTURE:20270105T090000Z
            DTSTART:20270105T100000Z
            DURATION:PT1H
            SUMMARY:one hour later
            END:VEVENT
            BEGIN:VEVENT
            UID:t2
            RECURRENCE-ID;RANGE=THISANDFUTURE:20270107T090000Z
            DTSTART:20270107T110000Z
            DURATION:PT30M
            SUMMARY:two hours later
            END:VEVENT
            END:VCALENDAR
            """)
        let got = RecurrenceSet(calendar: cal, componentName: "VEVENT").instances(resolver: r)
            .sorted { $0.start < $1.start }
        #expect(
            got.map { utcText($0.start) } == [
                "20270104T090000Z", "20270105T100000Z", "20270106T100000Z", "20270107T110000Z", "20270108T110000Z",
                "20270109T110000Z", "20270110T110000Z",
            ])
        #expect(got.map { $0.component[raw: "SUMMARY"] ?? "" } == ["", "one hour later", "one hour later", "two hours later", "two hours later", "two hours later", "two hours later"])
        #expect(got.last?.end == utc("20270110T113000Z"))
    }
}

@Suite struct RecurrenceSetLenienceTests {
    let r = TimeZoneResolver(calendar: nil)

    @Test func dateRecurrenceIDAgainstDateTimeMasterStillReplaces() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:l
            DTSTART:20270104T090000Z
            DURATION:PT1H
            RRULE:FREQ=DAILY;COUNT=3
            END:VEVENT
            BEGIN:VEVENT
            UID:l
            RECURRENCE-ID;VALUE=DATE:20270105
            DTSTART:20270105T150000Z
            DURATION:PT1H
            END:VEVENT
            END:VCALENDAR
            """)
        let (all, truncation) = RecurrenceSet(calendar: cal, componentName: "VEVENT").sortedInstances(resolver: r)
        #expect(truncation == nil)
        #expect(all.map { utcText($0.start) } == ["20270104T090000Z", "20270105T150000Z", "20270106T090000Z"])
    }

    @Test func sortedInstancesReportTruncation() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:m
            DTSTART:20270104T090000Z
            RRULE:FREQ=MINUTELY
            END:VEVENT
            END:VCALENDAR
            """)
        let (all, truncation) = RecurrenceSet(calendar: cal, componentName: "VEVENT")
            .sortedInstances(resolver: r, limits: RecurrenceLimits(maxInstances: 100))
        #expect(all.count == 100)
        #expect(truncation == .instanceLimit)
    }
}

@Suite struct RecurrenceSetExdateTests {
    @Test func exdateHidesAStaleOverride() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:s
            DTSTART:20260115T110000Z
            DTEND:20260115T120000Z
            RRULE:FREQ=WEEKLY;COUNT=3
            EXDATE:20260122T110000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:s
            RECURRENCE-ID:20260122T110000Z
            DTSTART:20260123T130000Z
            DTEND:20260123T134500Z
            END:VEVENT
            END:VCALENDAR
            """)
        let (all, _) = RecurrenceSet(calendar: cal, componentName: "VEVENT").sortedInstances(resolver: TimeZoneResolver(calendar: nil))
        #expect(all.map { utcText($0.start) } == ["20260115T110000Z", "20260129T110000Z"])
    }
}
