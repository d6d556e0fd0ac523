import ICalendar
import Testing
@testable import ITIP

/// Whole flows through the pure engine, the way the server will chain it:
/// organizer write → deliveries applied to attendee copies → attendee write → reply applied.
@Suite struct SchedulingFlowTests {
    let frank = CalendarUser(addresses: ["mailto:frank@example.net", "/principals/frank/"])
    let grace = CalendarUser(addresses: ["mailto:grace@example.net"])
    let heidi = CalendarUser(addresses: ["mailto:heidi@example.net"])
    let now: Int64 = 1_795_000_000

    func event(_ calendar: ICalComponent?) -> ICalComponent? { calendar?.components(named: "VEVENT").first }

    @Test func inviteAnswerAndRefreshRoundTrip() throws {
        let created = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        let plan = try ITIPEngine.plan(old: nil, new: created, actingUser: frank, now: now)
        #expect(plan.role == .organizer("mailto:frank@example.net"))
        #expect(plan.messages.map(\.recipient) == ["mailto:grace@example.net", "mailto:heidi@example.net", "mailto:zed@example.com"])
        var organizerCopy = try #require(plan.object)
        organizerCopy = ITIPEngine.withScheduleStatus(
            ["mailto:grace@example.net": .delivered, "mailto:heidi@example.net": .delivered, "mailto:zed@example.com": .sent],
            on: organizerCopy)

        // Deliver to grace and heidi.
        let toGrace = try #require(plan.messages.first { $0.recipient == "mailto:grace@example.net" })
        let graceCopy = try #require(try ITIPEngine.apply(request: toGrace.calendar, to: nil, recipient: grace).object)
        #expect(graceCopy[raw: "METHOD"] == nil)
        let toHeidi = try #require(plan.messages.first { $0.recipient == "mailto:heidi@example.net" })
        let heidiCopy = try #require(try ITIPEngine.apply(request: toHeidi.calendar, to: nil, recipient: heidi).object)

        // Grace answers TENTATIVE.
        var answered = graceCopy
        answered.components = answered.components.map { component in
            var c = component
            if c.name == "VEVENT" {
                c.updateAttendee(CalendarAddress("mailto:grace@example.net")) { $0[parameter: "PARTSTAT"] = "TENTATIVE" }
            }
            return c
        }
        let graceWrite = try ITIPEngine.plan(old: graceCopy, new: answered, actingUser: grace, now: now)
        #expect(graceWrite.role == .attendee("mailto:grace@example.net"))
        let reply = try #require(graceWrite.messages.first)
        #expect(graceWrite.messages.count == 1)
        #expect(reply.method == .reply && reply.recipient == "mailto:frank@example.net")
        #expect(event(reply.calendar)?.properties(named: "ATTENDEE").count == 1)

        // Frank's copy takes the answer; heidi and zed get refreshes; the Schedule-Tag stays.
        let merged = try ITIPEngine.apply(reply: reply.calendar, to: organizerCopy, organizer: frank, now: now)
        #expect(!merged.changesScheduleTag)
        let graceLine = event(merged.object)?.attendee(CalendarAddress("mailto:grace@example.net"))
        #expect(graceLine?[parameter: "PARTSTAT"] == "TENTATIVE")
        #expect(graceLine?[parameter: "SCHEDULE-STATUS"] == "2.0")
        #expect(Set(merged.messages.map(\.recipient)) == ["mailto:heidi@example.net", "mailto:zed@example.com"])
        #expect(merged.messages.allSatisfy { $0.change == .refresh && !$0.isSignificant })

        // The refresh updates heidi's view of grace, not heidi's tag.
        let refresh = try #require(merged.messages.first { $0.recipient == "mailto:heidi@example.net" })
        let refreshed = try ITIPEngine.apply(request: refresh.calendar, to: heidiCopy, recipient: heidi)
        #expect(!refreshed.changesScheduleTag)
        #expect(event(refreshed.object)?.attendee(CalendarAddress("mailto:grace@example.net"))?[parameter: "PARTSTAT"] == "TENTATIVE")

        // Frank's client writes again without having seen the merge: If-Schedule-Tag-Match merge keeps grace's answer.
        var frankEdit = organizerCopy
        frankEdit.components = frankEdit.components.map { component in
            var c = component
            if c.name == "VEVENT" { c.setProperty(ICalProperty("DESCRIPTION", rawValue: "New agenda")) }
            return c
        }
        let mergedEdit = ITIPEngine.mergeInconsequentialChanges(client: frankEdit, stored: merged.object!, actingUser: frank)
        #expect(event(mergedEdit)?[raw: "DESCRIPTION"] == "New agenda")
        #expect(event(mergedEdit)?.attendee(CalendarAddress("mailto:grace@example.net"))?[parameter: "PARTSTAT"] == "TENTATIVE")
    }

    /// RFC 6638 §3.2.10, §3.3: the organizer's writes and a first attendee copy move the
    /// Schedule-Tag; the attendee answering on its existing copy does not.
    @Test func scheduleTagMovesWithTheOrganizerOnly() throws {
        let created = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        let invite = try ITIPEngine.plan(old: nil, new: created, actingUser: frank, now: now)
        #expect(invite.changesScheduleTag)
        let toGrace = try #require(invite.messages.first { $0.recipient == "mailto:grace@example.net" })
        let delivered = try #require(try ITIPEngine.apply(request: toGrace.calendar, to: nil, recipient: grace).object)

        // Grace's client stores the copy it fetched: a first attendee copy gets a tag.
        let first = try ITIPEngine.plan(old: nil, new: delivered, actingUser: grace, now: now)
        #expect(first.role == .attendee("mailto:grace@example.net"))
        #expect(first.changesScheduleTag)

        var answered = delivered
        answered.components = answered.components.map { component in
            var c = component
            if c.name == "VEVENT" {
                c.updateAttendee(CalendarAddress("mailto:grace@example.net")) { $0[parameter: "PARTSTAT"] = "ACCEPTED" }
            }
            return c
        }
        let answer = try ITIPEngine.plan(old: delivered, new: answered, actingUser: grace, now: now)
        #expect(answer.messages.count == 1)
        #expect(!answer.changesScheduleTag)
        let deleted = try ITIPEngine.plan(old: answered, new: nil, actingUser: grace, now: now)
        #expect(!deleted.changesScheduleTag)

        var moved = try #require(invite.object)
        moved.components = moved.components.map { component in
            var c = component
            if c.name == "VEVENT" { c.setProperty(ICalProperty("SUMMARY", rawValue: "Moved agenda")) }
            return c
        }
        let update = try ITIPEngine.plan(old: invite.object, new: moved, actingUser: frank, now: now)
        #expect(update.changesScheduleTag)
    }

    /// The sabre fault: an attendee deleting a series with an overridden instance must
    /// leave the organizer's copy with the same components, each with a real PARTSTAT.
    @Test func attendeeDeletingASeriesDeclinesEveryComponentOnce() throws {
        let bob = CalendarUser(addresses: ["mailto:bob@example.org"])
        let alice = CalendarUser(addresses: ["mailto:alice@example.org"])
        let bobCopy = try Fixture.calendar("Scenarios/rec-attendee-deletes-series/old.ics")
        let plan = try ITIPEngine.plan(old: bobCopy, new: nil, actingUser: bob, now: now)
        let reply = try #require(plan.messages.first)
        #expect(plan.messages.count == 1)
        let organizerCopy = try Fixture.calendar("Scenarios/rec-apply-series-decline/old.ics")
        let result = try ITIPEngine.apply(reply: reply.calendar, to: organizerCopy, organizer: alice, now: now)
        let events = try #require(result.object).components(named: "VEVENT")
        #expect(events.count == organizerCopy.components(named: "VEVENT").count)
        let recurrenceIDs = events.compactMap { $0[raw: "RECURRENCE-ID"] }
        #expect(recurrenceIDs.count == Set(recurrenceIDs).count)
        for event in events {
            for attendee in event.properties(named: "ATTENDEE") {
                #expect(!(attendee[parameter: "PARTSTAT"] ?? "x").isEmpty)
            }
            #expect(event.attendee(CalendarAddress("mailto:bob@example.org"))?[parameter: "PARTSTAT"] == "DECLINED")
        }
        // Applying the same reply twice changes nothing more.
        let again = try ITIPEngine.apply(reply: reply.calendar, to: result.object!, organizer: alice, now: now)
        #expect(again.object == result.object)
    }

    @Test func replyFromAStrangerIsRefused() throws {
        let organizerCopy = try Fixture.calendar("Scenarios/sabre-p08-frank-receives-reply/old.ics")
        let text = try Fixture.text("Scenarios/sabre-p08-frank-receives-reply/message.ics")
            .replacingOccurrences(of: "mailto:grace@example.net", with: "mailto:mallory@example.net")
        #expect(throws: ITIPError.replyFromNonAttendee("mailto:mallory@example.net")) {
            try ITIPEngine.apply(reply: TestICS.parse(text), to: organizerCopy, organizer: frank, now: now)
        }
    }

    @Test func rolesFollowTheCalendarOwner() throws {
        let created = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        #expect(try ITIPEngine.role(of: created, for: frank) == .organizer("mailto:frank@example.net"))
        #expect(try ITIPEngine.role(of: created, for: grace) == .attendee("mailto:grace@example.net"))
        #expect(try ITIPEngine.role(of: created, for: CalendarUser(addresses: ["mailto:x@example.net"])) == SchedulingRole.none)
        #expect(ITIPEngine.uid(of: created) == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
        #expect(ITIPEngine.method(of: try Fixture.calendar("Scenarios/sabre-p08-frank-receives-reply/message.ics")) == .reply)
    }

    @Test func plainEventsAreNotScheduled() throws {
        var plain = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        plain.components = plain.components.map { component in
            var c = component
            c.removeProperties(named: "ORGANIZER")
            c.removeProperties(named: "ATTENDEE")
            return c
        }
        let plan = try ITIPEngine.plan(old: nil, new: plain, actingUser: frank, now: now)
        #expect(plan.role == SchedulingRole.none && plan.messages.isEmpty && plan.object == plain && !plan.objectAltered)
    }

    @Test func changingTheUIDIsRefused() throws {
        let old = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        let text = try Fixture.text("Scenarios/sabre-p07-invite/new.ics").replacingOccurrences(of: "UID:adfe35a6", with: "UID:00000000")
        #expect(throws: ITIPError.uidChanged) {
            try ITIPEngine.plan(old: old, new: TestICS.parse(text), actingUser: frank, now: now)
        }
    }

    @Test func organizerWriteIsAlteredOnlyWhenTheServerChangesIt() throws {
        let created = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        #expect(try !ITIPEngine.plan(old: nil, new: created, actingUser: frank, now: now).objectAltered)
        let old = try Fixture.calendar("Scenarios/sabre-p10-reschedule/old.ics")
        let moved = try Fixture.calendar("Scenarios/sabre-p10-reschedule/new.ics")
        #expect(try ITIPEngine.plan(old: old, new: moved, actingUser: frank, now: now).objectAltered)
    }
}

@Suite struct NonSchedulingObjectTests {
    @Test func journalsAndBareCalendarsPassThrough() throws {
        let journal = try TestICS.parse(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nBEGIN:VJOURNAL\r\nUID:j1\r\nDTSTAMP:20270101T000000Z\r\n"
                + "ORGANIZER:mailto:frank@example.net\r\nSUMMARY:Notes\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n")
        let frank = CalendarUser(addresses: ["mailto:frank@example.net"])
        let plan = try ITIPEngine.plan(old: nil, new: journal, actingUser: frank, now: 0)
        #expect(plan.role == SchedulingRole.none && plan.messages.isEmpty && plan.object == journal)
        #expect(try ITIPEngine.plan(old: journal, new: nil, actingUser: frank, now: 0).messages.isEmpty)
    }
}
