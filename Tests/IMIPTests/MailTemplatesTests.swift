import Foundation
import Testing

@testable import IMIP

@Suite struct MailTemplatesTests {
    @Test func bundledLanguages() throws {
        #expect(try MailTemplates().languages == ["de", "en", "es", "fr"])
    }

    @Test(arguments: [
        ("de-CH", "en", "de"), ("DE", "en", "de"), ("fr-CA", "en", "fr"), ("es_MX", "en", "es"), ("ja", "en", "en"),
        (nil, "fr", "fr"), (nil, "pt-BR", "en"), ("", "es", "es"),
    ] as [(String?, String, String)])
    func languageSelection(tag: String?, fallback: String, expected: String) throws {
        #expect(try MailTemplates().language(for: tag, fallback: fallback) == expected)
    }

    @Test(arguments: [
        ("de", "Einladung: Migration go/no-go", "Frank Foster hat Sie zu einem Termin eingeladen.", "Dienstag, 2. März 2027, 10:00 – 11:00"),
        ("fr", "Invitation : Migration go/no-go", "Frank Foster vous invite à un événement.", "mardi 2 mars 2027, 10:00 – 11:00"),
        ("es", "Invitación: Migration go/no-go", "Frank Foster le ha invitado a un evento.", "martes, 2 de marzo de 2027, 10:00 – 11:00"),
        ("en", "Invitation: Migration go/no-go", "Frank Foster has invited you to an event.", "Tuesday, March 2, 2027, 10:00 AM – 11:00 AM"),
    ])
    func mailInLanguage(language: String, subject: String, sentence: String, when: String) throws {
        let mail = try Sample.compose(Sample.request(language: language))
        let parts = Dissected(mail)
        #expect(mail.language == language)
        #expect(parts.subject == subject)
        #expect(parts.plain.contains(sentence))
        #expect(parts.plain.contains(when))
        #expect(parts.html.contains("<html lang=\"\(language)\">"))
        #expect(parts.html.contains(when))
    }

    @Test func defaultLanguageFromConfiguration() throws {
        let composer = IMIPComposer(
            configuration: IMIPConfiguration(senderAddress: "calendar@example.org", defaultLanguage: "fr"),
            templates: try MailTemplates())
        let mail = try Sample.compose(Sample.request(), composer: composer)
        #expect(mail.language == "fr")
        #expect(Dissected(mail).subject == "Invitation : Migration go/no-go")
    }

    @Test func overrideDirectoryReplacesSingleTemplates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("imip-templates-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("de"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "Einladung von {{originatorName}}: {{summary}}".write(
            to: directory.appendingPathComponent("de/subject.mustache"), atomically: true, encoding: .utf8)
        let templates = try MailTemplates(overrideDirectory: directory.path)
        let composer = IMIPComposer(configuration: IMIPConfiguration(senderAddress: "calendar@example.org"), templates: templates)
        let parts = Dissected(try Sample.compose(Sample.request(language: "de"), composer: composer))
        #expect(parts.subject == "Einladung von Frank Foster: Migration go/no-go")
        #expect(parts.plain.contains("hat Sie zu einem Termin eingeladen"))  // bundled text template still used
        #expect(throws: IMIPError.self) { try MailTemplates(overrideDirectory: directory.path + "/missing") }
    }

    @Test func incompleteLanguageIsRejected() {
        #expect(throws: IMIPError.self) { try MailTemplates(sources: ["xx": ["subject": "s"]]) }
    }
}

@Suite struct BundledTemplatesTests {
    /// The compiled-in copy must match the .mustache files (regenerate with Templates/embed-templates.py).
    @Test func compiledInTemplatesMatchTheFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/IMIP/Templates").standardizedFileURL
        var found = 0
        for language in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(language).path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            for name in MailTemplates.names {
                let file = try String(contentsOf: folder.appendingPathComponent("\(language)/\(name).mustache"), encoding: .utf8)
                let compiled = BundledTemplates.sources[language]?[name]
                #expect(compiled == String(file.reversed().drop { $0 == "\n" }.reversed()), "\(language)/\(name) differs")
                found += 1
            }
        }
        #expect(found == 12)
        #expect(BundledTemplates.sources.count == 4)
    }
}
