import Foundation
import ICalendar
import Testing

@testable import IMIP

/// Delivery to a real SMTP server on loopback (needs `pip install aiosmtpd`).
@Suite(.serialized, .enabled(if: SMTPSink.available, "python3 with aiosmtpd not installed (pip install aiosmtpd)"))
struct SMTPTransportTests {
    static func mail() throws -> ComposedMail { try Sample.compose(Sample.request()) }

    @Test func plainDelivery() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let transport = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .none, timeout: 20))
        let mail = try Self.mail()
        try transport.send(mail)
        let received = sink.received()
        try #require(received.count == 1)
        #expect(received[0].envelope["from"] as? String == "calendar@example.org")
        #expect(received[0].envelope["to"] as? [String] == ["grace@example.net"])
        // What arrived is what we composed, byte for byte, and it parses back to the iTIP part.
        #expect(received[0].message == Array(mail.message.utf8))
        let entity = MIMEEntity(parsing: received[0].message)
        let itip = entity.parts[0].parts[2]
        #expect(itip.parameters["method"] == "REQUEST")
        #expect((try? ICalComponent.parse(itip.text))?.components.first?[raw: "UID"] == "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87")
    }

    @Test func serverDownThenBackDeliversOnce() throws {
        let mail = try Self.mail()
        // Down: nobody listens on the port yet.
        let port = try SMTPTransportOfflineTests().freePort()
        let down = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, connectTimeout: 5))
        let first = MailDelivery.attempt(
            message: mail.message, from: mail.envelopeSender, to: mail.recipient, previousFailures: 0, now: 1000, transport: down)
        guard case .retry(let at, _) = first else {
            Issue.record("expected a retry, got \(first)")
            return
        }
        #expect(at == 1060)
        #expect(first.scheduleStatus == nil)
        // Back: the retry goes through, and exactly one copy arrives.
        let sink = try SMTPSink()
        defer { sink.stop() }
        let up = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .none, timeout: 20))
        let second = MailDelivery.attempt(
            message: mail.message, from: mail.envelopeSender, to: mail.recipient, previousFailures: 1, now: at, transport: up)
        #expect(second == .sent)
        #expect(second.scheduleStatus == .sent)
        #expect(sink.received().count == 1)
        // A rejected recipient is given up at once.
        let rejected = MailDelivery.attempt(
            message: mail.message, from: mail.envelopeSender, to: "reject@example.net", previousFailures: 0, now: at, transport: up)
        guard case .failed = rejected else {
            Issue.record("expected failure, got \(rejected)")
            return
        }
        #expect(rejected.scheduleStatus == .failed)
    }

    @Test func leadingDotsSurviveTheDataPhase() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let transport = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .none, timeout: 20))
        let message = "From: a@example.org\r\nTo: b@example.org\r\nSubject: dots\r\n\r\n.\r\n..leading\r\nend\r\n"
        try transport.send(message, from: "a@example.org", to: ["b@example.org"])
        #expect(sink.received().first?.message == Array(message.utf8))
    }

    @Test func authentication() throws {
        let sink = try SMTPSink(["--auth", "almanac:s3cret"])
        defer { sink.stop() }
        var configuration = SMTPConfiguration(
            host: "127.0.0.1", port: sink.port, security: .none, username: "almanac", password: "s3cret", timeout: 20)
        try SMTPTransport(configuration: configuration).send(try Self.mail())
        #expect(sink.received().first?.envelope["auth"] as? Bool == true)
        configuration.password = "wrong"
        #expect {
            try SMTPTransport(configuration: configuration).send(try Self.mail())
        } throws: { error in
            (error as? MailTransportError)?.isTransient == true
        }
        #expect(sink.received().count == 1)
    }

    @Test func startTLSWithOwnCA() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try SMTPSink.makeCertificate(in: directory)
        let sink = try SMTPSink(["--starttls", cert, key, "--auth", "almanac:s3cret"])
        defer { sink.stop() }
        var configuration = SMTPConfiguration(
            host: "127.0.0.1", port: sink.port, security: .startTLS, username: "almanac", password: "s3cret", timeout: 20,
            caFile: cert)
        try SMTPTransport(configuration: configuration).send(try Self.mail())
        let envelope = sink.received().first?.envelope
        #expect(envelope?["tls"] as? Bool == true)
        #expect(envelope?["auth"] as? Bool == true)
        // Without our CA the self-signed certificate is refused: transient, nothing delivered.
        configuration.caFile = nil
        #expect(throws: MailTransportError.self) { try SMTPTransport(configuration: configuration).send(try Self.mail()) }
        #expect(sink.received().count == 1)
    }

    @Test func implicitTLS() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (cert, key) = try SMTPSink.makeCertificate(in: directory)
        let sink = try SMTPSink(["--tls", cert, key])
        defer { sink.stop() }
        let configuration = SMTPConfiguration(
            host: "127.0.0.1", port: sink.port, security: .implicitTLS, timeout: 20, caFile: cert)
        try SMTPTransport(configuration: configuration).send(try Self.mail())
        #expect(sink.received().first?.envelope["tls"] as? Bool == true)
    }

    @Test func requiredSTARTTLSMissingIsTransient() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let transport = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .startTLS, timeout: 20))
        #expect(throws: MailTransportError.self) { try transport.send(try Self.mail()) }
        #expect(sink.received().isEmpty)
    }

    @Test func rejectedRecipientIsPermanentAndTempFailIsTransient() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let transport = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: sink.port, security: .none, timeout: 20))
        #expect {
            try transport.send("Subject: x\r\n\r\nx\r\n", from: "a@example.org", to: ["reject@example.net"])
        } throws: { error in
            guard case .permanent(let text) = error as? MailTransportError else { return false }
            return text.contains("550")
        }
        #expect {
            try transport.send("Subject: x\r\n\r\nx\r\n", from: "a@example.org", to: ["later@example.net"])
        } throws: { error in
            (error as? MailTransportError)?.isTransient == true
        }
        #expect(sink.received().isEmpty)
    }
}

@Suite struct SMTPTransportOfflineTests {
    @Test func serverDownIsTransient() throws {
        // Bind and close a socket to find a port where nobody listens.
        let port = try freePort()
        let transport = SMTPTransport(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: port, security: .none, connectTimeout: 5, timeout: 10))
        #expect {
            try transport.send(try Sample.compose(Sample.request()))
        } throws: { error in
            guard case .transient(let text) = error as? MailTransportError else { return false }
            return text.contains("connect")
        }
    }

    @Test func invalidAddressesArePermanent() {
        let transport = SMTPTransport(configuration: SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none))
        #expect(throws: MailTransportError.permanent("invalid recipient address -oQ/tmp@x")) {
            try transport.send("x", from: "a@example.org", to: ["-oQ/tmp@x"])
        }
        #expect(throws: MailTransportError.self) { try transport.send("x", from: "a@example.org\r\nRCPT TO:<b@x>", to: ["b@example.org"]) }
    }

    @Test func urls() {
        #expect(SMTPConfiguration(host: "mail.example.org").url == "smtp://mail.example.org:587")
        #expect(SMTPConfiguration(host: "mail.example.org", security: .implicitTLS).url == "smtps://mail.example.org:465")
        #expect(SMTPConfiguration(host: "::1", port: 2525, security: .none, heloName: "cal.example.org").url == "smtp://[::1]:2525/cal.example.org")
    }

    func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
