import CalDAV
import ICalendar
import IMIP
import Storage
import Testing

@testable import almanac

/// `almanac imip receive` without a database: the IMIP fixtures (real clients' reply shapes)
/// applied to frank@example.net's event through the in-memory engine.
@Suite struct InboundMailTests {
    static let uid = "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87"

    /// frank invites grace, heidi, zed (outside) and bob (local).
    func invited() -> MailTestServer {
        let test = MailTestServer()
        let status = test.put(
            "frank", "go.ics",
            invitation(
                uid: Self.uid, organizer: "frank@example.net",
                attendees: ["grace@example.net", "heidi@example.net", "zed@example.com", "bob@example.com"]))
        #expect(status == 201)
        return test
    }

    func inbound(_ test: MailTestServer, receiver: IMIPReceiver = IMIPReceiver()) -> InboundMail<InMemoryStore> {
        InboundMail(server: test.server(), receiver: receiver)
    }

    @Test(arguments: [
        ("gmail-reply-accepted.eml", "grace@example.net", "ACCEPTED"),
        ("outlook-reply-declined.eml", "heidi@example.net", "DECLINED"),
        ("apple-reply-tentative.eml", "grace@example.net", "TENTATIVE"),
        ("thunderbird-reply-accepted.eml", "zed@example.com", "ACCEPTED"),
        ("octet-stream-latin1-reply.eml", "grace@example.net", "DECLINED"),
        ("delegate-reply-sent-by.eml", "grace@example.net", "ACCEPTED"),
    ])
    func repliesUpdateTheOrganizer(name: String, attendee: String, partstat: String) throws {
        let test = invited()
        let result = inbound(test).apply(try fixture(name), envelopeRecipients: ["frank@example.net"])
        #expect(result.status == .applied, "\(result.summary)")
        let stored = test.object("frank", uid: Self.uid)
        #expect(parameter(stored, "mailto:\(attendee)", "PARTSTAT") == partstat)
        #expect(parameter(stored, "mailto:\(attendee)", "SCHEDULE-STATUS")?.hasPrefix("2.") == true)
        #expect(test.inbox("frank").count == 1)
        // The local attendee's copy hears of it, as after a CalDAV reply.
        #expect(parameter(test.object("bob", uid: Self.uid), "mailto:\(attendee)", "PARTSTAT") == partstat)
    }

    @Test(arguments: [
        ("spoofed-reply.eml", InboundResult.Status.dataError),
        ("malformed-calendar.eml", .dataError),
        ("no-calendar.eml", .dataError),
        ("no-from.eml", .dataError),
        ("reply-for-two.eml", .dataError),
    ])
    func badMailChangesNothing(name: String, status: InboundResult.Status) throws {
        let test = invited()
        let before = test.object("frank", uid: Self.uid)
        let result = inbound(test).apply(try fixture(name))
        #expect(result.status == status, "\(result.summary)")
        #expect(result.summary.hasPrefix("rejected"))
        #expect(test.object("frank", uid: Self.uid) == before)
        #expect(test.inbox("frank").isEmpty)
    }

    @Test func noLocalRecipientIs67() throws {
        let test = MailTestServer()  // frank has no such event: Outlook's reply has no ORGANIZER to go by
        #expect(inbound(test).apply(try fixture("outlook-reply-declined.eml")).status == .noUser)
        let text = String(decoding: try fixture("gmail-reply-accepted.eml"), as: UTF8.self)
            .replacingOccurrences(of: "frank@example.net", with: "frank@elsewhere.example")
        let result = inbound(test).apply(Array(text.utf8))
        #expect(result.status == .noUser, "\(result.summary)")
        #expect(test.inbox("frank").isEmpty)
    }

    @Test func aLocalUsersAddressCannotArriveByMail() throws {
        let test = invited()
        let text = String(decoding: try fixture("gmail-reply-accepted.eml"), as: UTF8.self)
            .replacingOccurrences(of: "grace@example.net", with: "bob@example.com")
        let before = test.object("frank", uid: Self.uid)
        #expect(inbound(test).apply(Array(text.utf8)).status == .dataError)
        #expect(test.object("frank", uid: Self.uid) == before)
    }

    @Test func trustedSendersMaySpeakForAttendees() throws {
        let test = invited()
        let text = String(decoding: try fixture("gmail-reply-accepted.eml"), as: UTF8.self)
            .replacingOccurrences(
                of: "From: Grace Garcia <grace@example.net>", with: "From: <calendar@partner.example>")
        #expect(inbound(test).apply(Array(text.utf8)).status == .dataError)
        let trusted = inbound(test, receiver: IMIPReceiver(trustedSenders: ["calendar@partner.example"]))
        #expect(trusted.apply(Array(text.utf8)).status == .applied)
        #expect(parameter(test.object("frank", uid: Self.uid), "mailto:grace@example.net", "PARTSTAT") == "ACCEPTED")
    }

    @Test func anOutsideRequestReachesTheLocalAttendeeAndItsCancelRemovesIt() throws {
        let test = MailTestServer()
        let request = inbound(test).apply(try fixture("gmail-request-external.eml"))
        #expect(request.status == .applied, "\(request.summary)")
        #expect(request.summary.contains("principals/frank"))
        let googleUID = "7kq2v9r0b1c2d3e4f5g6h7i8j9@google.com"
        #expect(test.object("frank", uid: googleUID) != nil)
        #expect(test.inbox("frank").count == 1)
        #expect(inbound(test).apply(try fixture("spoofed-request.eml")).status == .dataError)
        let cancel = inbound(test).apply(try fixture("gmail-cancel-external.eml"))
        #expect(cancel.status == .applied, "\(cancel.summary)")
        let after = test.object("frank", uid: googleUID)
        #expect(after == nil || after?.contains("STATUS:CANCELLED") == true)
    }

    @Test func organizerIsAddedWhereAReplyLacksIt() throws {
        let calendar = try ICalComponent.parse(
            "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        let filled = InboundMail<InMemoryStore>.withOrganizer("mailto:frank@example.net", in: calendar)
        #expect(filled.components.first?.property("ORGANIZER")?.rawValue == "mailto:frank@example.net")
        #expect(calendar.components.first?.property("ORGANIZER") == nil)
    }
}
