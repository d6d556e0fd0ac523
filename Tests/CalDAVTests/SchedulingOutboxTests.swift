import ICalendar
import ITIP
import Storage
import Testing

@testable import CalDAV

@Suite struct SchedulingOutboxTests {
    func freeBusyRequest(from organizer: String = "alice", attendees: [String]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "METHOD:REQUEST", "BEGIN:VFREEBUSY",
            "UID:fb-1", "DTSTAMP:20261125T080000Z", "DTSTART:20270301T000000Z", "DTEND:20270302T000000Z",
            "ORGANIZER:mailto:\(organizer)@example.com",
        ]
        lines += attendees.map { "ATTENDEE:\($0)" }
        lines += ["END:VFREEBUSY", "END:VCALENDAR"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func post(_ test: TestServer, _ body: String, as user: String = "alice", outbox: String = "alice") -> DAVResponse {
        test.send(
            "POST", "/calendars/\(outbox)/outbox/", as: user, headers: ["Content-Type": "text/calendar"], body: body)
    }

    @Test func freeBusyForOtherUsersCountsOnlyOpaqueBusyTime() throws {
        let test = TestServer()
        test.put("bob", "busy.ics", event(uid: "b1", start: "20270301T090000Z", end: "20270301T100000Z"))
        let transparent = event(uid: "b2", start: "20270301T120000Z", end: "20270301T130000Z")
            .replacingOccurrences(of: "SUMMARY:", with: "TRANSP:TRANSPARENT\r\nSUMMARY:")
        test.put("bob", "free.ics", transparent)
        let cancelled = event(uid: "b3", start: "20270301T140000Z", end: "20270301T150000Z")
            .replacingOccurrences(of: "SUMMARY:", with: "STATUS:CANCELLED\r\nSUMMARY:")
        test.put("bob", "cancelled.ics", cancelled)
        let tentative = event(uid: "b4", start: "20270301T160000Z", end: "20270301T170000Z")
            .replacingOccurrences(of: "SUMMARY:", with: "STATUS:TENTATIVE\r\nSUMMARY:")
        test.put("bob", "tentative.ics", tentative)
        try test.store.createCalendar(
            principalURI: "principals/bob", uri: "holidays", properties: CalendarProperties(transparent: true),
            components: ["VEVENT"])
        test.put(
            "bob", "h.ics", event(uid: "b5", start: "20270301T180000Z", end: "20270301T190000Z"), calendar: "holidays")

        let response = post(
            test,
            freeBusyRequest(attendees: [
                "mailto:bob@example.com", "mailto:carol@example.com", "mailto:nobody@example.com",
            ]))
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("application/xml") == true)
        let text = response.text
        #expect(text.contains("schedule-response"))
        #expect(text.contains("mailto:bob@example.com"))
        #expect(text.contains("FREEBUSY:20270301T090000Z/20270301T100000Z"))
        #expect(text.contains("FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270301T160000Z/20270301T170000Z"))
        #expect(!text.contains("20270301T120000Z/"))
        #expect(!text.contains("20270301T140000Z/"))
        #expect(!text.contains("20270301T180000Z/"))
        #expect(text.components(separatedBy: "2.0;Success").count == 3)  // bob and carol
        #expect(text.contains("3.7;Invalid calendar user"))
        #expect(text.contains("METHOD:REPLY"))
    }

    @Test func freeBusyNeedsScheduleSendOnTheOutbox() {
        let test = TestServer()
        #expect(post(test, freeBusyRequest(attendees: ["mailto:carol@example.com"]), as: "bob").status == 403)
        // The ORGANIZER must be the outbox owner.
        let spoofed = post(test, freeBusyRequest(from: "carol", attendees: ["mailto:bob@example.com"]))
        #expect(spoofed.status == 403)
        #expect(spoofed.text.contains("valid-organizer"))
    }

    @Test func postElsewhereIsNotAllowed() {
        let test = TestServer()
        #expect(test.send("POST", "/principals/alice/", body: "x").status == 405)
    }

    @Test func explicitRequestAndReplyThroughTheOutbox() throws {
        let test = TestServer()
        var invitation = Invitation()
        invitation.attendees = [
            ("mailto:bob@example.com", "NEEDS-ACTION"), ("mailto:zed@elsewhere.example", "NEEDS-ACTION"),
        ]
        let request = invitation.body.replacingOccurrences(
            of: "VERSION:2.0\r\n", with: "VERSION:2.0\r\nMETHOD:REQUEST\r\n")
        let response = post(test, request)
        #expect(response.status == 200)
        #expect(response.text.contains("1.2;Delivered"))
        #expect(response.text.contains("3.7;Invalid calendar user"))
        #expect(test.inbox("bob").count == 1)
        #expect(test.copy("bob") != nil)
        // A REPLY must come from the one replying attendee.
        let reply = request.replacingOccurrences(of: "METHOD:REQUEST", with: "METHOD:REPLY")
        #expect(post(test, reply).status == 403)
    }
}

@Suite struct ScheduleTagTests {
    let bob = "mailto:bob@example.com"

    @Test func staleScheduleTagIsRefused() {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        let response = test.put(
            "alice", "meeting.ics", Invitation().body, headers: ["If-Schedule-Tag-Match": "\"nope\""])
        #expect(response.status == 412)
        let delete = test.send(
            "DELETE", "/calendars/alice/default/meeting.ics", headers: ["If-Schedule-Tag-Match": "\"nope\""])
        #expect(delete.status == 412)
        #expect(test.copy("alice") != nil)
    }

    @Test func organizerWriteWithMatchingTagKeepsAReplyItHasNotSeen() throws {
        let test = TestServer()
        let created = test.put("alice", "meeting.ics", Invitation().body)
        let tag = try #require(created.header("Schedule-Tag"))
        let copy = try #require(test.copy("bob"))
        #expect(test.put("bob", copy.uri, answer(copy.data!, bob, "ACCEPTED")).status == 204)
        // The organizer's client still has the invitation as it sent it, and edits the summary.
        var stale = Invitation()
        stale.summary = "Planning (agenda attached)"
        let response = test.put("alice", "meeting.ics", stale.body, headers: ["If-Schedule-Tag-Match": tag])
        #expect(response.status == 204)
        let stored = Parsed(test.copy("alice")?.data)
        #expect(stored.components[0][raw: "SUMMARY"] == "Planning (agenda attached)")
        #expect(stored.attendee(bob, "PARTSTAT") == "ACCEPTED")
        #expect(Parsed(test.copy("bob")?.data).components[0][raw: "SUMMARY"] == "Planning (agenda attached)")
        #expect(Parsed(test.copy("bob")?.data).attendee(bob, "PARTSTAT") == "ACCEPTED")
    }

    @Test func aMergedReplyIsSeenAsAnInconsequentialChange() throws {
        let test = TestServer()
        let created = test.put("alice", "meeting.ics", Invitation().body)
        let tag = try #require(created.header("Schedule-Tag"))
        let request = DAVRequest(method: "PUT", uri: "/", headers: ["If-Schedule-Tag-Match": tag])
        #expect(try ScheduleTag.check(request, existing: test.copy("alice")) == .matched)
        let copy = try #require(test.copy("bob"))
        test.put("bob", copy.uri, answer(copy.data!, bob, "ACCEPTED"))
        #expect(try ScheduleTag.check(request, existing: test.copy("alice")) == .matchedChanged)
        // Even without the tag, a stale organizer write does not undo an answer (ITIP keeps server-scheduled answers).
        var stale = Invitation()
        stale.summary = "Planning (agenda attached)"
        #expect(test.put("alice", "meeting.ics", stale.body).status == 204)
        #expect(Parsed(test.copy("alice")?.data).attendee(bob, "PARTSTAT") == "ACCEPTED")
    }

    @Test func sabreRowsGetATagFromTheirETag() throws {
        let test = TestServer()
        let body = Invitation().body
        let bytes = Array(body.utf8)
        try test.store.putObject(
            ObjectWrite(
                uri: "old.ics", data: body, etag: MD5.hex(bytes), size: bytes.count, lastModified: 0,
                index: ObjectIndex(uid: "meeting-1", componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil)
            ),
            in: test.calendarID("alice"))
        let get = test.send("GET", "/calendars/alice/default/old.ics")
        #expect(get.header("Schedule-Tag") == "\"\(MD5.hex(bytes))\"")
        let plain = test.put("alice", "plain.ics", event(uid: "p"))
        #expect(plain.header("Schedule-Tag") == nil)
        #expect(test.send("GET", "/calendars/alice/default/plain.ics").header("Schedule-Tag") == nil)
    }
}

@Suite struct AttendeeScheduleTagTests {
    @Test func anAnswerKeepsTheAttendeeCopysTagAndAnOrganizerUpdateChangesIt() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        let copy = try #require(test.copy("bob"))
        let tag = try #require(copy.scheduleTag)
        let response = test.put(
            "bob", copy.uri, answer(copy.data!, "mailto:bob@example.com", "ACCEPTED"),
            headers: ["If-Schedule-Tag-Match": "\"\(tag)\""])
        #expect(response.status == 204)
        #expect(response.header("Schedule-Tag") == "\"\(tag)\"")
        #expect(test.copy("bob")?.scheduleTag == tag)
        var update = Invitation()
        update.summary = "Planning, new room"
        #expect(test.put("alice", "meeting.ics", update.body).status == 204)
        #expect(test.copy("bob")?.scheduleTag != tag)
        let stale = test.put(
            "bob", copy.uri, answer(copy.data!, "mailto:bob@example.com", "DECLINED"),
            headers: ["If-Schedule-Tag-Match": "\"\(tag)\""])
        #expect(stale.status == 412)
    }
}
