import Testing
@testable import ICalendar

@Suite struct RecurrenceRuleTests {
    @Test func parsesEveryPart() throws {
        let rule = try RecurrenceRule(
            parsing:
                "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYSECOND=0,30;BYMINUTE=15;BYHOUR=9,17;BYDAY=MO,-1FR,2TU;BYMONTHDAY=1,-1;BYYEARDAY=100,-200;BYWEEKNO=20,-1;BYMONTH=1,12;BYSETPOS=-1;WKST=SU"
        )
        #expect(rule.frequency == .yearly)
        #expect(rule.interval == 2)
        #expect(rule.count == 10)
        #expect(rule.bySecond == [0, 30])
        #expect(rule.byMinute == [15])
        #expect(rule.byHour == [9, 17])
        #expect(
            rule.byDay == [
                .init(.monday), .init(.friday, ordinal: -1), .init(.tuesday, ordinal: 2),
            ])
        #expect(rule.byMonthDay == [1, -1])
        #expect(rule.byYearDay == [100, -200])
        #expect(rule.byWeekNo == [20, -1])
        #expect(rule.byMonth == [1, 12])
        #expect(rule.bySetPos == [-1])
        #expect(rule.weekStart == .sunday)
    }

    @Test func untilAsDateAndDateTime() throws {
        let date = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270301")
        #expect(date.until == ICalDateTime(local: LocalDateTime(year: 2027, month: 3, day: 1), isDateOnly: true))
        let utc = try RecurrenceRule(parsing: "freq=daily;until=20270301T120000Z")
        #expect(utc.until?.zone == .utc)
        #expect(utc.until?.local == LocalDateTime(year: 2027, month: 3, day: 1, hour: 12))
        let floating = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270301T120000")
        #expect(floating.until?.zone == .floating)
    }

    @Test func serializesInCanonicalOrder() throws {
        let rule = try RecurrenceRule(parsing: "BYDAY=-1FR;FREQ=MONTHLY;UNTIL=20271231T235959Z;WKST=SU;INTERVAL=2")
        #expect(rule.text == "FREQ=MONTHLY;UNTIL=20271231T235959Z;INTERVAL=2;BYDAY=-1FR;WKST=SU")
        #expect(try RecurrenceRule(parsing: rule.text) == rule)
        var built = RecurrenceRule(frequency: .weekly)
        built.count = 3
        built.byDay = [.init(.tuesday), .init(.thursday)]
        #expect(built.text == "FREQ=WEEKLY;COUNT=3;BYDAY=TU,TH")
    }

    @Test func typedErrors() {
        #expect(throws: RecurrenceRuleError.missingFrequency) { try RecurrenceRule(parsing: "COUNT=3") }
        #expect(throws: RecurrenceRuleError.countAndUntil) {
            try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3;UNTIL=20270101")
        }
        #expect(throws: RecurrenceRuleError.duplicatePart("FREQ")) {
            try RecurrenceRule(parsing: "FREQ=DAILY;FREQ=WEEKLY")
        }
        #expect(throws: RecurrenceRuleError.unknownPart("BYFOO")) { try RecurrenceRule(parsing: "FREQ=DAILY;BYFOO=1") }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "FREQ", value: "FORTNIGHTLY")) {
            try RecurrenceRule(parsing: "FREQ=FORTNIGHTLY")
        }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "BYMONTHDAY", value: "0")) {
            try RecurrenceRule(parsing: "FREQ=MONTHLY;BYMONTHDAY=0")
        }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "BYDAY", value: "0MO")) {
            try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=0MO")
        }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "INTERVAL", value: "0")) {
            try RecurrenceRule(parsing: "FREQ=DAILY;INTERVAL=0")
        }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "UNTIL", value: "20270231")) {
            try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=20270231")
        }
        #expect(throws: RecurrenceRuleError.invalidValue(part: "BYHOUR", value: "24")) {
            try RecurrenceRule(parsing: "FREQ=DAILY;BYHOUR=24")
        }
        #expect(throws: RecurrenceRuleError.unknownPart("GARBAGE")) { try RecurrenceRule(parsing: "FREQ=DAILY;GARBAGE") }
    }

    @Test func ignoresExtensionParts() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY;X-NAME=1;RSCALE=GREGORIAN;SKIP=OMIT")
        #expect(rule.text == "FREQ=DAILY")
    }

    @Test func strictValidation() throws {
        try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=-1FR").validate()
        try RecurrenceRule(parsing: "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO").validate()
        #expect(throws: RecurrenceRuleError.partNotAllowed(part: "BYWEEKNO", frequency: .monthly)) {
            try RecurrenceRule(parsing: "FREQ=MONTHLY;BYWEEKNO=20").validate()
        }
        #expect(throws: RecurrenceRuleError.partNotAllowed(part: "BYDAY", frequency: .weekly)) {
            try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=1MO").validate()
        }
        #expect(throws: RecurrenceRuleError.partNotAllowed(part: "BYYEARDAY", frequency: .daily)) {
            try RecurrenceRule(parsing: "FREQ=DAILY;BYYEARDAY=1").validate()
        }
        #expect(throws: RecurrenceRuleError.partNotAllowed(part: "BYMONTHDAY", frequency: .weekly)) {
            try RecurrenceRule(parsing: "FREQ=WEEKLY;BYMONTHDAY=1").validate()
        }
        #expect(RecurrenceRuleError.countAndUntil.icalError.kind == .invalidValue(property: "RRULE", value: "RRULE has both COUNT and UNTIL"))
    }
}
