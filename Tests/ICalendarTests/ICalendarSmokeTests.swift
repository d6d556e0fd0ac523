import Testing
@testable import ICalendar

@Test func ICalendarBuilds() { #expect(Bool(true)) }
