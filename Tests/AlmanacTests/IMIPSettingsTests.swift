import IMIP
import Testing

@testable import almanac

@Suite struct IMIPSettingsTests {
    func settings(_ lines: [(String, String)]) throws -> IMIPSettings {
        var settings = IMIPSettings()
        for (key, value) in lines { #expect(try settings.set(key, value)) }
        return settings
    }

    @Test func smtpURLAndSecurityDefaults() throws {
        var smtp = try #require(try settings([("smtp.url", "smtp://mail.example.org:587")]).smtpConfiguration())
        #expect(smtp.host == "mail.example.org" && smtp.port == 587 && smtp.security == .startTLS)
        smtp = try #require(try settings([("smtp.url", "smtps://mail.example.org")]).smtpConfiguration())
        #expect(smtp.security == .implicitTLS && smtp.effectivePort == 465)
        smtp = try #require(try settings([("smtp.url", "smtp://127.0.0.1:2525")]).smtpConfiguration())
        #expect(smtp.security == .startTLSOptional)
        smtp = try #require(
            try settings([("smtp.url", "smtp://[::1]:25"), ("smtp.security", "none"), ("smtp.verify", "false")])
                .smtpConfiguration())
        #expect(smtp.host == "::1" && smtp.port == 25 && smtp.security == .none && !smtp.verifyPeer && !smtp.verifyHost)
        #expect(throws: (any Error).self) { try settings([("smtp.url", "http://mail.example.org")]) }
        #expect(throws: (any Error).self) { try settings([("smtp.url", "smtp://host:99999")]) }
        #expect(throws: (any Error).self) { try settings([("smtp.security", "maybe")]) }
        #expect(throws: (any Error).self) {
            try settings([("smtp.url", "smtps://host"), ("smtp.security", "starttls")]).smtpConfiguration()
        }
    }

    @Test func exactlyOneTransport() throws {
        #expect(throws: (any Error).self) { try IMIPSettings().transport() }
        #expect(throws: (any Error).self) {
            try settings([("smtp.url", "smtp://h:25"), ("sendmail.command", "/usr/sbin/sendmail")]).transport()
        }
        let sendmail = try settings([("sendmail.command", "/usr/sbin/sendmail -oi")]).transport()
        #expect((sendmail as? SendmailTransport)?.command == "/usr/sbin/sendmail")
        #expect((sendmail as? SendmailTransport)?.extraArguments == ["-oi"])
        #expect(try settings([("smtp.url", "smtp://h:25")]).transport() is SMTPTransport)
    }

    @Test func limitsListsAndSender() throws {
        let s = try settings([
            ("imip.enabled", "yes"), ("imip.sender", "mailto:Calendar@Example.org"), ("imip.max-per-hour", "0"),
            ("imip.max-recipients", "7"), ("imip.trusted-senders", "a@x.example, b@y.example"),
            ("imip.authserv-id", "mx.example.org"), ("imip.retry-delays", "1, 2,3"), ("imip.give-up-after", "10"),
            ("imip.default-language", "DE"),
        ])
        #expect(s.enabled && s.sender == "Calendar@Example.org" && s.maxPerHour == 0 && s.maxRecipients == 7)
        #expect(s.trustedSenders == ["a@x.example", "b@y.example"] && s.authservID == "mx.example.org")
        #expect(s.retryPolicy == RetryPolicy(delays: [1, 2, 3], giveUpAfter: 10))
        #expect(s.receiver().trustedSenders == ["a@x.example", "b@y.example"])
        #expect(try s.composer().configuration.defaultLanguage == "de")
        #expect(throws: (any Error).self) { try settings([("imip.sender", "not an address")]) }
        #expect(throws: (any Error).self) { try settings([("imip.max-per-hour", "-1")]) }
        #expect(throws: (any Error).self) { try settings([("imip.retry-delays", "1,x")]) }
        #expect(throws: (any Error).self) { try IMIPSettings().composer() }
        var unknown = IMIPSettings()
        #expect(try !unknown.set("imip.nonsense", "1"))
    }

    @Test func theConfigFileAcceptsTheKeys() throws {
        var all = Settings()
        try all.set("imip.enabled", "true")
        try all.set("smtp.url", "smtp://127.0.0.1:25")
        #expect(all.imip.enabled && all.imip.smtpURL == "smtp://127.0.0.1:25")
        #expect(throws: (any Error).self) { try all.set("smtp.nonsense", "1") }
    }
}
