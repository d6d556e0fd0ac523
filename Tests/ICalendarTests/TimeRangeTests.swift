import Testing
@testable import ICalendar

/// A VCALENDAR holding one component `name` with the given content lines.
func calendar(_ name: String, _ lines: String...) -> ICalComponent {
    ics((["BEGIN:VCALENDAR", "BEGIN:\(name)", "UID:t"] + lines + ["END:\(name)", "END:VCALENDAR"]).joined(separator: "\n"))
}

/// `[from, to)` on 2027-03-01 with times like "1000" (UTC).
func range(_ from: String?, _ to: String?) -> TimeRange {
    TimeRange(start: from.map { utc("20270301T\($0)00Z") }, end: to.map { utc("20270301T\($0)00Z") })
}

/// The conditions of RFC 4791 §9.9, one test per table.
@Suite struct TimeRangeTests {
    let r = TimeZoneResolver(calendar: nil)

    func hit(_ cal: ICalComponent, _ range: TimeRange, _ name: String) -> Bool {
        cal.matches(range, componentNamed: name, resolver: r)
    }

    @Test func veventWithDTEND() {
        let ev = calendar("VEVENT", "DTSTART:20270301T090000Z", "DTEND:20270301T100000Z")
        #expect(!hit(ev, range("1000", "1100"), "VEVENT"))
        #expect(hit(ev, range("0959", "1100"), "VEVENT"))
        #expect(!hit(ev, range("0800", "0900"), "VEVENT"))
        // DTEND equal to DTSTART: the strict form of the first row.
        let zero = calendar("VEVENT", "DTSTART:20270301T100000Z", "DTEND:20270301T100000Z")
        #expect(!hit(zero, range("1000", "1100"), "VEVENT"))
        #expect(hit(zero, range("0959", "1100"), "VEVENT"))
    }

    @Test func veventWithDuration() {
        let ev = calendar("VEVENT", "DTSTART:20270301T103000Z", "DURATION:PT1H")
        #expect(hit(ev, range("1000", "1031"), "VEVENT"))
        #expect(!hit(ev, range("1130", "1200"), "VEVENT"))
        let zero = calendar("VEVENT", "DTSTART:20270301T100000Z", "DURATION:PT0S")
        #expect(hit(zero, range("1000", "1100"), "VEVENT"))
        #expect(!hit(zero, range("0900", "1000"), "VEVENT"))
    }

    @Test func veventWithoutEnd() {
        let ev = calendar("VEVENT", "DTSTART:20270301T100000Z")
        #expect(hit(ev, range("1000", "1100"), "VEVENT"))
        #expect(!hit(ev, range("0900", "1000"), "VEVENT"))
        let day = calendar("VEVENT", "DTSTART;VALUE=DATE:20270301")
        #expect(hit(day, range("2300", nil), "VEVENT"))
        #expect(!hit(day, TimeRange(start: utc("20270302T000000Z")), "VEVENT"))
        #expect(!hit(day, TimeRange(end: utc("20270301T000000Z")), "VEVENT"))
        // Floating all-day events are read in the caller's zone (RFC 4791 calendar-timezone).
        let tokyo = TimeZoneResolver(calendar: nil, floatingZone: .fixed(9 * 3600))
        #expect(day.matches(TimeRange(start: utc("20270228T150000Z"), end: utc("20270228T160000Z")), componentNamed: "VEVENT", resolver: tokyo))
        #expect(!day.matches(TimeRange(start: utc("20270301T150000Z")), componentNamed: "VEVENT", resolver: tokyo))
    }

    @Test func vtodoRows() {
        let startDuration = calendar("VTODO", "DTSTART:20270301T100000Z", "DURATION:PT1H")
        #expect(hit(startDuration, range("1100", "1200"), "VTODO"))
        #expect(!hit(startDuration, TimeRange(start: utc("20270301T110001Z")), "VTODO"))
        let startDue = calendar("VTODO", "DTSTART:20270301T090000Z", "DUE:20270301T100000Z")
        #expect(!hit(startDue, range("1000", "1100"), "VTODO"))
        #expect(hit(startDue, range("0930", "0940"), "VTODO"))
        #expect(!hit(startDue, range("0800", "0900"), "VTODO"))
        let startOnly = calendar("VTODO", "DTSTART:20270301T100000Z")
        #expect(hit(startOnly, range("1000", "1100"), "VTODO"))
        #expect(!hit(startOnly, range("0900", "1000"), "VTODO"))
        let dueOnly = calendar("VTODO", "DUE:20270301T100000Z")
        #expect(hit(dueOnly, range("0900", "1000"), "VTODO"))
        #expect(!hit(dueOnly, range("1000", "1100"), "VTODO"))
        let both = calendar("VTODO", "CREATED:20270301T080000Z", "COMPLETED:20270301T120000Z")
        #expect(hit(both, range("1000", "1100"), "VTODO"))
        #expect(!hit(both, range("1300", "1400"), "VTODO"))
        let completed = calendar("VTODO", "COMPLETED:20270301T120000Z")
        #expect(hit(completed, range("1200", "1300"), "VTODO"))
        #expect(hit(completed, range("1100", "1200"), "VTODO"))
        #expect(!hit(completed, TimeRange(start: utc("20270301T120001Z")), "VTODO"))
        let created = calendar("VTODO", "CREATED:20270301T080000Z")
        #expect(!hit(created, range(nil, "0800"), "VTODO"))
        #expect(hit(created, TimeRange(end: utc("20270301T080001Z")), "VTODO"))
        let bare = calendar("VTODO", "SUMMARY:whenever")
        #expect(hit(bare, range("1000", "1100"), "VTODO"))
    }

    @Test func vjournal() {
        let timed = calendar("VJOURNAL", "DTSTART:20270301T100000Z")
        #expect(hit(timed, range("1000", "1100"), "VJOURNAL"))
        #expect(!hit(timed, range("0900", "1000"), "VJOURNAL"))
        let day = calendar("VJOURNAL", "DTSTART;VALUE=DATE:20270301")
        #expect(hit(day, range("2359", nil), "VJOURNAL"))
        #expect(!hit(day, TimeRange(start: utc("20270302T000000Z")), "VJOURNAL"))
        #expect(!hit(calendar("VJOURNAL", "SUMMARY:x"), range("0000", "2359"), "VJOURNAL"))
    }

    @Test func vfreebusy() {
        let bounded = calendar("VFREEBUSY", "DTSTART:20270301T090000Z", "DTEND:20270301T100000Z")
        #expect(hit(bounded, range("1000", "1100"), "VFREEBUSY"))
        #expect(!hit(bounded, range("1001", "1100"), "VFREEBUSY"))
        let periods = calendar("VFREEBUSY", "FREEBUSY:20270301T100000Z/PT1H,20270301T140000Z/20270301T150000Z")
        #expect(hit(periods, range("1030", "1040"), "VFREEBUSY"))
        #expect(!hit(periods, range("1100", "1400"), "VFREEBUSY"))
        #expect(hit(periods, range("1459", "1600"), "VFREEBUSY"))
        #expect(!hit(calendar("VFREEBUSY", "ORGANIZER:mailto:a@example.com"), range("0000", "2359"), "VFREEBUSY"))
    }

    @Test func valarm() {
        let ev = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:a
            DTSTART:20270301T100000Z
            DTEND:20270301T110000Z
            BEGIN:VALARM
            ACTION:DISPLAY
            TRIGGER:-PT15M
            REPEAT:2
            DURATION:PT5M
            END:VALARM
            BEGIN:VALARM
            ACTION:DISPLAY
            TRIGGER;RELATED=END:PT10M
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(ev.hasAlarm(in: range("0945", "0946"), componentNamed: "VEVENT", resolver: r))
        #expect(ev.hasAlarm(in: range("0954", "0956"), componentNamed: "VEVENT", resolver: r))
        #expect(!ev.hasAlarm(in: range("0956", "1110"), componentNamed: "VEVENT", resolver: r))
        #expect(ev.hasAlarm(in: range("1110", "1111"), componentNamed: "VEVENT", resolver: r))
        let recurring = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:b
            DTSTART:20270101T100000Z
            RRULE:FREQ=DAILY;COUNT=100
            BEGIN:VALARM
            ACTION:DISPLAY
            TRIGGER:-P1D
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(recurring.hasAlarm(in: range("1000", "1001"), componentNamed: "VEVENT", resolver: r))
        #expect(!recurring.hasAlarm(in: range("1001", "1100"), componentNamed: "VEVENT", resolver: r))
        #expect(!recurring.hasAlarm(in: TimeRange(start: utc("20270411T100001Z")), componentNamed: "VEVENT", resolver: r))
        let absolute = calendar("VTODO", "DUE:20270301T100000Z", "BEGIN:VALARM", "TRIGGER;VALUE=DATE-TIME:20270201T080000Z", "END:VALARM")
        #expect(absolute.hasAlarm(in: TimeRange(start: utc("20270201T080000Z"), end: utc("20270201T080001Z")), componentNamed: "VTODO", resolver: r))
    }

    @Test func recurringMatchesAnyInstanceWithOverrides() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:s
            DTSTART:20270226T100000Z
            DTEND:20270226T110000Z
            RRULE:FREQ=DAILY;COUNT=5
            EXDATE:20270228T100000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:s
            RECURRENCE-ID:20270301T100000Z
            DTSTART:20270301T150000Z
            DTEND:20270301T160000Z
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(hit(cal, TimeRange(start: utc("20270227T103000Z"), end: utc("20270227T104000Z")), "VEVENT"))
        #expect(!hit(cal, TimeRange(start: utc("20270228T100000Z"), end: utc("20270228T110000Z")), "VEVENT"))
        #expect(!hit(cal, range("1000", "1100"), "VEVENT"))
        #expect(hit(cal, range("1500", "1501"), "VEVENT"))
        #expect(hit(cal, TimeRange(start: utc("20270302T100000Z")), "VEVENT"))
        #expect(!hit(cal, TimeRange(start: utc("20270303T000000Z")), "VEVENT"))
        #expect(hit(cal, .unbounded, "VEVENT"))
        // The master alone (no sibling overrides) still has its 1 March instance.
        #expect(cal.components[0].overlaps(range("1000", "1100"), resolver: r))
    }

    @Test func vavailability() {
        let open = calendar("VAVAILABILITY", "DTSTART:20270301T100000Z")
        #expect(hit(open, TimeRange(start: utc("20300101T000000Z")), "VAVAILABILITY"))
        #expect(!hit(open, range("0900", "1000"), "VAVAILABILITY"))
        let bounded = calendar("VAVAILABILITY", "DTSTART:20270301T100000Z", "DURATION:PT1H")
        #expect(!hit(bounded, range("1100", "1200"), "VAVAILABILITY"))
        #expect(hit(bounded, range("1059", "1200"), "VAVAILABILITY"))
    }
}
