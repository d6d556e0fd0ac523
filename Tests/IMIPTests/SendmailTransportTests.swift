import Foundation
import Testing

@testable import IMIP

@Suite struct SendmailTransportTests {
    /// A fake sendmail writing its arguments and input to files, exiting with `code`.
    func fakeSendmail(exitCode: Int32) throws -> (command: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("sendmail")
        try """
            #!/bin/sh
            printf '%s\\n' "$@" > "\(directory.path)/args"
            cat > "\(directory.path)/input"
            echo "fake failure" >&2
            exit \(exitCode)
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return (script.path, directory)
    }

    @Test func pipesMessageWithArguments() throws {
        let (command, directory) = try fakeSendmail(exitCode: 0)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mail = try Sample.compose(Sample.request())
        try SendmailTransport(command: command).send(mail)
        let arguments = try String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8)
        #expect(arguments == "-i\n-f\ncalendar@example.org\n--\ngrace@example.net\n")
        let input = try String(contentsOf: directory.appendingPathComponent("input"), encoding: .utf8)
        #expect(input == mail.message.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func exitStatusesMapToTransientAndPermanent() throws {
        let (tempfail, directory1) = try fakeSendmail(exitCode: 75)
        let (nouser, directory2) = try fakeSendmail(exitCode: 67)
        defer {
            try? FileManager.default.removeItem(at: directory1)
            try? FileManager.default.removeItem(at: directory2)
        }
        #expect(throws: MailTransportError.transient("\(tempfail) exited with 75: fake failure")) {
            try SendmailTransport(command: tempfail).send("x\r\n", from: "a@example.org", to: ["b@example.org"])
        }
        #expect(throws: MailTransportError.permanent("\(nouser) exited with 67: fake failure")) {
            try SendmailTransport(command: nouser).send("x\r\n", from: "a@example.org", to: ["b@example.org"])
        }
        #expect(throws: MailTransportError.self) {
            try SendmailTransport(command: "/nonexistent/sendmail").send("x", from: "a@example.org", to: ["b@example.org"])
        }
    }

    @Test func optionLikeAddressesNeverReachTheCommand() throws {
        let (command, directory) = try fakeSendmail(exitCode: 0)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: MailTransportError.self) {
            try SendmailTransport(command: command).send("x", from: "a@example.org", to: ["-oQ/tmp/x@example.org"])
        }
        #expect(throws: MailTransportError.self) {
            try SendmailTransport(command: command).send("x", from: "-Cevil@example.org", to: ["b@example.org"])
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("args").path))
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func backoffSchedule() {
        let error = MailTransportError.transient("down")
        #expect(policy.nextAttempt(afterFailures: 1, now: 1000, error: error) == 1060)
        #expect(policy.nextAttempt(afterFailures: 2, now: 1000, error: error) == 1300)
        #expect(policy.nextAttempt(afterFailures: 3, now: 1000, error: error) == 1900)
        #expect(policy.nextAttempt(afterFailures: 4, now: 1000, error: error) == 4600)
        #expect(policy.nextAttempt(afterFailures: 10, now: 1000, error: error) == 15_400)
    }

    @Test func givesUpAfterTwoDays() {
        let error = MailTransportError.transient("down")
        var failures = 1
        while policy.nextAttempt(afterFailures: failures, now: 0, error: error) != nil { failures += 1 }
        #expect(policy.totalWait(afterFailures: failures - 1) <= 172_800)
        #expect(policy.totalWait(afterFailures: failures) > 172_800)
        #expect(failures == 17)
    }

    @Test func permanentErrorsStopAtOnce() {
        #expect(policy.nextAttempt(afterFailures: 1, now: 0, error: .permanent("550")) == nil)
        #expect(IMIPDeliveryStatus.sent.rawValue == "1.1")
        #expect(IMIPDeliveryStatus.failed.rawValue == "5.1")
    }
}

@Suite struct RateLimiterTests {
    @Test func recipientLimit() {
        var limiter = RateLimiter(maxMessagesPerHour: 100, maxRecipientsPerMessage: 3)
        #expect(limiter.admit(user: "principals/alice", recipients: 3, now: 0) == .allowed)
        #expect(limiter.admit(user: "principals/alice", recipients: 4, now: 0) == .tooManyRecipients(limit: 3))
    }

    @Test func hourlyWindowPerUser() {
        var limiter = RateLimiter(maxMessagesPerHour: 5, maxRecipientsPerMessage: 0)
        #expect(limiter.admit(user: "principals/alice", recipients: 2, now: 100) == .allowed)
        #expect(limiter.admit(user: "principals/alice", recipients: 3, now: 200) == .allowed)
        #expect(limiter.admit(user: "principals/alice", recipients: 1, now: 300) == .rateExceeded(limit: 5, retryAfter: 3700))
        #expect(limiter.admit(user: "principals/bob", recipients: 5, now: 300) == .allowed)
        // Refusals are not counted; after the first sends leave the window there is room again.
        #expect(limiter.admit(user: "PRINCIPALS/ALICE", recipients: 2, now: 3701) == .allowed)
        #expect(limiter.admit(user: "principals/alice", recipients: 1, now: 3702) == .rateExceeded(limit: 5, retryAfter: 3800))
        var unlimited = RateLimiter(maxMessagesPerHour: 0, maxRecipientsPerMessage: 0)
        #expect(unlimited.admit(user: "x", recipients: 10_000, now: 0) == .allowed)
    }
}
