import ICalendar
import ITIP
import Storage
import Testing

@testable import CalDAV

/// Queues a mail per message, as the composition root's iMIP delivery does.
struct QueueingDelivery: ExternalScheduleDelivery {
    func deliver<Queue: MailQueueStore>(_ message: ITIPMessage, sender: PrincipalRecord, queue: Queue, now: Int64)
        throws
        -> ScheduleStatus
    {
        try queue.enqueueMail(
            sender: sender.email ?? "", recipient: String(message.recipient.dropFirst("mailto:".count)),
            message: message.calendar.serialized(), principalURI: sender.uri, uid: message.uid, now: now)
        return .sent
    }
}

/// Fails like a mail queue whose table is gone.
struct FailingDelivery: ExternalScheduleDelivery {
    struct Broken: Error {}
    func deliver<Queue: MailQueueStore>(_ message: ITIPMessage, sender: PrincipalRecord, queue: Queue, now: Int64)
        throws
        -> ScheduleStatus
    {
        throw StorageError.backend("mail queue unavailable")
    }
}

@Suite struct SchedulingDeliveryTests {
    let bob = "mailto:bob@example.com"
    let outsider = "mailto:zed@elsewhere.example"

    func invitationWithOutsider() -> Invitation {
        var invitation = Invitation()
        invitation.attendees.append((outsider, "NEEDS-ACTION"))
        return invitation
    }

    @Test func externalRecipientsGoToTheMailQueue() throws {
        let test = TestServer()
        test.configuration.externalDelivery = QueueingDelivery()
        #expect(test.put("alice", "meeting.ics", invitationWithOutsider().body).status == 201)
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "SCHEDULE-STATUS") == "1.1")
        #expect(Parsed(test.copy("alice")?.data).attendee(bob, "SCHEDULE-STATUS") == "1.2")
        let mails = try test.store.dueMails(now: test.clock + 1, limit: 10)
        #expect(mails.count == 1)
        #expect(mails.first?.recipient == "zed@elsewhere.example")
        #expect(mails.first?.principalURI == "principals/alice")
        #expect(mails.first?.message.contains("METHOD:REQUEST") == true)
    }

    @Test func aFailureMidDeliveryLeavesNothingChanged() throws {
        let test = TestServer()
        test.configuration.externalDelivery = FailingDelivery()
        let response = test.put("alice", "meeting.ics", invitationWithOutsider().body)
        #expect(response.status == 503)
        #expect(test.copy("alice") == nil)
        #expect(test.copy("bob") == nil)
        #expect(test.inbox("bob").isEmpty)
        #expect(test.store.changeLogCount(of: test.calendarID("bob")) == 0)
        #expect(test.store.changeLogCount(of: test.calendarID("alice")) == 0)
    }

    @Test func aFailedDeleteKeepsEveryCopy() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", invitationWithOutsider().body).status == 201)
        test.configuration.externalDelivery = FailingDelivery()
        test.server = test.makeServer()
        #expect(test.send("DELETE", "/calendars/alice/default/meeting.ics").status == 503)
        #expect(test.copy("alice") != nil)
        #expect(test.copy("bob") != nil)
        #expect(test.inbox("bob").count == 1)
    }

    @Test func inboundReplyUpdatesTheOrganizerCopy() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", invitationWithOutsider().body).status == 201)
        let reply = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Elsewhere//EN\r
            METHOD:REPLY\r
            BEGIN:VEVENT\r
            UID:meeting-1\r
            DTSTAMP:20261125T090000Z\r
            DTSTART:20270301T100000Z\r
            SEQUENCE:0\r
            ORGANIZER:mailto:alice@example.com\r
            ATTENDEE;PARTSTAT=ACCEPTED:mailto:zed@elsewhere.example\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let calendar = try ICalComponent.parse(reply)
        let status = try test.server.applyExternalMessage(calendar, from: outsider, to: "mailto:ALICE@example.com")
        #expect(status == .delivered)
        #expect(Parsed(test.copy("alice")?.data).attendee(outsider, "PARTSTAT") == "ACCEPTED")
        #expect(test.inbox("alice").count == 1)
        #expect(Parsed(test.copy("bob")?.data).attendee(outsider, "PARTSTAT") == "ACCEPTED")
        // Somebody else cannot answer for zed, and nobody outside may speak for a local user.
        #expect(throws: (any Error).self) {
            try test.server.applyExternalMessage(
                calendar, from: "mailto:mallory@elsewhere.example", to: "mailto:alice@example.com")
        }
        #expect(throws: (any Error).self) {
            try test.server.applyExternalMessage(calendar, from: bob, to: "mailto:alice@example.com")
        }
        #expect(
            try test.server.applyExternalMessage(calendar, from: outsider, to: "mailto:nobody@example.com")
                == .invalidUser)
        // A REPLY is for the organizer only.
        #expect(throws: (any Error).self) {
            try test.server.applyExternalMessage(calendar, from: outsider, to: "mailto:carol@example.com")
        }
    }

    @Test func inboundRequestCreatesACopyAndCancelRemovesIt() throws {
        let test = TestServer()
        var invitation = Invitation()
        invitation.uid = "outside-1"
        invitation.organizer = outsider
        invitation.attendees = [(outsider, "ACCEPTED"), (bob, "NEEDS-ACTION")]
        let request = try ICalComponent.parse(
            invitation.body.replacingOccurrences(of: "VERSION:2.0\r\n", with: "VERSION:2.0\r\nMETHOD:REQUEST\r\n"))
        #expect(try test.server.applyExternalMessage(request, from: outsider, to: "principals/bob") == .delivered)
        let copy = try #require(test.copy("bob", uid: "outside-1"))
        #expect(Parsed(copy.data).method == nil)
        // bob accepts: the REPLY goes out through the external delivery (3.7 without one).
        test.put("bob", copy.uri, answer(copy.data!, bob, "ACCEPTED"))
        #expect(
            Parsed(test.copy("bob", uid: "outside-1")?.data).components[0].property("ORGANIZER")?[
                parameter: "SCHEDULE-STATUS"] == "3.7")
        invitation.sequence = 1
        let cancel = try ICalComponent.parse(
            invitation.body.replacingOccurrences(of: "VERSION:2.0\r\n", with: "VERSION:2.0\r\nMETHOD:CANCEL\r\n"))
        #expect(try test.server.applyExternalMessage(cancel, from: outsider, to: bob) == .delivered)
        #expect(test.copy("bob", uid: "outside-1") == nil)
        #expect(test.inbox("bob").count == 2)
    }

    @Test func anOutsiderCannotTakeOverALocalEvent() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        var forged = Invitation()
        forged.organizer = outsider
        forged.summary = "Hijacked"
        forged.sequence = 5
        let request = try ICalComponent.parse(
            forged.body.replacingOccurrences(of: "VERSION:2.0\r\n", with: "VERSION:2.0\r\nMETHOD:REQUEST\r\n"))
        _ = try test.server.applyExternalMessage(request, from: outsider, to: bob)
        #expect(Parsed(test.copy("bob")?.data).components[0][raw: "SUMMARY"] == "Planning")
    }

    @Test func defaultCalendarCanBeChosen() throws {
        let test = TestServer()
        try test.store.createCalendar(
            principalURI: "principals/bob", uri: "meetings", properties: CalendarProperties(), components: ["VEVENT"])
        let set = """
            <?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>\
            <C:schedule-default-calendar-URL><D:href>/calendars/bob/meetings/</D:href></C:schedule-default-calendar-URL>\
            </D:prop></D:set></D:propertyupdate>
            """
        #expect(test.send("PROPPATCH", "/calendars/bob/inbox/", as: "bob", body: set).status == 207)
        let read = test.send(
            "PROPFIND", "/calendars/bob/inbox/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<C:schedule-default-calendar-URL/>"))
        #expect(read.text.contains("/calendars/bob/meetings/"))
        #expect(try test.store.deadProperties(path: "calendars/bob/inbox").count == 1)
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        #expect(test.copy("bob", calendar: "meetings") != nil)
        #expect(test.copy("bob") == nil)
        // A calendar of someone else, or one without VEVENT, is refused.
        try test.store.createCalendar(
            principalURI: "principals/bob", uri: "tasks", properties: CalendarProperties(), components: ["VTODO"])
        for href in ["/calendars/alice/default/", "/calendars/bob/tasks/", "/calendars/bob/nothing/"] {
            let bad = set.replacingOccurrences(of: "/calendars/bob/meetings/", with: href)
            let response = test.send("PROPPATCH", "/calendars/bob/inbox/", as: "bob", body: bad)
            #expect(response.status == 207)
            #expect(response.text.contains("403"))
        }
        #expect(test.send("PROPPATCH", "/calendars/bob/inbox/", as: "alice", body: set).status == 403)
    }

    @Test func principalAndInboxProperties() {
        let test = TestServer()
        let principal = test.send(
            "PROPFIND", "/principals/bob/", as: "alice", headers: ["Depth": "0"],
            body: propfind(
                "<C:schedule-inbox-URL/><C:schedule-outbox-URL/><C:calendar-user-address-set/><C:calendar-user-type/>"))
        #expect(principal.text.contains("/calendars/bob/inbox/"))
        #expect(principal.text.contains("/calendars/bob/outbox/"))
        #expect(principal.text.contains("mailto:bob@example.com"))
        #expect(principal.text.contains("INDIVIDUAL"))
        let calendar = test.send(
            "PROPFIND", "/calendars/bob/default/", as: "bob", headers: ["Depth": "0"],
            body: propfind("<C:schedule-calendar-transp/>"))
        #expect(calendar.text.contains("opaque"))
    }

    @Test func inboxItemsAreTheOwnersAlone() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        let item = try #require(test.inbox("bob").first)
        #expect(test.send("GET", "/calendars/bob/inbox/\(item.uri)", as: "bob").status == 200)
        #expect(test.send("GET", "/calendars/bob/inbox/\(item.uri)", as: "carol").status == 403)
        let listing = test.send(
            "PROPFIND", "/calendars/bob/inbox/", as: "carol", headers: ["Depth": "1"], body: propfind("<D:getetag/>"))
        #expect(listing.status == 403)
        #expect(test.send("DELETE", "/calendars/bob/inbox/\(item.uri)", as: "carol").status == 403)
        #expect(test.send("DELETE", "/calendars/bob/inbox/\(item.uri)", as: "bob").status == 204)
        #expect(test.inbox("bob").isEmpty)
    }
}
