import ICalendar
import Testing
@testable import ITIP

@Suite struct FreeBusyTests {
    /// The request sabre answered in p12 of the public fixture.
    static let request = """
        BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\n\
        METHOD:REQUEST\r\nBEGIN:VFREEBUSY\r\nUID:dbb9678a-24a9-4910-aeca-efc5bf337101\r\nDTSTAMP:20261125T082449Z\r\n\
        DTSTART:20270301T000000Z\r\nDTEND:20270310T000000Z\r\nORGANIZER;CN=Frank Foster:mailto:frank@example.net\r\n\
        ATTENDEE;CN=Frank Foster:mailto:frank@example.net\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n
        """

    static func utc(_ text: String) -> Int64 { ICalDateTime(parsing: text, tzid: nil)!.local.secondsSinceEpoch }

    @Test func readsTheRequest() throws {
        let request = try FreeBusyRequest(TestICS.parse(Self.request))
        #expect(request.uid == "dbb9678a-24a9-4910-aeca-efc5bf337101")
        #expect(request.start == Self.utc("20270301T000000Z"))
        #expect(request.end == Self.utc("20270310T000000Z"))
        #expect(request.attendees.map(\.rawValue) == ["mailto:frank@example.net"])
        try request.validateOrganizer(CalendarUser(addresses: ["mailto:frank@example.net"]))
        #expect(throws: ITIPError.invalidOrganizer) {
            try request.validateOrganizer(CalendarUser(addresses: ["mailto:grace@example.net"]))
        }
    }

    @Test func replyMatchesWhatSabreAnsweredAndMergesPerType() throws {
        let request = try FreeBusyRequest(TestICS.parse(Self.request))
        let busy = [
            BusyPeriod(start: Self.utc("20270301T013000Z"), end: Self.utc("20270301T020000Z"), type: .busy),
            BusyPeriod(start: Self.utc("20270304T060000Z"), end: Self.utc("20270304T070000Z"), type: .busy),
            BusyPeriod(start: Self.utc("20270308T000000Z"), end: Self.utc("20270309T000000Z"), type: .busy),
            BusyPeriod(start: Self.utc("20270309T000000Z"), end: Self.utc("20270311T000000Z"), type: .busy),  // clipped, merged
            BusyPeriod(start: Self.utc("20270305T100000Z"), end: Self.utc("20270305T110000Z"), type: .busyTentative),
            BusyPeriod(start: Self.utc("20270201T000000Z"), end: Self.utc("20270202T000000Z"), type: .busy),  // outside
            BusyPeriod(start: Self.utc("20270306T000000Z"), end: Self.utc("20270307T000000Z"), type: .free),
        ]
        let reply = ITIPEngine.freeBusyReply(
            to: request, attendee: request.attendees[0], busy: busy, now: Self.utc("20261125T082449Z"))
        #expect(reply[raw: "METHOD"] == "REPLY")
        let vfb = try #require(reply.components(named: "VFREEBUSY").first)
        #expect(vfb[raw: "DTSTART"] == "20270301T000000Z")
        #expect(vfb[raw: "DTEND"] == "20270310T000000Z")
        #expect(vfb[raw: "UID"] == "dbb9678a-24a9-4910-aeca-efc5bf337101")
        #expect(vfb.property("ATTENDEE")?.rawValue == "mailto:frank@example.net")
        let lines = vfb.properties(named: "FREEBUSY").map { TestICS.line($0) }
        #expect(
            lines == [
                "FREEBUSY:20270301T013000Z/20270301T020000Z",
                "FREEBUSY:20270304T060000Z/20270304T070000Z",
                "FREEBUSY:20270308T000000Z/20270310T000000Z",
                "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20270305T100000Z/20270305T110000Z",
            ])
    }

    @Test func rejectsMalformedRequests() throws {
        let noMethod = Self.request.replacingOccurrences(of: "METHOD:REQUEST\r\n", with: "")
        #expect(throws: ITIPError.self) { try FreeBusyRequest(TestICS.parse(noMethod)) }
        let backwards = Self.request.replacingOccurrences(of: "DTEND:20270310", with: "DTEND:20270201")
        #expect(throws: ITIPError.self) { try FreeBusyRequest(TestICS.parse(backwards)) }
        let noAttendee = Self.request.replacingOccurrences(of: "ATTENDEE;CN=Frank Foster:mailto:frank@example.net\r\n", with: "")
        #expect(throws: ITIPError.self) { try FreeBusyRequest(TestICS.parse(noAttendee)) }
    }
}

@Suite struct OutboxValidationTests {
    let frank = CalendarUser(addresses: ["mailto:frank@example.net"])
    let grace = CalendarUser(addresses: ["mailto:grace@example.net"])

    @Test func freeBusyRequestMustComeFromItsOrganizer() throws {
        let request = try TestICS.parse(FreeBusyTests.request)
        #expect(try ITIPEngine.validateOutboxMessage(request, sender: frank) == .request)
        #expect(throws: ITIPError.invalidOrganizer) { try ITIPEngine.validateOutboxMessage(request, sender: grace) }
    }

    @Test func replyMustComeFromItsAttendee() throws {
        let reply = try Fixture.calendar("Scenarios/sabre-p08-frank-receives-reply/message.ics")
        #expect(try ITIPEngine.validateOutboxMessage(reply, sender: grace) == .reply)
        #expect(throws: ITIPError.self) { try ITIPEngine.validateOutboxMessage(reply, sender: frank) }
    }

    @Test func requestMustComeFromItsOrganizer() throws {
        var request = try Fixture.calendar("Scenarios/sabre-p07-invite/new.ics")
        request.properties.append(ICalProperty("METHOD", rawValue: "REQUEST"))
        #expect(try ITIPEngine.validateOutboxMessage(request, sender: frank) == .request)
        #expect(throws: ITIPError.invalidOrganizer) { try ITIPEngine.validateOutboxMessage(request, sender: grace) }
    }
}
