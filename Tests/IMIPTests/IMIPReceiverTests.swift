import Foundation
import ICalendar
import Testing

@testable import IMIP

@Suite struct IMIPReceiverTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "eml"))
        return Array(try Data(contentsOf: url))
    }

    static func receive(_ name: String) throws -> IMIPIncoming {
        try IMIPReceiver().receive(fixture(name))
    }

    /// The PARTSTAT the reply gives for `attendee`.
    static func partstat(_ incoming: IMIPIncoming, _ attendee: String) -> String? {
        incoming.calendar.components.flatMap { $0.properties(named: "ATTENDEE") }
            .first { MailAddress.sameAddress($0.rawValue, attendee) }?[parameter: "PARTSTAT"]
    }

    @Test(arguments: [
        ("gmail-reply-accepted", "grace@example.net", "ACCEPTED", true),
        ("outlook-reply-declined", "Heidi@Example.NET", "DECLINED", false),
        ("apple-reply-tentative", "grace@example.net", "TENTATIVE", true),
        ("thunderbird-reply-accepted", "zed@example.com", "ACCEPTED", true),
        ("delegate-reply-sent-by", "grace@example.net", "ACCEPTED", true),
        ("octet-stream-latin1-reply", "grace@example.net", "DECLINED", true),
    ])
    func repliesAsRealClientsSendThem(name: String, attendee: String, partstat: String, hasOrganizer: Bool) throws {
        let incoming = try Self.receive(name)
        #expect(incoming.method == .reply)
        #expect(incoming.uid == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
        #expect(incoming.sequence == 0)
        #expect(incoming.speaksFor == attendee)
        #expect(Self.partstat(incoming, attendee) == partstat)
        #expect((incoming.organizer == "frank@example.net") == hasOrganizer)
        #expect(incoming.calendar[raw: "METHOD"] == "REPLY")
    }

    @Test func outlookReplyWithoutOrganizerKeepsCommentAndZone() throws {
        let incoming = try Self.receive("outlook-reply-declined")
        #expect(incoming.organizer == nil)
        #expect(incoming.sender == MailAddress("heidi@example.net", name: "Heidi Horvath"))
        let event = try #require(incoming.calendar.components.first { $0.name == "VEVENT" })
        #expect(event[raw: "COMMENT"] == "Sorry\\, I am travelling that week.\\n")
        #expect(incoming.calendar.components.first?.name == "VTIMEZONE")
        #expect(incoming.messageID == "<AM0PR01MB1234567890ABCDEF@AM0PR01MB1234.eurprd01.prod.exchangelabs.com>")
    }

    @Test func charsetsAndEncodedWords() throws {
        let apple = try Self.receive("apple-reply-tentative")
        #expect(apple.sender.name == "Grâce García")
        #expect(apple.subject == "Invitation Tentative: Migration go/no-go")
        let attendee = apple.calendar.components[0].property("ATTENDEE")
        #expect(attendee?[parameter: "CN"] == "Grâce García")
        let thunderbird = try Self.receive("thunderbird-reply-accepted")
        #expect(thunderbird.calendar.components[0][raw: "LOCATION"] == "Zürich office")
        let latin = try Self.receive("octet-stream-latin1-reply")
        #expect(latin.calendar.components[0][raw: "LOCATION"] == "Salle Fuji à côté")
        #expect(latin.subject == "Réponse")
        #expect(latin.sender.address == "grace@example.net")
        // The text part in ISO-8859-1 decodes too.
        let message = MIMEEntity(parsing: try Self.fixture("thunderbird-reply-accepted"))
        #expect(message.leaves.first?.text.contains("Zürich office") == true)
    }

    @Test func requestAndCancelFromExternalOrganizer() throws {
        let request = try Self.receive("gmail-request-external")
        #expect(request.method == .request)
        #expect(request.uid == "7kq2v9r0b1c2d3e4f5g6h7i8j9@google.com")
        #expect(request.sequence == 2)
        #expect(request.speaksFor == "olivia@gmail.example")
        let cancel = try Self.receive("gmail-cancel-external")
        #expect(cancel.method == .cancel)
        #expect(cancel.sequence == 3)
    }

    @Test func spoofedSendersAreRejected() throws {
        #expect(throws: IMIPError.senderMismatch(sender: "grace@evil.example", expected: ["grace@example.net"])) {
            try Self.receive("spoofed-reply")
        }
        // Sender and Reply-To claim the attendee, but only From is checked.
        let spoofed = MIMEEntity(parsing: try Self.fixture("spoofed-reply"))
        #expect(spoofed.header("Sender") == "grace@example.net")
        #expect(spoofed.header("Reply-To") == "grace@example.net")
        #expect(throws: IMIPError.senderMismatch(sender: "mallory@evil.example", expected: ["olivia@gmail.example"])) {
            try Self.receive("spoofed-request")
        }
        #expect(throws: IMIPError.senderMismatch(sender: "grace@example.net", expected: ["grace@example.net", "heidi@example.net"])) {
            try Self.receive("reply-for-two")
        }
    }

    @Test func unusableMailsAreRejected() throws {
        #expect(throws: IMIPError.noITIPPart) { try Self.receive("no-calendar") }
        #expect(throws: IMIPError.self) { try Self.receive("malformed-calendar") }
        #expect(throws: IMIPError.malformed("no usable From address")) { try Self.receive("no-from") }
        #expect(throws: IMIPError.self) { try IMIPReceiver(maxMessageSize: 100).receive(Self.fixture("gmail-reply-accepted")) }
        #expect(throws: IMIPError.self) { try IMIPReceiver().receive([]) }
        #expect(throws: IMIPError.self) { try IMIPReceiver().receive(Array("garbage\u{0}\u{1}".utf8)) }
    }

    @Test func lineEndingsDoNotMatter() throws {
        for name in ["gmail-reply-accepted", "outlook-reply-declined"] {
            let text = String(decoding: try Self.fixture(name), as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            let lf = try IMIPReceiver().receive(Array(text.utf8))
            let crlf = try IMIPReceiver().receive(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
            #expect(lf.calendar == crlf.calendar)
            #expect(lf.uid == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
        }
    }

    @Test func ourOwnMailsParseBack() throws {
        let mail = try Sample.compose(Sample.request())
        // From is the service address, not the organizer: refused unless that address is trusted.
        #expect(throws: IMIPError.senderMismatch(sender: "calendar@example.org", expected: ["frank@example.net"])) {
            try IMIPReceiver().receive(Array(mail.message.utf8))
        }
        let incoming = try IMIPReceiver(trustedSenders: ["mailto:Calendar@Example.org"]).receive(Array(mail.message.utf8))
        #expect(incoming.method == .request)
        #expect(incoming.speaksFor == "frank@example.net")
        #expect(incoming.replyTo == MailAddress("frank@example.net", name: "Frank Foster"))
        #expect(incoming.uid == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
    }

    @Test func authenticationResultsFromOurMTA() throws {
        let mail = String(decoding: try Self.fixture("gmail-reply-accepted"), as: UTF8.self)
        let receiver = IMIPReceiver(authservID: "mx.example.net")
        func with(_ headers: String) -> [UInt8] { Array((headers + mail).utf8) }
        // No results at all, or only someone else's: refused.
        #expect(throws: IMIPError.senderNotAuthenticated(sender: "grace@example.net")) { try receiver.receive(with("")) }
        #expect(throws: IMIPError.self) {
            try receiver.receive(with("Authentication-Results: evil.example; dmarc=pass header.from=example.net\r\n"))
        }
        #expect(throws: IMIPError.self) {
            try receiver.receive(with("Authentication-Results: mx.example.net; dkim=pass header.d=evil.example; spf=fail smtp.mailfrom=example.net\r\n"))
        }
        // DMARC pass, or aligned DKIM or SPF, from our authserv-id: accepted.
        for header in [
            "Authentication-Results: mx.example.net; dmarc=pass (p=reject dis=none) header.from=example.net",
            "Authentication-Results: MX.example.net 1; dkim=pass (2048-bit key) header.d=example.net header.s=s1",
            "Authentication-Results: mx.example.net;\r\n\tspf=pass smtp.mailfrom=bounce@mail.example.net",
        ] {
            #expect(try receiver.receive(with(header + "\r\n")).speaksFor == "grace@example.net", "\(header)")
        }
    }

    @Test func methodFromContentTypeWhenTheCalendarLacksIt() throws {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\nSEQUENCE:5\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:grace@example.net\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let mail = "From: grace@example.net\r\nTo: Frank <frank@example.net>, other@example.org\r\nCc: cc@example.org\r\nContent-Type: text/calendar; method=\"REPLY\"\r\n\r\n" + ics
        let incoming = try IMIPReceiver().receive(Array(mail.utf8))
        #expect(incoming.method == .reply)
        #expect(incoming.sequence == 5)
        #expect(incoming.recipients.map(\.address) == ["frank@example.net", "other@example.org", "cc@example.org"])
        #expect(incoming.replyTo == nil)
        #expect(incoming.senderHeader == nil)
        // Without any METHOD it is not an iTIP message.
        #expect(throws: IMIPError.noITIPPart) {
            try IMIPReceiver().receive(Array(mail.replacingOccurrences(of: "; method=\"REPLY\"", with: "").utf8))
        }
    }
}
