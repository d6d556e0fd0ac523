import Testing
@testable import ICalendar

/// CAL-ADDRESS comparison (RFC 5545 §3.3.3, RFC 6638 §2.4.1).
@Suite struct CalendarAddressTests {
    @Test func mailtoComparesWithoutCase() {
        #expect(CalendarAddress("MAILTO:Grace@Example.NET") == CalendarAddress("mailto:grace@example.net"))
        #expect(CalendarAddress(" mailto:grace@example.net\r\n").normalized == "mailto:grace@example.net")
        #expect(CalendarAddress("MAILTO:Grace@Example.NET").normalized == "mailto:grace@example.net")
        #expect(CalendarAddress("MAILTO:Grace@Example.NET").isMailto)
    }

    @Test func otherURIsKeepTheirPath() {
        #expect(CalendarAddress("HTTP:/principals/Bob/").normalized == "http:/principals/Bob/")
        #expect(CalendarAddress("HTTP:/principals/Bob/") == CalendarAddress("http:/principals/Bob/"))
        #expect(CalendarAddress("/principals/Bob/") != CalendarAddress("/principals/bob/"))
        #expect(CalendarAddress("urn:uuid:ABC") != CalendarAddress("urn:uuid:abc"))
        #expect(CalendarAddress("URN:uuid:ABC").scheme == "urn")
        #expect(CalendarAddress("/principals/Bob/").scheme == nil)
        #expect(Set([CalendarAddress("/principals/Bob/"), CalendarAddress("/principals/bob/")]).count == 2)
    }

    @Test func attendeeLookupFollowsTheSameRules() {
        var event = ICalComponent("VEVENT")
        event.addProperty(ICalProperty("ATTENDEE", rawValue: "MAILTO:Bob@Example.org"))
        event.addProperty(ICalProperty("ATTENDEE", rawValue: "/principals/Carol/"))
        #expect(event.attendee(.mailto("bob@example.org")) != nil)
        #expect(event.attendee(CalendarAddress("/principals/Carol/")) != nil)
        #expect(event.attendee(CalendarAddress("/principals/carol/")) == nil)
    }
}
