import ICalendar
import Storage
import Testing

@testable import CalDAV

@Suite struct SchedulingTests {
    let bob = "mailto:bob@example.com"
    let carol = "mailto:carol@example.com"

    /// alice invites bob and carol (and an outsider when asked).
    func invited(_ invitation: Invitation = Invitation()) -> TestServer {
        let test = TestServer()
        let response = test.put("alice", "meeting.ics", invitation.body)
        #expect(response.status == 201)
        return test
    }

    @Test func inviteDeliversInboxItemsCopiesAndStatus() throws {
        var invitation = Invitation()
        invitation.attendees.append(("mailto:dave@elsewhere.example", "NEEDS-ACTION"))
        let test = TestServer()
        let response = test.put("alice", "meeting.ics", invitation.body)
        #expect(response.status == 201)
        #expect(response.header("ETag") == nil)  // SCHEDULE-STATUS was written in
        let tag = try #require(response.header("Schedule-Tag"))
        for user in ["bob", "carol"] {
            let items = test.inbox(user)
            #expect(items.count == 1)
            #expect(Parsed(items[0].data).method == "REQUEST")
            let copy = try #require(test.copy(user))
            #expect(copy.uri == items[0].uri)  // sabre's rule: the copy takes the inbox item's name
            #expect(copy.scheduleTag != nil)
        }
        let organizer = Parsed(test.copy("alice")?.data)
        #expect(organizer.attendee(bob, "SCHEDULE-STATUS") == "1.2")
        #expect(organizer.attendee(carol, "SCHEDULE-STATUS") == "1.2")
        #expect(organizer.attendee("mailto:dave@elsewhere.example", "SCHEDULE-STATUS") == "3.7")
        let get = test.send("GET", "/calendars/alice/default/meeting.ics")
        #expect(get.header("Schedule-Tag") == tag)
        #expect(test.inbox("alice").isEmpty)
    }

    @Test func acceptReachesOrganizerAndRefreshesOthers() throws {
        let test = invited()
        let tagBefore = test.copy("alice")?.scheduleTag
        let copy = try #require(test.copy("bob"))
        let response = test.put("bob", copy.uri, answer(copy.data!, bob, "ACCEPTED"))
        #expect(response.status == 204)
        let replies = test.inbox("alice")
        #expect(replies.count == 1)
        #expect(Parsed(replies[0].data).method == "REPLY")
        let organizer = Parsed(test.copy("alice")?.data)
        #expect(organizer.attendee(bob, "PARTSTAT") == "ACCEPTED")
        #expect(test.copy("alice")?.scheduleTag == tagBefore)  // a merged reply keeps the tag (RFC 6638 §3.3)
        #expect(
            Parsed(test.copy("bob")?.data).components[0].property("ORGANIZER")?[parameter: "SCHEDULE-STATUS"] == "1.2")
        #expect(Parsed(test.copy("carol")?.data).attendee(bob, "PARTSTAT") == "ACCEPTED")
    }

    @Test func declineReachesOrganizer() throws {
        let test = invited()
        let copy = try #require(test.copy("carol"))
        #expect(test.put("carol", copy.uri, answer(copy.data!, carol, "DECLINED")).status == 204)
        #expect(Parsed(test.copy("alice")?.data).attendee(carol, "PARTSTAT") == "DECLINED")
        #expect(Parsed(test.copy("bob")?.data).attendee(carol, "PARTSTAT") == "DECLINED")
    }

    @Test func tentativeForOneInstanceAddsAnOverrideAtTheOrganizer() throws {
        var invitation = Invitation()
        invitation.rrule = "FREQ=WEEKLY;COUNT=4"
        let test = invited(invitation)
        let copy = try #require(test.copy("bob"))
        var calendar = try ICalComponent.parse(copy.data!)
        var instance = calendar.components.first { $0.name == "VEVENT" }!
        instance.removeProperties(named: "RRULE")
        instance.setProperty(ICalProperty("DTSTART", rawValue: "20270308T100000Z"))
        instance.setProperty(ICalProperty("DTEND", rawValue: "20270308T110000Z"))
        instance.addProperty(ICalProperty("RECURRENCE-ID", rawValue: "20270308T100000Z"))
        calendar.components.append(instance)
        let body = answer(calendar.serialized(), bob, "TENTATIVE")
        // Only the override is tentative: restore the master's answer.
        var answered = try ICalComponent.parse(body)
        for p in answered.components[0].properties.indices where answered.components[0].properties[p].rawValue == bob {
            answered.components[0].properties[p][parameter: "PARTSTAT"] = "NEEDS-ACTION"
        }
        #expect(test.put("bob", copy.uri, answered.serialized()).status == 204)
        let organizer = Parsed(test.copy("alice")?.data)
        #expect(organizer.components.count == 2)
        #expect(organizer.attendee(bob, "PARTSTAT", in: 0) == "NEEDS-ACTION")
        #expect(organizer.attendee(bob, "PARTSTAT", in: 1) == "TENTATIVE")
        #expect(organizer.components[1][raw: "RECURRENCE-ID"] == "20270308T100000Z")
    }

    @Test func rescheduleUpdatesCopiesAndResetsAnswers() throws {
        let test = invited()
        let copy = try #require(test.copy("bob"))
        test.put("bob", copy.uri, answer(copy.data!, bob, "ACCEPTED"))
        let stored = try #require(test.copy("alice")?.data)
        var moved = stored.replacingOccurrences(of: "20270301T100000Z", with: "20270302T100000Z")
        moved = moved.replacingOccurrences(of: "20270301T110000Z", with: "20270302T110000Z")
        let tagBefore = test.copy("alice")?.scheduleTag
        let response = test.put("alice", "meeting.ics", moved)
        #expect(response.status == 204)
        #expect(test.copy("alice")?.scheduleTag != tagBefore)
        let bobCopy = Parsed(test.copy("bob")?.data)
        #expect(bobCopy.components[0][raw: "DTSTART"] == "20270302T100000Z")
        #expect(bobCopy.attendee(bob, "PARTSTAT") == "NEEDS-ACTION")
        #expect(test.inbox("bob").count == 2)
        #expect(Parsed(test.copy("carol")?.data).components[0][raw: "DTSTART"] == "20270302T100000Z")
    }

    @Test func removingAnAttendeeCancelsForThem() throws {
        let test = invited()
        var invitation = Invitation()
        invitation.attendees.removeAll { $0.address == carol }
        invitation.sequence = 1
        #expect(test.put("alice", "meeting.ics", invitation.body).status == 204)
        #expect(test.copy("carol") == nil)
        #expect(test.inbox("carol").map { Parsed($0.data).method } == ["REQUEST", "CANCEL"])
        #expect(test.copy("bob") != nil)
    }

    @Test func organizerDeleteCancelsEverybody() throws {
        let test = invited()
        #expect(test.send("DELETE", "/calendars/alice/default/meeting.ics").status == 204)
        for user in ["bob", "carol"] {
            #expect(test.copy(user) == nil)
            #expect(test.inbox(user).last.map { Parsed($0.data).method } == "CANCEL")
        }
    }

    @Test func attendeeDeletingTheCopyDeclines() throws {
        var invitation = Invitation()
        invitation.rrule = "FREQ=DAILY;COUNT=3"
        // An overridden instance: sabre wrote PARTSTAT= and a duplicate instance here.
        invitation.overrides = [
            "BEGIN:VEVENT", "UID:meeting-1", "DTSTAMP:20261125T080000Z", "RECURRENCE-ID:20270302T100000Z",
            "SUMMARY:Planning (moved)", "DTSTART:20270302T120000Z", "DTEND:20270302T130000Z", "SEQUENCE:0",
            "ORGANIZER:mailto:alice@example.com", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com",
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:carol@example.com", "END:VEVENT",
        ]
        let test = invited(invitation)
        let copy = try #require(test.copy("bob"))
        #expect(test.send("DELETE", "/calendars/bob/default/\(copy.uri)", as: "bob").status == 204)
        #expect(test.copy("bob") == nil)
        let stored = try #require(test.copy("alice")?.data)
        #expect(!stored.contains("PARTSTAT=;") && !stored.contains("PARTSTAT=:"))
        let organizer = Parsed(stored)
        #expect(organizer.components.count == 2)
        #expect(organizer.attendee(bob, "PARTSTAT", in: 0) == "DECLINED")
        #expect(organizer.attendee(bob, "PARTSTAT", in: 1) == "DECLINED")
        #expect(Parsed(test.inbox("alice").last?.data).method == "REPLY")
    }

    @Test func scheduleReplyFalseSuppressesTheReply() throws {
        let test = invited()
        let copy = try #require(test.copy("bob"))
        let response = test.send(
            "DELETE", "/calendars/bob/default/\(copy.uri)", as: "bob", headers: ["Schedule-Reply": "F"])
        #expect(response.status == 204)
        #expect(test.inbox("alice").isEmpty)
        #expect(Parsed(test.copy("alice")?.data).attendee(bob, "PARTSTAT") == "NEEDS-ACTION")
    }

    @Test func todoAssignmentAndCompletion() throws {
        var task = Invitation()
        task.component = "VTODO"
        task.uid = "task-1"
        task.attendees = [("mailto:bob@example.com", "NEEDS-ACTION")]
        let test = TestServer()
        #expect(test.put("alice", "task.ics", task.body).status == 201)
        let copy = try #require(test.copy("bob", uid: "task-1"))
        #expect(Parsed(copy.data).components[0].name == "VTODO")
        var done = answer(copy.data!, bob, "COMPLETED")
        done = done.replacingOccurrences(of: "SEQUENCE:0\r\n", with: "SEQUENCE:0\r\nSTATUS:COMPLETED\r\n")
        #expect(test.put("bob", copy.uri, done).status == 204)
        #expect(Parsed(test.copy("alice", uid: "task-1")?.data).attendee(bob, "PARTSTAT") == "COMPLETED")
    }

    @Test func spoofedOrganizerIsRefused() {
        let test = TestServer()
        var invitation = Invitation()
        invitation.attendees = [("mailto:carol@example.com", "NEEDS-ACTION")]
        let response = test.put("bob", "fake.ics", invitation.body)
        #expect(response.status == 403)
        #expect(response.text.contains("valid-organizer"))
        #expect(test.inbox("carol").isEmpty)
    }

    @Test func attendeeMayNotChangeTheEvent() throws {
        let test = invited()
        let copy = try #require(test.copy("bob"))
        let changed = copy.data!.replacingOccurrences(of: "SUMMARY:Planning", with: "SUMMARY:Mine now")
        let response = test.put("bob", copy.uri, changed)
        #expect(response.status == 403)
        #expect(response.text.contains("allowed-attendee-scheduling-object-change"))
    }

    @Test func uidInAnotherCalendarIsRefused() throws {
        let test = invited()
        try test.store.createCalendar(
            principalURI: "principals/alice", uri: "work", properties: CalendarProperties(), components: ["VEVENT"])
        let response = test.put("alice", "again.ics", Invitation().body, calendar: "work")
        #expect(response.status == 403)
        #expect(response.text.contains("unique-scheduling-object-resource"))
    }

    @Test func moveDoesNotResend() throws {
        let test = invited()
        try test.store.createCalendar(
            principalURI: "principals/alice", uri: "work", properties: CalendarProperties(), components: ["VEVENT"])
        let tag = test.copy("alice")?.scheduleTag
        let response = test.send(
            "MOVE", "/calendars/alice/default/meeting.ics",
            headers: ["Destination": "/calendars/alice/work/meeting.ics"])
        #expect(response.status == 201)
        #expect(response.header("Schedule-Tag") == tag.map { "\"\($0)\"" })
        #expect(test.inbox("bob").count == 1)
        #expect(test.copy("alice", calendar: "work")?.scheduleTag == tag)
    }

    @Test func tooManyAttendeesAreRefused() {
        let test = TestServer()
        test.configuration.maxAttendeesPerInstance = 2
        let response = test.put("alice", "meeting.ics", Invitation().body)
        #expect(response.status == 403)
        #expect(response.text.contains("max-attendees-per-instance"))
    }

    @Test func writeProxyActsAsTheOwner() throws {
        let test = TestServer()
        let group = try #require(try test.store.principal(uri: "principals/alice/calendar-proxy-write"))
        let carolRecord = try #require(try test.store.principal(uri: "principals/carol"))
        try test.store.setMembers(of: group.id, to: [carolRecord.id])
        var invitation = Invitation()
        invitation.attendees = [("mailto:bob@example.com", "NEEDS-ACTION")]
        #expect(test.put("alice", "meeting.ics", invitation.body, as: "carol").status == 201)
        #expect(test.inbox("bob").count == 1)
        #expect(Parsed(test.copy("alice")?.data).attendee(bob, "SCHEDULE-STATUS") == "1.2")
    }
}

@Suite struct SchedulingAddressTests {
    @Test func principalURLsWorkAsAddresses() throws {
        let test = TestServer()
        var invitation = Invitation()
        invitation.organizer = "/principals/alice/"
        invitation.attendees = [("/principals/alice/", "ACCEPTED"), ("/principals/bob/", "NEEDS-ACTION")]
        #expect(test.put("alice", "meeting.ics", invitation.body).status == 201)
        #expect(test.inbox("bob").count == 1)
        #expect(Parsed(test.copy("alice")?.data).attendee("/principals/bob/", "SCHEDULE-STATUS") == "1.2")
    }

    @Test func copyOfASchedulingObjectIsRefused() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        try test.store.createCalendar(
            principalURI: "principals/alice", uri: "work", properties: CalendarProperties(), components: ["VEVENT"])
        let response = test.send(
            "COPY", "/calendars/alice/default/meeting.ics", headers: ["Destination": "/calendars/alice/work/x.ics"])
        #expect(response.status == 403)
        #expect(response.text.contains("unique-scheduling-object-resource"))
    }
}

@Suite struct SchedulingPreconditionTests {
    @Test func organizerMustBeTheSameInAllComponents() {
        let test = TestServer()
        var invitation = Invitation()
        invitation.rrule = "FREQ=DAILY;COUNT=2"
        invitation.overrides = [
            "BEGIN:VEVENT", "UID:meeting-1", "DTSTAMP:20261125T080000Z", "RECURRENCE-ID:20270302T100000Z",
            "DTSTART:20270302T120000Z", "DTEND:20270302T130000Z", "ORGANIZER:mailto:carol@example.com",
            "ATTENDEE:mailto:bob@example.com", "END:VEVENT",
        ]
        let response = test.put("alice", "meeting.ics", invitation.body)
        #expect(response.status == 403)
        #expect(response.text.contains("same-organizer-in-all-components"))
    }

    @Test func theOrganizerCannotBeHandedOver() {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        var changed = Invitation()
        changed.organizer = "mailto:someone@elsewhere.example"
        let response = test.put("alice", "meeting.ics", changed.body)
        #expect(response.status == 403)
        #expect(response.text.contains("allowed-organizer-scheduling-object-change"))
        #expect(test.inbox("bob").count == 1)
    }

    @Test func scheduleTagIsAPropertyOfSchedulingObjects() throws {
        let test = TestServer()
        let created = test.put("alice", "meeting.ics", Invitation().body)
        let tag = try #require(created.header("Schedule-Tag"))
        let response = test.send(
            "PROPFIND", "/calendars/alice/default/meeting.ics", headers: ["Depth": "0"],
            body: propfind("<C:schedule-tag/>"))
        #expect(
            response.text.contains("schedule-tag>\(tag.replacingOccurrences(of: "\"", with: "&quot;"))<")
                || response.text.contains("schedule-tag>\(tag)<"))
    }
}

@Suite struct SchedulingReplacementTests {
    @Test func replacingAMeetingByAnotherUIDCancelsTheOldOne() throws {
        let test = TestServer()
        #expect(test.put("alice", "meeting.ics", Invitation().body).status == 201)
        var other = Invitation()
        other.uid = "meeting-2"
        #expect(test.put("alice", "meeting.ics", other.body).status == 204)
        #expect(test.copy("bob") == nil)
        #expect(test.copy("bob", uid: "meeting-2") != nil)
        #expect(test.inbox("bob").map { Parsed($0.data).method } == ["REQUEST", "CANCEL", "REQUEST"])
    }
}

@Suite struct SchedulingInstanceTests {
    @Test func cancellingOneInstanceRemovesItFromTheCopies() throws {
        let test = TestServer()
        var series = Invitation()
        series.rrule = "FREQ=DAILY;COUNT=3"
        #expect(test.put("alice", "meeting.ics", series.body).status == 201)
        series.extra = ["EXDATE:20270302T100000Z"]
        #expect(test.put("alice", "meeting.ics", series.body).status == 204)
        let cancel = try #require(test.inbox("bob").last)
        #expect(Parsed(cancel.data).method == "CANCEL")
        #expect(Parsed(cancel.data).components.first?[raw: "RECURRENCE-ID"] == "20270302T100000Z")
        let copy = Parsed(test.copy("bob")?.data)
        #expect(copy.components[0].properties(named: "EXDATE").map(\.rawValue).contains("20270302T100000Z"))
    }
}
