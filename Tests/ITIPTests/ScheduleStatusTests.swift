import ICalendar
import Testing
@testable import ITIP

@Suite struct ScheduleStatusTests {
    @Test func statusIsWrittenOnEveryComponentNamingTheAddress() throws {
        let series = try Fixture.calendar("Scenarios/rec-invite/new.ics")
        let result = ITIPEngine.withScheduleStatus(
            ["MAILTO:Bob@example.org": .delivered, "mailto:dave@example.org": .invalidUser, "mailto:nobody@example.org": .sent],
            on: series)
        let events = result.components(named: "VEVENT")
        #expect(events.count == 2)
        for event in events {
            let bob = event.properties.first { $0.rawValue == "mailto:bob@example.org" }
            #expect(bob?[parameter: "SCHEDULE-STATUS"] == "1.2")
            let carol = event.properties.first { $0.rawValue == "mailto:carol@example.org" }
            #expect(carol?[parameter: "SCHEDULE-STATUS"] == nil)
        }
        let dave = events[1].properties.first { $0.rawValue == "mailto:dave@example.org" }
        #expect(dave?[parameter: "SCHEDULE-STATUS"] == "3.7")
    }

    @Test func organizerGetsTheStatusOfAReply() throws {
        let copy = try Fixture.calendar("Scenarios/sabre-p08-grace-tentative/new.ics")
        let result = ITIPEngine.withScheduleStatus(["mailto:frank@example.net": .delivered], on: copy)
        let event = try #require(result.components(named: "VEVENT").first)
        #expect(event.property("ORGANIZER")?[parameter: "SCHEDULE-STATUS"] == "1.2")
    }

    @Test func requestStatusTexts() {
        #expect(ScheduleStatus.success.requestStatusText == "2.0;Success")
        #expect(ScheduleStatus.invalidUser.requestStatusText == "3.7;Invalid calendar user")
        #expect(ScheduleStatus("9.9").requestStatusText == "9.9")
    }
}
