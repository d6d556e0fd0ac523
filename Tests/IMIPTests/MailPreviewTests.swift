import Foundation
import ICalendar
import Testing

@testable import IMIP

/// Writes one HTML mail per language for screenshots (docs/imip/); runs only
/// when IMIP_PREVIEW_DIR names a directory.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["IMIP_PREVIEW_DIR"] != nil, "set IMIP_PREVIEW_DIR to write previews"))
struct MailPreviewTests {
    @Test(arguments: ["en", "de", "fr", "es"])
    func writePreview(language: String) throws {
        let directory = ProcessInfo.processInfo.environment["IMIP_PREVIEW_DIR"]!
        let old = Sample.calendar()
        var new = Sample.calendar(Sample.invitation.replacingOccurrences(of: "20270302T1", with: "20270304T1"))
        new.components[0].setProperty(ICalProperty("SEQUENCE", rawValue: "1"))
        new.components[0].setProperty(ICalProperty("LOCATION", rawValue: "Room Everest (3rd floor) & video bridge"))
        new.components[0].setProperty(ICalProperty("URL", rawValue: "https://meet.example.org/migration"))
        new.components[0].properties = new.components[0].properties.map { property in
            var property = property
            if property.name == "ATTENDEE", property.rawValue.contains("grace") { property[parameter: "PARTSTAT"] = "TENTATIVE" }
            return property
        }
        let outgoing = IMIPOutgoing(
            method: .request, calendar: new, originator: Sample.frank, recipient: Sample.grace, recipientLanguage: language,
            recipientTimeZone: "Europe/Berlin", previous: old)
        let mail = try Sample.compose(outgoing)
        let parts = Dissected(mail)
        try parts.html.write(toFile: "\(directory)/update-\(language).html", atomically: true, encoding: .utf8)
        try parts.plain.write(toFile: "\(directory)/update-\(language).txt", atomically: true, encoding: .utf8)
        try mail.message.write(toFile: "\(directory)/update-\(language).eml", atomically: true, encoding: .utf8)
        #expect(parts.html.contains("<html lang=\"\(language)\">"))
    }

    @Test func writeOtherKinds() throws {
        let directory = ProcessInfo.processInfo.environment["IMIP_PREVIEW_DIR"]!
        var reply = Sample.calendar()
        reply.components[0].properties.removeAll { $0.name == "ATTENDEE" || $0.name == "DESCRIPTION" }
        reply.components[0].addProperty(
            ICalProperty("ATTENDEE", rawValue: "mailto:grace@example.net", parameters: [ICalParameter("PARTSTAT", "DECLINED"), ICalParameter("CN", "Grace Garcia")]))
        reply.components[0].addProperty(ICalProperty("COMMENT", rawValue: "Sorry\\, I am travelling that week."))
        let cases: [(String, IMIPOutgoing)] = [
            ("invitation-en", Sample.request(zone: "America/New_York")),
            ("cancel-es", IMIPOutgoing(method: .cancel, calendar: Sample.calendar(replacing: ["SEQUENCE": "2", "STATUS": "CANCELLED"]), originator: Sample.frank, recipient: Sample.grace, recipientLanguage: "es")),
            ("reply-de", IMIPOutgoing(method: .reply, calendar: reply, originator: Sample.grace, recipient: Sample.frank, recipientLanguage: "de")),
        ]
        for (name, outgoing) in cases {
            let parts = Dissected(try Sample.compose(outgoing))
            try parts.html.write(toFile: "\(directory)/\(name).html", atomically: true, encoding: .utf8)
            try parts.plain.write(toFile: "\(directory)/\(name).txt", atomically: true, encoding: .utf8)
        }
    }
}
