import ICalendar
import Testing
@testable import ITIP

@Suite struct CalendarUserTests {
    @Test func userOwnsAnyOfItsAddresses() {
        let user = CalendarUser(addresses: ["mailto:frank@example.net", "/principals/frank/"])
        #expect(user.owns("MAILTO:FRANK@example.net"))
        #expect(user.owns(" mailto:frank@example.net\r\n"))
        #expect(user.owns("/principals/frank/"))
        #expect(!user.owns("/principals/Frank/"))
        #expect(!user.owns("mailto:grace@example.net"))
    }
}
