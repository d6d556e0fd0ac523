import Testing

@testable import ICalendar

struct ICalComponentMeaningTests {
    @Test func orderAndVolatilePropertiesDoNotMatter() throws {
        let a = try ICalComponent.parse(
            "BEGIN:VCALENDAR\r\nPRODID:a\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\nATTENDEE;RSVP=TRUE;CN=X:mailto:x@y\r\nEND:VEVENT\r\nBEGIN:VTODO\r\nUID:2\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
        let b = try ICalComponent.parse(
            "BEGIN:VCALENDAR\r\nPRODID:b\r\nBEGIN:VTODO\r\nUID:2\r\nEND:VTODO\r\nBEGIN:VEVENT\r\nATTENDEE;CN=X;RSVP=TRUE:mailto:x@y\r\nDTSTAMP:20270101T000000Z\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        #expect(a != b)
        #expect(a.isEquivalent(to: b))
        var c = b
        c.components[1].uid = "other"
        #expect(!a.isEquivalent(to: c))
        #expect(!a.isEquivalent(to: b, ignoring: []))
    }

    @Test func validateValuesAcceptsClientObjects() throws {
        for name in FixtureLoader.clientFiles {
            #expect(throws: Never.self, "\(name)") { try FixtureLoader.calendar(name).validateValues() }
        }
    }

    static let invalid: [(String, String)] = [
        ("DTSTART", "DTSTART:2026-01-01"),
        ("DTEND", "DTEND;VALUE=DATE:20260101T100000"),
        ("DTSTART", "DTSTART;VALUE=DATE-TIME:20260101"),
        ("EXDATE", "EXDATE:20260101T100000Z,garbage"),
        ("DURATION", "DURATION:1H"),
        ("SEQUENCE", "SEQUENCE:two"),
        ("RDATE", "RDATE;VALUE=PERIOD:20260101T100000Z"),
        ("TRIGGER", "TRIGGER:-15M"),
        ("RECURRENCE-ID", "RECURRENCE-ID:20260230T100000"),
    ]

    @Test(arguments: 0..<invalid.count) func validateValuesNamesTheBadProperty(index: Int) throws {
        let (name, line) = Self.invalid[index]
        let calendar = try ICalComponent.parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\n\(line)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        #expect {
            try calendar.validateValues()
        } throws: { error in
            guard let error = error as? ICalError, case .invalidValue(let property, _) = error.kind else { return false }
            return property == name
        }
    }
}
