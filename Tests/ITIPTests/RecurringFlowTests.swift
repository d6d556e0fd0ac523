import ICalendar
import Testing
@testable import ITIP

/// A recurring meeting from invitation to deletion, chaining every step as the server will.
@Suite struct RecurringFlowTests {
    let alice = CalendarUser(addresses: ["mailto:alice@example.org"])
    let bob = CalendarUser(addresses: ["mailto:bob@example.org"])
    let carol = CalendarUser(addresses: ["mailto:carol@example.org"])
    let bobAddress = CalendarAddress("mailto:bob@example.org")

    func events(_ calendar: ICalComponent?) -> [ICalComponent] { calendar?.components(named: "VEVENT") ?? [] }

    func message(_ messages: [ITIPMessage], to recipient: String, _ method: ITIPMethod) throws -> ITIPMessage {
        try #require(messages.first { $0.recipient == recipient && $0.method == method })
    }

    @Test func seriesFromInvitationToDeletion() throws {
        // Alice creates the plain weekly series with bob and carol.
        let text = try Fixture.text("Scenarios/organizer-summary-change/old.ics")
            .replacingOccurrences(of: "PARTSTAT=ACCEPTED:mailto:bob", with: "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob")
            .replacingOccurrences(of: "PARTSTAT=DECLINED:mailto:carol", with: "PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:carol")
        let created = try ITIPEngine.plan(old: nil, new: TestICS.parse(text), actingUser: alice, now: 1)
        var aliceCopy = try #require(created.object)
        var bobCopy = try #require(
            try ITIPEngine.apply(request: message(created.messages, to: "mailto:bob@example.org", .request).calendar, to: nil, recipient: bob).object)
        var carolCopy = try #require(
            try ITIPEngine.apply(request: message(created.messages, to: "mailto:carol@example.org", .request).calendar, to: nil, recipient: carol).object)

        // Bob accepts the series, then declines 11 Jan with an override his client derives.
        var accepted = bobCopy
        accepted.components = accepted.components.map { c in
            var c = c
            if c.name == "VEVENT" { c.updateAttendee(bobAddress) { $0[parameter: "PARTSTAT"] = "ACCEPTED"; $0[parameter: "RSVP"] = nil } }
            return c
        }
        var step = try ITIPEngine.plan(old: bobCopy, new: accepted, actingUser: bob, now: 2)
        var merged = try ITIPEngine.apply(reply: try #require(step.messages.first).calendar, to: aliceCopy, organizer: alice, now: 2)
        aliceCopy = try #require(merged.object)
        bobCopy = try #require(step.object)
        let master = try #require(events(bobCopy).first)
        let rid = try #require(ICalDateTime(parsing: "20270111T090000", tzid: "Asia/Tokyo"))
        var declined = InstanceDerivation.instance(of: master, at: rid, resolver: TimeZoneResolver(calendar: bobCopy))
        declined.updateAttendee(bobAddress) { $0[parameter: "PARTSTAT"] = "DECLINED" }
        var withOverride = bobCopy
        withOverride.components.append(declined)
        step = try ITIPEngine.plan(old: bobCopy, new: withOverride, actingUser: bob, now: 3)
        let reply = try #require(step.messages.first)
        #expect(events(reply.calendar).count == 1 && events(reply.calendar)[0][raw: "RECURRENCE-ID"] == "20270111T090000")
        bobCopy = try #require(step.object)
        merged = try ITIPEngine.apply(reply: reply.calendar, to: aliceCopy, organizer: alice, now: 3)
        aliceCopy = try #require(merged.object)
        #expect(events(aliceCopy).count == 2)
        #expect(events(aliceCopy)[0].attendee(bobAddress)?[parameter: "PARTSTAT"] == "ACCEPTED")
        #expect(events(aliceCopy)[1].attendee(bobAddress)?[parameter: "PARTSTAT"] == "DECLINED")

        // Carol's copy follows through the refresh, without a Schedule-Tag change.
        let refresh = try message(merged.messages, to: "mailto:carol@example.org", .request)
        let refreshed = try ITIPEngine.apply(request: refresh.calendar, to: carolCopy, recipient: carol)
        #expect(!refreshed.changesScheduleTag)
        carolCopy = try #require(refreshed.object)
        #expect(events(carolCopy).count == 2)

        // Alice cancels 11 Jan with an EXDATE: bob and carol get a per-instance CANCEL.
        var excluded = aliceCopy
        excluded.components = excluded.components.filter { $0.name != "VEVENT" || $0.property("RECURRENCE-ID") == nil }
        excluded.components = excluded.components.map { c in
            var c = c
            if c.name == "VEVENT" { c.addProperty(ICalProperty("EXDATE", rawValue: "20270111T090000", parameters: [ICalParameter("TZID", "Asia/Tokyo")])) }
            return c
        }
        step = try ITIPEngine.plan(old: aliceCopy, new: excluded, actingUser: alice, now: 4)
        #expect(step.messages.map(\.method) == [.cancel, .cancel])
        aliceCopy = try #require(step.object)
        let cancelled = try ITIPEngine.apply(cancel: message(step.messages, to: "mailto:bob@example.org", .cancel).calendar, to: bobCopy)
        bobCopy = try #require(cancelled.object)
        #expect(events(bobCopy).count == 1)
        #expect(events(bobCopy)[0].properties(named: "EXDATE").count == 1)

        // Alice deletes the series: both copies go.
        step = try ITIPEngine.plan(old: aliceCopy, new: nil, actingUser: alice, now: 5)
        #expect(step.messages.map(\.method) == [.cancel, .cancel])
        #expect(try ITIPEngine.apply(cancel: message(step.messages, to: "mailto:bob@example.org", .cancel).calendar, to: bobCopy).object == nil)
        #expect(try ITIPEngine.apply(cancel: message(step.messages, to: "mailto:carol@example.org", .cancel).calendar, to: carolCopy).object == nil)
    }
}
