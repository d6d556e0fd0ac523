import ICalendar
import Testing
@testable import ITIP

/// Instances are matched by the instant their RECURRENCE-ID names, whatever form it is written in.
@Suite struct RecurrenceIdentityTests {
    let alice = CalendarUser(addresses: ["mailto:alice@example.org"])

    func reply(recurrenceID: String) throws -> ICalComponent {
        try TestICS.parse(
            """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n\
            UID:series-1@example.org\r\nDTSTAMP:20270102T000000Z\r\nRECURRENCE-ID:\(recurrenceID)\r\n\
            ORGANIZER:mailto:alice@example.org\r\nATTENDEE;PARTSTAT=TENTATIVE:mailto:bob@example.org\r\n\
            END:VEVENT\r\nEND:VCALENDAR\r\n
            """)
    }

    @Test func utcRecurrenceIDFindsTheOverrideWrittenWithTZID() throws {
        let organizerCopy = try Fixture.calendar("Scenarios/rec-apply-series-decline/old.ics")
        // 18 Jan 09:00 Asia/Tokyo is 00:00 UTC.
        let result = try ITIPEngine.apply(reply: reply(recurrenceID: "20270118T000000Z"), to: organizerCopy, organizer: alice, now: 0)
        let events = try #require(result.object).components(named: "VEVENT")
        #expect(events.count == 2)
        let override = try #require(events.first { $0.property("RECURRENCE-ID") != nil })
        #expect(override.attendee(CalendarAddress("mailto:bob@example.org"))?[parameter: "PARTSTAT"] == "TENTATIVE")
    }

    @Test func utcRecurrenceIDOfANewInstanceIsWrittenLikeTheMaster() throws {
        let organizerCopy = try Fixture.calendar("Scenarios/rec-apply-series-decline/old.ics")
        let result = try ITIPEngine.apply(reply: reply(recurrenceID: "20270111T000000Z"), to: organizerCopy, organizer: alice, now: 0)
        let events = try #require(result.object).components(named: "VEVENT")
        #expect(events.count == 3)
        let added = try #require(events.last)
        #expect(TestICS.line(try #require(added.property("RECURRENCE-ID"))) == "RECURRENCE-ID;TZID=Asia/Tokyo:20270111T090000")
        #expect(TestICS.line(try #require(added.property("DTSTART"))) == "DTSTART;TZID=Asia/Tokyo:20270111T090000")
        #expect(TestICS.line(try #require(added.property("DTEND"))) == "DTEND;TZID=Asia/Tokyo:20270111T093000")
        #expect(added.property("RRULE") == nil)
    }

    @Test func utcCancelOfAnInstanceAddsAnExdateLikeTheMaster() throws {
        let bobCopy = try Fixture.calendar("Scenarios/rec-apply-instance-cancel/old.ics")
        let cancel = try TestICS.parse(
            """
            BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:CANCEL\r\nBEGIN:VEVENT\r\n\
            UID:series-1@example.org\r\nDTSTAMP:20270102T000000Z\r\nSEQUENCE:0\r\nRECURRENCE-ID:20270125T000000Z\r\n\
            ORGANIZER:mailto:alice@example.org\r\nATTENDEE:mailto:bob@example.org\r\nSTATUS:CANCELLED\r\n\
            END:VEVENT\r\nEND:VCALENDAR\r\n
            """)
        let result = try ITIPEngine.apply(cancel: cancel, to: bobCopy)
        let master = try #require(result.object?.components(named: "VEVENT").first)
        #expect(master.properties(named: "EXDATE").map { TestICS.line($0) } == ["EXDATE;TZID=Asia/Tokyo:20270125T090000"])
    }
}

@Suite struct PhantomInstanceTests {
    let alice = CalendarUser(addresses: ["mailto:alice@example.org"])

    @Test func replyForATimeTheSeriesNeverHasAddsNothing() throws {
        let organizerCopy = try Fixture.calendar("Scenarios/rec-apply-series-decline/old.ics")
        // 11 Jan 10:00 JST (wrong time), 12 Jan (a Tuesday), 3 Jan 2028 (after COUNT=10).
        for rid in ["20270111T010000Z", "20270112T000000Z", "20280103T000000Z"] {
            let text = """
                BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n\
                UID:series-1@example.org\r\nDTSTAMP:20270102T000000Z\r\nRECURRENCE-ID:\(rid)\r\n\
                ORGANIZER:mailto:alice@example.org\r\nATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.org\r\n\
                END:VEVENT\r\nEND:VCALENDAR\r\n
                """
            #expect(throws: ITIPError.invalidSchedulingData("RECURRENCE-ID names no instance of the series")) {
                try ITIPEngine.apply(reply: TestICS.parse(text), to: organizerCopy, organizer: alice, now: 0)
            }
        }
    }
}
