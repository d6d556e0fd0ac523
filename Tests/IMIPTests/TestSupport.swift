import Foundation
import ICalendar
@testable import IMIP

/// Shared sample data for the iMIP tests.
enum Sample {
    static let invitation = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Almanac//Tests//EN\r
        BEGIN:VEVENT\r
        UID:adfe35a6-21c2-4c1d-9639-d1a1bfed4d87\r
        SUMMARY:Migration go/no-go\r
        LOCATION:Room Fuji / video bridge\r
        DESCRIPTION:Decide whether the calendar migration goes ahead this quarter.\\nBring numbers.\r
        DTSTART;TZID=Asia/Tokyo:20270302T100000\r
        DTEND;TZID=Asia/Tokyo:20270302T110000\r
        SEQUENCE:0\r
        ORGANIZER;CN=Frank Foster:mailto:frank@example.net\r
        ATTENDEE;CN=Frank Foster;ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:frank@example.net\r
        ATTENDEE;CN=Grace Garcia;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;LANGUAGE=de-CH:mailto:grace@example.net\r
        ATTENDEE;CN=Zed External;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED:mailto:zed@example.com\r
        DTSTAMP:20261125T082443Z\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    static func calendar(_ text: String = invitation) -> ICalComponent {
        try! ICalComponent.parse(text)
    }

    /// The sample with some properties replaced (raw values).
    static func calendar(replacing changes: [String: String]) -> ICalComponent {
        var calendar = calendar()
        var event = calendar.components[0]
        for (name, value) in changes { event.setProperty(ICalProperty(name, rawValue: value)) }
        calendar.components[0] = event
        return calendar
    }

    static let composer = IMIPComposer(
        configuration: IMIPConfiguration(senderAddress: "calendar@example.org"), templates: try! MailTemplates())

    static let frank = MailAddress("mailto:frank@example.net", name: "Frank Foster")
    static let grace = MailAddress("grace@example.net", name: "Grace Garcia")

    /// Composes with fixed date and counting ids.
    static func compose(_ outgoing: IMIPOutgoing, composer: IMIPComposer = composer) throws -> ComposedMail {
        var counter = 0
        return try composer.compose(outgoing, date: 1_795_595_083, messageID: "msg-1") {
            counter += 1
            return "b\(counter)"
        }
    }

    static func request(
        _ calendar: ICalComponent = calendar(), language: String? = nil, zone: String? = nil, previous: ICalComponent? = nil
    ) -> IMIPOutgoing {
        IMIPOutgoing(
            method: .request, calendar: calendar, originator: frank, recipient: grace, recipientLanguage: language,
            recipientTimeZone: zone, previous: previous)
    }
}

/// A composed message taken apart again with the inbound parser.
struct Dissected {
    let entity: MIMEEntity
    let headerBlock: String
    init(_ mail: ComposedMail) {
        entity = MIMEEntity(parsing: Array(mail.message.utf8))
        headerBlock = String(mail.message.components(separatedBy: "\r\n\r\n")[0])
    }
    var alternative: MIMEEntity { entity.parts[0] }
    var plain: String { alternative.parts[0].text.replacingOccurrences(of: "\r\n", with: "\n") }
    var html: String { alternative.parts[1].text.replacingOccurrences(of: "\r\n", with: "\n") }
    var calendarPart: MIMEEntity { alternative.parts[2] }
    var attachment: MIMEEntity { entity.parts[1] }
    var subject: String { EncodedWord.decode(entity.header("Subject") ?? "") }
}
