import ICalendar
import Testing
@testable import ITIP

@Suite struct CalendarUserAddressTests {
    @Test func mailtoComparesWithoutCase() {
        #expect(CalendarUserAddress("MAILTO:Grace@Example.NET") == CalendarUserAddress("mailto:grace@example.net"))
        #expect(CalendarUserAddress(" mailto:grace@example.net ").value == "mailto:grace@example.net")
    }

    @Test func otherURIsKeepTheirPath() {
        #expect(CalendarUserAddress("HTTP:/principals/Bob/").value == "http:/principals/Bob/")
        #expect(CalendarUserAddress("/principals/Bob/") != CalendarUserAddress("/principals/bob/"))
    }

    @Test func userOwnsAnyOfItsAddresses() {
        let user = CalendarUser(addresses: ["mailto:frank@example.net", "/principals/frank/"])
        #expect(user.owns("MAILTO:FRANK@example.net"))
        #expect(user.owns("/principals/frank/"))
        #expect(!user.owns("mailto:grace@example.net"))
    }
}
