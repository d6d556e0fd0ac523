import CalDAV
import ICalendar
import IMIP
import ITIP
import Logging
import Storage
import Testing

@testable import almanac

/// The outgoing path without a database: PUT → IMIPScheduleDelivery queues → MailSender sends and stamps.
@Suite struct MailSenderTests {
    let composer = IMIPComposer(
        configuration: IMIPConfiguration(senderAddress: "calendar@almanac.test"), templates: try! MailTemplates())

    func server(maxPerHour: Int = 100, maxRecipients: Int = 50) -> MailTestServer {
        let test = MailTestServer()
        test.configuration.externalDelivery = IMIPScheduleDelivery(
            composer: composer, limits: SendingLimits(maxPerHour: maxPerHour, maxRecipients: maxRecipients),
            makeID: { "00000000-0000-4000-8000-000000000001" }, logger: Logger(label: "test"))
        return test
    }

    func sender(_ test: MailTestServer, _ transport: RecordingTransport) -> MailSender<InMemoryStore> {
        MailSender(
            server: test.server(), transport: transport, policy: RetryPolicy(delays: [60, 300], giveUpAfter: 1000),
            logger: Logger(label: "test"))
    }

    @Test func anInvitationIsQueuedPendingThenSentAndStamped() throws {
        let test = server()
        #expect(
            test.put("alice", "m.ics", invitation(uid: "m1", attendees: ["bob@example.com", "zed@out.example"])) == 201)
        #expect(parameter(test.object("alice", uid: "m1"), "mailto:zed@out.example", "SCHEDULE-STATUS") == "1.0")
        #expect(parameter(test.object("alice", uid: "m1"), "mailto:bob@example.com", "SCHEDULE-STATUS") == "1.2")
        let queued = try test.store.dueMails(now: test.clock, limit: 10)
        #expect(queued.count == 1)
        #expect(queued.first?.recipient == "zed@out.example" && queued.first?.sender == "calendar@almanac.test")
        #expect(queued.first?.principalURI == "principals/alice" && queued.first?.uid == "m1")
        #expect(queued.first?.message.contains("Subject: Invitation: Planning") == true)

        let transport = RecordingTransport()
        #expect(try sender(test, transport).sendDue(now: { test.clock }) == 1)
        #expect(transport.sent.count == 1)
        #expect(transport.sent.first?.to == ["zed@out.example"])
        #expect(try test.store.dueMails(now: test.clock + 100_000, limit: 10).isEmpty)
        #expect(parameter(test.object("alice", uid: "m1"), "mailto:zed@out.example", "SCHEDULE-STATUS") == "1.1")
        // Nothing left: a second pass sends nothing.
        #expect(try sender(test, transport).sendDue(now: { test.clock }) == 0)
        #expect(transport.sent.count == 1)
    }

    @Test func anUpdateSaysWhatChanged() throws {
        let test = server()
        test.put("alice", "u.ics", invitation(uid: "u1", attendees: ["zed@out.example"]))
        let moved = invitation(uid: "u1", attendees: ["zed@out.example"], sequence: 1)
            .replacingOccurrences(of: "DTSTART:20270301T100000Z", with: "DTSTART:20270302T100000Z")
            .replacingOccurrences(of: "DTEND:20270301T110000Z", with: "DTEND:20270302T110000Z")
        #expect(test.put("alice", "u.ics", moved) == 204)
        let mails = try test.store.dueMails(now: test.clock, limit: 10)
        #expect(mails.count == 2)
        let update = try #require(mails.last?.message)
        #expect(update.contains("Subject: Updated: Planning"))
        #expect(!mails[0].message.contains("What changed"))
        // The text part is quoted-printable: look for the label in the decoded body.
        #expect(update.replacingOccurrences(of: "=\r\n", with: "").contains("What changed"))
    }

    @Test func aServerThatIsDownIsRetriedUntilItTakesTheMailOnce() throws {
        let test = server()
        test.put("alice", "m.ics", invitation(uid: "m2", attendees: ["zed@out.example"]))
        let transport = RecordingTransport()
        transport.script([.transient("connection refused"), .transient("connection refused")])
        let sender = sender(test, transport)
        #expect(try sender.sendDue(now: { test.clock }) == 1)
        #expect(try test.store.dueMails(now: test.clock + 59, limit: 10).isEmpty)
        let waiting = try test.store.dueMails(now: test.clock + 60, limit: 10)
        #expect(waiting.first?.attempts == 1)
        #expect(parameter(test.object("alice", uid: "m2"), "mailto:zed@out.example", "SCHEDULE-STATUS") == "1.0")
        test.clock += 60
        #expect(try sender.sendDue(now: { test.clock }) == 1)
        #expect(try test.store.dueMails(now: test.clock + 299, limit: 10).isEmpty)
        test.clock += 300
        #expect(try sender.sendDue(now: { test.clock }) == 1)
        #expect(transport.sent.count == 1)
        #expect(parameter(test.object("alice", uid: "m2"), "mailto:zed@out.example", "SCHEDULE-STATUS") == "1.1")
        test.clock += 10_000
        #expect(try sender.sendDue(now: { test.clock }) == 0)
    }

    @Test func permanentFailureAndGivingUpStamp5_1() throws {
        let test = server()
        test.put("alice", "m.ics", invitation(uid: "m3", attendees: ["zed@out.example", "yan@out.example"]))
        let transport = RecordingTransport()
        transport.script([.permanent("550 no such user")] + Array(repeating: .transient("timeout"), count: 10))
        let sender = sender(test, transport)
        #expect(try sender.sendDue(now: { test.clock }) == 2)
        let stored = test.object("alice", uid: "m3")
        let statuses = [
            parameter(stored, "mailto:zed@out.example", "SCHEDULE-STATUS"),
            parameter(stored, "mailto:yan@out.example", "SCHEDULE-STATUS"),
        ]
        #expect(statuses.sorted { ($0 ?? "") < ($1 ?? "") } == ["1.0", "5.1"])
        // The transient one gives up once the policy's time is used (60 + 300 + 300 + 300 > 1000).
        for _ in 0..<5 {
            test.clock += 300
            try sender.sendDue(now: { test.clock })
        }
        #expect(try test.store.dueMails(now: test.clock + 100_000, limit: 10).isEmpty)
        let final = test.object("alice", uid: "m3")
        #expect(parameter(final, "mailto:zed@out.example", "SCHEDULE-STATUS") == "5.1")
        #expect(parameter(final, "mailto:yan@out.example", "SCHEDULE-STATUS") == "5.1")
        #expect(transport.sent.isEmpty)
    }

    @Test func aClaimedMailIsNotSentByAnotherSender() throws {
        let test = server()
        test.put("alice", "m.ics", invitation(uid: "m4", attendees: ["zed@out.example"]))
        // Another responder claimed it (and may be sending it right now).
        #expect(try test.store.claimDueMails(now: test.clock, limit: 10, leaseUntil: test.clock + 600).count == 1)
        let transport = RecordingTransport()
        #expect(try sender(test, transport).sendDue(now: { test.clock }) == 0)
        // That responder died: after the lease the mail is sent here.
        test.clock += 600
        #expect(try sender(test, transport).sendDue(now: { test.clock }) == 1)
        #expect(transport.sent.count == 1)
    }

    @Test func limitsRefuseWithoutMail() throws {
        let test = server(maxPerHour: 2, maxRecipients: 3)
        test.put("alice", "a.ics", invitation(uid: "l1", attendees: ["a@out.example", "b@out.example"]))
        test.put("alice", "b.ics", invitation(uid: "l2", attendees: ["c@out.example"]))
        #expect(parameter(test.object("alice", uid: "l2"), "mailto:c@out.example", "SCHEDULE-STATUS") == "5.1")
        test.put(
            "bob", "c.ics",
            invitation(
                uid: "l3", organizer: "bob@example.com",
                attendees: ["1@o.example", "2@o.example", "3@o.example", "4@o.example"]))
        #expect(parameter(test.object("bob", uid: "l3"), "mailto:1@o.example", "SCHEDULE-STATUS") == "5.1")
        #expect(
            try test.store.dueMails(now: test.clock, limit: 10).map(\.recipient).sorted() == [
                "a@out.example", "b@out.example",
            ])
        // An hour later alice may mail again.
        test.clock += 3600
        test.put("alice", "d.ics", invitation(uid: "l4", attendees: ["d@out.example"]))
        #expect(parameter(test.object("alice", uid: "l4"), "mailto:d@out.example", "SCHEDULE-STATUS") == "1.0")
    }

    @Test func recipientCountIgnoresTheOrganizer() throws {
        let calendar = try ICalComponent.parse(invitation(uid: "c", attendees: ["a@x.example", "b@x.example"]))
        let message = ITIPMessage(
            method: .request, uid: "c", componentType: "VEVENT", sender: "mailto:alice@example.com",
            recipient: "mailto:a@x.example", change: .new, calendar: calendar)
        #expect(IMIPScheduleDelivery.recipientCount(of: message) == 2)
        var reply = message
        reply.method = .reply
        #expect(IMIPScheduleDelivery.recipientCount(of: reply) == 1)
    }
}
