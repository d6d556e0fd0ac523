import Foundation
import ICalendar
import ITIP
import Testing

@testable import IMIP

@Suite struct IMIPComposerTests {
    @Test func structureIsMixedAlternativeWithCalendarAndAttachment() throws {
        let mail = try Sample.compose(Sample.request())
        let parts = Dissected(mail)
        #expect(parts.entity.mediaType == "multipart/mixed")
        #expect(parts.entity.parts.count == 2)
        #expect(parts.alternative.mediaType == "multipart/alternative")
        #expect(parts.alternative.parts.map(\.mediaType) == ["text/plain", "text/html", "text/calendar"])
        #expect(parts.calendarPart.parameters["method"] == "REQUEST")
        #expect(parts.calendarPart.parameters["charset"] == "UTF-8")
        #expect(parts.attachment.mediaType == "application/ics")
        #expect(parts.attachment.filename == "invite.ics")
        #expect(parts.attachment.header("Content-Disposition")?.hasPrefix("attachment") == true)
        #expect(parts.attachment.body == parts.calendarPart.body)
        // Boundaries come from the generator and differ.
        #expect(mail.message.contains("boundary=\"=_mix_b2\""))
        #expect(mail.message.contains("boundary=\"=_alt_b1\""))
    }

    @Test func headers() throws {
        let mail = try Sample.compose(Sample.request())
        let parts = Dissected(mail)
        #expect(parts.entity.header("Date") == "Wed, 25 Nov 2026 08:24:43 +0000")
        #expect(parts.entity.header("Message-ID") == "<msg-1@example.org>")
        #expect(parts.entity.header("MIME-Version") == "1.0")
        #expect(parts.entity.header("From") == "Frank Foster via Almanac <calendar@example.org>")
        #expect(parts.entity.header("Reply-To") == "Frank Foster <frank@example.net>")
        #expect(parts.entity.header("To") == "Grace Garcia <grace@example.net>")
        #expect(parts.subject == "Invitation: Migration go/no-go")
        #expect(mail.envelopeSender == "calendar@example.org")
        #expect(mail.recipient == "grace@example.net")
    }

    @Test func fromTheOriginatorsOwnAddress() throws {
        let composer = IMIPComposer(
            configuration: IMIPConfiguration(senderAddress: "calendar@example.org", fromOriginatorAddress: true),
            templates: Sample.composer.templates)
        let mail = try Sample.compose(Sample.request(), composer: composer)
        let parts = Dissected(mail)
        #expect(parts.entity.header("From") == "Frank Foster <frank@example.net>")
        #expect(parts.entity.header("Sender") == "Almanac <calendar@example.org>")
        #expect(mail.envelopeSender == "calendar@example.org")
        #expect(parts.entity.header("Auto-Submitted") == "auto-generated")
    }

    @Test func messageIsSevenBitWithShortLines() throws {
        var calendar = Sample.calendar(replacing: [
            "SUMMARY": "Überraschungsparty für Zoë 🎉 mit sehr langem Titel, der weit über eine Zeile hinausgeht und dann noch weiter",
            "DESCRIPTION": String(repeating: "Ünïcödé text, long line. ", count: 20),
        ])
        calendar.components[0].setProperty(ICalProperty("LOCATION", rawValue: "Café Zürich"))
        let mail = try Sample.compose(
            IMIPOutgoing(
                method: .request, calendar: calendar, originator: MailAddress("frank@example.net", name: "Françoise Ñúñez-Østergård"),
                recipient: MailAddress("grace@example.net", name: "Grâce Gärcía")))
        #expect(mail.message.utf8.allSatisfy { $0 < 0x80 })
        for line in mail.message.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "line too long: \(line)")
        }
        #expect(!mail.message.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        let parts = Dissected(mail)
        #expect(parts.subject.hasPrefix("Invitation: Überraschungsparty für Zoë 🎉"))
        #expect(AddressList.parse(parts.entity.header("From")!).first?.name == "Françoise Ñúñez-Østergård via Almanac")
        #expect(AddressList.parse(parts.entity.header("To")!).first?.name == "Grâce Gärcía")
        #expect(parts.plain.contains("Café Zürich"))
        #expect(parts.html.contains("Café Zürich"))
    }

    @Test func calendarDataCannotInjectHeaders() throws {
        let calendar = Sample.calendar(replacing: ["SUMMARY": "Lunch\\nBcc: victim@example.com\r\nX-Evil: 1"])
        let originator = MailAddress("frank@example.net", name: "Frank\r\nBcc: victim2@example.com")
        let mail = try Sample.compose(
            IMIPOutgoing(method: .request, calendar: calendar, originator: originator, recipient: Sample.grace))
        let parts = Dissected(mail)
        let headerLines = parts.headerBlock.components(separatedBy: "\r\n")
        #expect(!headerLines.contains { $0.lowercased().hasPrefix("bcc") || $0.lowercased().hasPrefix("x-evil") })
        #expect(parts.entity.header("Bcc") == nil)
        #expect(parts.subject == "Invitation: Lunch Bcc: victim@example.com X-Evil: 1")
        // Every header line is a field or a continuation.
        for line in headerLines {
            #expect(line.first == " " || line.contains(":"))
        }
    }

    @Test func invalidAddressesAreRejected() {
        let bad = MailAddress("grace@example.net\r\nBcc: x@example.com", name: "Grace")
        #expect(throws: IMIPError.self) {
            try Sample.compose(IMIPOutgoing(method: .request, calendar: Sample.calendar(), originator: Sample.frank, recipient: bad))
        }
        #expect(throws: IMIPError.invalidAddress("not-an-address")) {
            try Sample.compose(
                IMIPOutgoing(method: .request, calendar: Sample.calendar(), originator: Sample.frank, recipient: MailAddress("not-an-address")))
        }
    }

    @Test func iTIPPartParsesBack() throws {
        var calendar = Sample.calendar(replacing: ["SEQUENCE": "3"])
        calendar.removeProperties(named: "METHOD")
        let mail = try Sample.compose(Sample.request(calendar))
        let parsed = try? ICalComponent.parse(Dissected(mail).calendarPart.text)
        #expect(parsed?[raw: "METHOD"] == "REQUEST")
        #expect(parsed?.components.first?[raw: "UID"] == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
        #expect(parsed?.components.first?[raw: "SEQUENCE"] == "3")
        #expect(Dissected(mail).subject == "Updated: Migration go/no-go")  // SEQUENCE > 0 is an update
    }

    @Test func htmlEscapesCalendarData() throws {
        let calendar = Sample.calendar(replacing: [
            "SUMMARY": "<script>alert(1)</script>", "LOCATION": "\"><img src=x onerror=alert(2)>",
            "DESCRIPTION": "a & b <b>bold</b>", "URL": "javascript:alert(3)",
        ])
        let parts = Dissected(try Sample.compose(Sample.request(calendar)))
        #expect(!parts.html.contains("<script>"))
        #expect(parts.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!parts.html.contains("<img"))
        #expect(parts.html.contains("a &amp; b &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!parts.html.contains("javascript:"))
        // The plain text keeps the characters as they are.
        #expect(parts.plain.contains("<script>alert(1)</script>"))
    }

    @Test func plainTextTellsWhatWhenWhereWho() throws {
        let parts = Dissected(try Sample.compose(Sample.request()))
        let text = parts.plain
        #expect(text.contains("Frank Foster has invited you to an event."))
        #expect(text.contains("When:       Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Asia/Tokyo, UTC+09:00)"))
        #expect(text.contains("Where:      Room Fuji / video bridge"))
        #expect(text.contains("Organizer:  Frank Foster <frank@example.net>"))
        #expect(text.contains("  - Grace Garcia <grace@example.net>: no answer yet"))
        #expect(text.contains("  - Zed External <zed@example.com> (optional): declined"))
        #expect(text.contains("Decide whether the calendar migration goes ahead this quarter.\nBring numbers."))
        #expect(parts.html.contains("Decide whether the calendar migration goes ahead this quarter.<br>Bring numbers.<br>"))
    }

    @Test func untitledEvents() throws {
        var calendar = Sample.calendar()
        calendar.components[0].removeProperties(named: "SUMMARY")
        #expect(Dissected(try Sample.compose(Sample.request(calendar, language: "es"))).subject == "Invitación: (sin título)")
        let parts = Dissected(try Sample.compose(Sample.request(calendar)))
        #expect(parts.subject == "Invitation: (no title)")
        #expect(parts.plain.contains("(no title)\n==========\n"))
    }

    @Test func largeMeetingsListTheFirstAttendees() throws {
        var calendar = Sample.calendar()
        for index in 0..<40 {
            calendar.components[0].addProperty(ICalProperty("ATTENDEE", rawValue: "mailto:guest\(index)@example.com"))
        }
        let parts = Dissected(try Sample.compose(Sample.request(calendar, language: "fr")))
        #expect(parts.plain.contains("guest21@example.com"))
        #expect(!parts.plain.contains("guest22@example.com"))
        #expect(parts.plain.contains("  … et 18 autres"))
        #expect(parts.html.contains("… et 18 autres"))
        let ics = try ICalComponent.parse(parts.calendarPart.text)
        #expect(ics.components[0].properties(named: "ATTENDEE").count == 43)
    }

    @Test func timesInRecipientZone() throws {
        let parts = Dissected(try Sample.compose(Sample.request(zone: "Europe/Berlin")))
        #expect(parts.plain.contains("Tuesday, March 2, 2027, 2:00 AM – 3:00 AM (Europe/Berlin, UTC+01:00)"))
        let german = Dissected(try Sample.compose(Sample.request(language: "de", zone: "America/New_York")))
        #expect(german.plain.contains("Montag, 1. März 2027, 20:00 – 21:00 (America/New_York, UTC-05:00)"))
    }

    @Test func customAndUnknownZones() throws {
        var custom = Sample.calendar(Sample.invitation.replacingOccurrences(of: "TZID=Asia/Tokyo", with: "TZID=Office Time"))
        custom.components.insert(
            try ICalComponent.parse(
                "BEGIN:VTIMEZONE\r\nTZID:Office Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"),
            at: 0)
        #expect(Dissected(try Sample.compose(Sample.request(custom, zone: "Europe/London"))).plain.contains(
            "When:       Tuesday, March 2, 2027, 8:00 AM – 9:00 AM (Europe/London, UTC+00:00)"))
        #expect(Dissected(try Sample.compose(Sample.request(custom))).plain.contains(
            "When:       Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Office Time, UTC+02:00)"))
        let unknown = Sample.calendar(Sample.invitation.replacingOccurrences(of: "TZID=Asia/Tokyo", with: "TZID=Mars/Olympus"))
        #expect(Dissected(try Sample.compose(Sample.request(unknown, zone: "Europe/London"))).plain.contains(
            "When:       Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Mars/Olympus)"))
        let floating = Sample.calendar(Sample.invitation.replacingOccurrences(of: ";TZID=Asia/Tokyo", with: ""))
        #expect(Dissected(try Sample.compose(Sample.request(floating, zone: "Europe/London"))).plain.contains(
            "When:       Tuesday, March 2, 2027, 10:00 AM – 11:00 AM\n"))
    }

    @Test func allDayAndUTCEvents() throws {
        let allDay = Sample.calendar(replacing: ["DTSTART": "20270302", "DTEND": "20270305"])
        var fixed = allDay
        fixed.components[0].properties = fixed.components[0].properties.map { property in
            var property = property
            if property.name == "DTSTART" || property.name == "DTEND" { property.parameters = [ICalParameter("VALUE", "DATE")] }
            return property
        }
        #expect(Dissected(try Sample.compose(Sample.request(fixed))).plain.contains("When:       Tuesday, March 2, 2027 – Thursday, March 4, 2027\n"))
        let spanish = Dissected(try Sample.compose(Sample.request(fixed, language: "es")))
        #expect(spanish.plain.contains("martes, 2 de marzo de 2027 – jueves, 4 de marzo de 2027"))
        var utc = Sample.calendar(replacing: ["DTSTART": "20270302T090000Z", "DURATION": "PT90M"])
        utc.components[0].removeProperties(named: "DTEND")
        #expect(Dissected(try Sample.compose(Sample.request(utc))).plain.contains("Tuesday, March 2, 2027, 9:00 AM – 10:30 AM (UTC)"))
    }

    @Test func updateShowsWhatChanged() throws {
        let old = Sample.calendar()
        let new = Sample.calendar(replacing: [
            "SEQUENCE": "1", "DTSTART": "20270304T150000", "DTEND": "20270304T160000", "LOCATION": "Room Everest",
        ])
        var fixedNew = new
        for index in fixedNew.components[0].properties.indices where ["DTSTART", "DTEND"].contains(fixedNew.components[0].properties[index].name) {
            fixedNew.components[0].properties[index].parameters = [ICalParameter("TZID", "Asia/Tokyo")]
        }
        let parts = Dissected(try Sample.compose(Sample.request(fixedNew, previous: old)))
        #expect(parts.subject == "Updated: Migration go/no-go")
        #expect(parts.plain.contains("What changed:"))
        #expect(parts.plain.contains("  When:     Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Asia/Tokyo, UTC+09:00)\n    -> Thursday, March 4, 2027, 3:00 PM – 4:00 PM (Asia/Tokyo, UTC+09:00)"))
        #expect(parts.plain.contains("  Where:    Room Fuji / video bridge\n    -> Room Everest"))
        #expect(!parts.plain.contains("  Title:"))
        #expect(parts.html.contains("text-decoration:line-through;color:#9ca3af;\">Room Fuji / video bridge</span>"))
    }

    @Test(arguments: [
        (ITIPMethod.cancel, "ACCEPTED", "Cancelled: Migration go/no-go"),
        (.reply, "ACCEPTED", "Accepted: Migration go/no-go"),
        (.reply, "DECLINED", "Declined: Migration go/no-go"),
        (.reply, "TENTATIVE", "Tentative: Migration go/no-go"),
        (.counter, "NEEDS-ACTION", "New time proposed: Migration go/no-go"),
    ])
    func subjects(method: ITIPMethod, partstat: String, subject: String) throws {
        var calendar = Sample.calendar()
        calendar.components[0].properties.removeAll { $0.name == "ATTENDEE" }
        calendar.components[0].addProperty(
            ICalProperty("ATTENDEE", rawValue: "mailto:grace@example.net", parameters: [ICalParameter("PARTSTAT", partstat), ICalParameter("CN", "Grace Garcia")]))
        let outgoing = IMIPOutgoing(
            method: method, calendar: calendar, originator: method.isSentByOrganizer ? Sample.frank : Sample.grace,
            recipient: method.isSentByOrganizer ? Sample.grace : Sample.frank)
        let parts = Dissected(try Sample.compose(outgoing))
        #expect(parts.subject == subject)
        #expect(parts.calendarPart.parameters["method"] == method.rawValue)
        if method == .reply {
            #expect(parts.entity.header("Reply-To") == "Grace Garcia <grace@example.net>")
            #expect(parts.entity.header("From") == "Grace Garcia via Almanac <calendar@example.org>")
        }
    }
}
