import ICalendar
import ITIP
import Storage
import Testing

@testable import CalDAV

/// Queues nothing and answers 1.0, as the iMIP delivery does before the mail is sent.
struct PendingDelivery: ExternalScheduleDelivery {
    func deliver<Queue: MailQueueStore>(_ message: ITIPMessage, sender: PrincipalRecord, queue: Queue, now: Int64)
        throws -> ScheduleStatus
    {
        .pending
    }
}

@Suite struct DeliveryStatusTests {
    let outsider = "mailto:zed@elsewhere.example"

    func invited() -> TestServer {
        let test = TestServer()
        test.configuration.externalDelivery = PendingDelivery()
        var invitation = Invitation()
        invitation.attendees.append((outsider, "NEEDS-ACTION"))
        #expect(test.put("alice", "meeting.ics", invitation.body).status == 201)
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "SCHEDULE-STATUS") == "1.0")
        return test
    }

    @Test func sentStampsTheAttendeeAndKeepsTheScheduleTag() throws {
        let test = invited()
        let before = try #require(test.copy("alice"))
        let changes = test.store.changeLogCount(of: test.calendarID("alice"))
        let changed = try test.server.recordDeliveryStatus(
            .sent, recipient: "zed@elsewhere.example", uid: "meeting-1", principal: "principals/alice")
        #expect(changed)
        let after = try #require(test.copy("alice"))
        #expect(Parsed(after.data).attendee(outsider, "SCHEDULE-STATUS") == "1.1")
        #expect(Parsed(after.data).attendee("mailto:bob@example.com", "SCHEDULE-STATUS") == "1.2")
        #expect(after.etag != before.etag)
        #expect(after.scheduleTag == before.scheduleTag)
        #expect(test.store.changeLogCount(of: test.calendarID("alice")) == changes + 1)
        // The same status again changes nothing.
        #expect(
            try !test.server.recordDeliveryStatus(
                .sent, recipient: "mailto:zed@elsewhere.example", uid: "meeting-1", principal: "principals/alice"))
        // A final failure replaces "sent".
        #expect(
            try test.server.recordDeliveryStatus(
                .deliveryFailed, recipient: "zed@elsewhere.example", uid: "meeting-1", principal: "principals/alice"))
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "SCHEDULE-STATUS") == "5.1")
    }

    @Test func aReplyThatCameFirstIsNotOverwritten() throws {
        let test = invited()
        let reply = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Elsewhere//EN\r
            METHOD:REPLY\r
            BEGIN:VEVENT\r
            UID:meeting-1\r
            DTSTAMP:20261125T090000Z\r
            SEQUENCE:0\r
            ORGANIZER:mailto:alice@example.com\r
            ATTENDEE;PARTSTAT=DECLINED:mailto:zed@elsewhere.example\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        _ = try test.server.applyExternalMessage(
            try ICalComponent.parse(reply), from: outsider, to: "mailto:alice@example.com")
        let answered = Parsed(test.copy("alice")?.data).attendee(outsider, "SCHEDULE-STATUS")
        #expect(answered?.hasPrefix("2.") == true)
        #expect(
            try !test.server.recordDeliveryStatus(
                .sent, recipient: "zed@elsewhere.example", uid: "meeting-1", principal: "principals/alice"))
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "PARTSTAT") == "DECLINED")
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "SCHEDULE-STATUS") == answered)
    }

    @Test func unknownObjectsAndAttendeesAreLeftAlone() throws {
        let test = invited()
        let before = test.copy("alice")
        #expect(
            try !test.server.recordDeliveryStatus(
                .sent, recipient: "zed@elsewhere.example", uid: "no-such-uid", principal: "principals/alice"))
        #expect(
            try !test.server.recordDeliveryStatus(
                .sent, recipient: "nobody@elsewhere.example", uid: "meeting-1", principal: "principals/alice"))
        #expect(
            try !test.server.recordDeliveryStatus(
                .sent, recipient: "zed@elsewhere.example", uid: "meeting-1", principal: "principals/nobody"))
        #expect(test.copy("alice") == before)
    }

    @Test func organizerCopyIsFoundByUIDAndAttendee() throws {
        let test = invited()
        let found = try test.server.organizerCopy(uid: "meeting-1", attendee: "zed@elsewhere.example")
        #expect(found?.principalURI == "principals/alice")
        #expect(found?.organizer == "mailto:alice@example.com")
        // bob holds an attendee copy with the same UID: never taken for the organizer's.
        #expect(try test.server.organizerCopy(uid: "meeting-1", attendee: "mailto:nobody@example.com") == nil)
        #expect(try test.server.organizerCopy(uid: "other", attendee: "zed@elsewhere.example") == nil)
    }
}
