import Testing
@testable import ICalendar

@Suite struct AvailabilityTests {
    let r = TimeZoneResolver(calendar: nil)

    /// Mon–Fri 09:00–17:00 UTC, no bounds, default BUSYTYPE (RFC 7953 §3.1 first example, in UTC).
    let workWeek = ics("""
        BEGIN:VCALENDAR
        BEGIN:VAVAILABILITY
        UID:base
        DTSTAMP:20111005T133225Z
        BEGIN:AVAILABLE
        UID:mf
        SUMMARY:Monday to Friday from 9:00 to 17:00
        DTSTART:20111003T090000Z
        DTEND:20111003T170000Z
        RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
        END:AVAILABLE
        END:VAVAILABILITY
        END:VCALENDAR
        """)

    @Test func modelDefaults() {
        let a = Availability(workWeek.components[0], resolver: r)
        #expect(a.busyType == .busyUnavailable)
        #expect(a.priority == 0)
        #expect(a.start == nil && a.end == nil)
        let b = Availability(
            ics("""
                BEGIN:VAVAILABILITY
                UID:x
                BUSYTYPE:BUSY
                PRIORITY:1
                DTSTART:20270301T000000Z
                DURATION:P1D
                END:VAVAILABILITY
                """), resolver: r)
        #expect(b.busyType == .busy && b.priority == 1)
        #expect(b.end == utc("20270302T000000Z"))
    }

    @Test func outsideAvailableTimeIsUnavailable() {
        // 2027-03-01 is a Monday; the weekend after is fully unavailable.
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"))
        fb.add(calendar: workWeek, resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T000000-20270301T090000 BUSY-UNAVAILABLE", "20270301T170000-20270302T000000 BUSY-UNAVAILABLE",
            ])
        var weekend = FreeBusyBuilder(start: utc("20270306T000000Z"), end: utc("20270308T000000Z"))
        weekend.add(calendar: workWeek, resolver: r)
        #expect(describe(weekend.busyPeriods()) == ["20270306T000000-20270308T000000 BUSY-UNAVAILABLE"])
    }

    @Test func eventsStayBusyOnTop() {
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270302T000000Z"))
        fb.add(calendar: workWeek, resolver: r)
        fb.add(
            calendar: ics("""
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                UID:e1
                DTSTART:20270301T100000Z
                DTEND:20270301T110000Z
                END:VEVENT
                BEGIN:VEVENT
                UID:e2
                DTSTART:20270301T163000Z
                DTEND:20270301T180000Z
                END:VEVENT
                END:VCALENDAR
                """), resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T000000-20270301T090000 BUSY-UNAVAILABLE", "20270301T100000-20270301T110000 BUSY",
                "20270301T163000-20270301T180000 BUSY", "20270301T180000-20270302T000000 BUSY-UNAVAILABLE",
            ])
    }

    @Test func higherPriorityPaintsOverLower() {
        // Base: Mon–Fri 9–17 (undefined priority). On Wednesday a PRIORITY:1 block says only 12–14, busy type BUSY.
        let override = ics("""
            BEGIN:VCALENDAR
            BEGIN:VAVAILABILITY
            UID:wed
            PRIORITY:1
            BUSYTYPE:BUSY
            DTSTART:20270303T000000Z
            DTEND:20270304T000000Z
            BEGIN:AVAILABLE
            UID:noon
            DTSTART:20270303T120000Z
            DTEND:20270303T140000Z
            END:AVAILABLE
            END:VAVAILABILITY
            BEGIN:VAVAILABILITY
            UID:low
            PRIORITY:9
            BUSYTYPE:BUSY-TENTATIVE
            DTSTART:20270302T000000Z
            DTEND:20270305T000000Z
            END:VAVAILABILITY
            END:VCALENDAR
            """)
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270306T000000Z"))
        fb.add(calendar: workWeek, resolver: r)
        fb.add(calendar: override, resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T000000-20270301T090000 BUSY-UNAVAILABLE",
                "20270301T170000-20270302T000000 BUSY-UNAVAILABLE",
                // PRIORITY 9 (all busy-tentative) beats undefined on Tuesday and Thursday…
                "20270302T000000-20270303T000000 BUSY-TENTATIVE",
                // …and PRIORITY 1 beats both on Wednesday.
                "20270303T000000-20270303T120000 BUSY",
                "20270303T140000-20270304T000000 BUSY",
                "20270304T000000-20270305T000000 BUSY-TENTATIVE",
                "20270305T000000-20270305T090000 BUSY-UNAVAILABLE",
                "20270305T170000-20270306T000000 BUSY-UNAVAILABLE",
            ])
    }

    @Test func availableOverridesAndExdates() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VAVAILABILITY
            UID:v
            DTSTART:20270301T000000Z
            DTEND:20270303T000000Z
            BEGIN:AVAILABLE
            UID:daily
            DTSTART:20270301T090000Z
            DTEND:20270301T170000Z
            RRULE:FREQ=DAILY
            EXDATE:20270301T090000Z
            END:AVAILABLE
            BEGIN:AVAILABLE
            UID:daily
            RECURRENCE-ID:20270302T090000Z
            DTSTART:20270302T130000Z
            DTEND:20270302T150000Z
            END:AVAILABLE
            END:VAVAILABILITY
            END:VCALENDAR
            """)
        var fb = FreeBusyBuilder(start: utc("20270301T000000Z"), end: utc("20270304T000000Z"))
        fb.add(calendar: cal, resolver: r)
        #expect(
            describe(fb.busyPeriods()) == [
                "20270301T000000-20270302T130000 BUSY-UNAVAILABLE", "20270302T150000-20270303T000000 BUSY-UNAVAILABLE",
            ])
    }

    @Test func hostileInputIsBounded() {
        var lines = ["BEGIN:VCALENDAR"]
        for i in 0..<3000 {
            lines += ["BEGIN:VAVAILABILITY", "UID:v\(i)", "PRIORITY:\(i % 10)", "BEGIN:AVAILABLE", "UID:a\(i)",
                "DTSTART:20270101T000000Z", "DURATION:PT1S", "RRULE:FREQ=SECONDLY;INTERVAL=2", "END:AVAILABLE", "END:VAVAILABILITY"]
        }
        lines.append("END:VCALENDAR")
        let cal = ics(lines.joined(separator: "\n"))
        let clock = ContinuousClock()
        var result: [BusyPeriod] = []
        let elapsed = clock.measure {
            var fb = FreeBusyBuilder(
                start: utc("20270101T000000Z"), end: utc("20270102T000000Z"),
                limits: RecurrenceLimits(maxInstances: 500), maxAvailabilityComponents: 20)
            fb.add(calendar: cal, resolver: r)
            result = fb.busyPeriods()
            #expect(fb.isTruncated)
        }
        #expect(!result.isEmpty)
        #expect(result.last?.end == utc("20270102T000000Z"))
        #expect(elapsed < .seconds(5))
    }
}
