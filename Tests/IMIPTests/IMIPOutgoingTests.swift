import ICalendar
import ITIP
import Testing

@testable import IMIP

@Suite struct IMIPOutgoingTests {
    @Test func fromAnITIPMessage() throws {
        let calendar = Sample.calendar(replacing: ["SEQUENCE": "4"])
        let message = ITIPMessage(
            method: .request, uid: "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87", componentType: "VEVENT",
            sender: "mailto:frank@example.net", recipient: "mailto:grace@example.net", change: .new, calendar: calendar)
        let outgoing = IMIPOutgoing(message: message)
        #expect(outgoing.method == .request)
        #expect(outgoing.originator == MailAddress("frank@example.net", name: "Frank Foster"))
        #expect(outgoing.recipient == MailAddress("grace@example.net", name: "Grace Garcia"))
        #expect(outgoing.recipientLanguage == "de-CH")
        let mail = try Sample.compose(outgoing)
        // A newly added attendee gets an invitation, in their language, even at SEQUENCE 4.
        #expect(Dissected(mail).subject == "Einladung: Migration go/no-go")
        #expect(mail.language == "de")

        var update = message
        update.change = .reschedule
        #expect(Dissected(try Sample.compose(IMIPOutgoing(message: update))).subject == "Geändert: Migration go/no-go")
    }

    @Test func unknownCalendarUserHasNoName() {
        let (address, language) = IMIPOutgoing.mailbox("mailto:nobody@example.org", in: Sample.calendar())
        #expect(address == MailAddress("nobody@example.org"))
        #expect(language == nil)
    }
}
