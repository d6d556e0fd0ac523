import Foundation

/// Delivers by piping to a sendmail-compatible command: `sendmail -i -f sender -- rcpt…`.
///
/// The message goes in with LF line breaks, the local convention of the
/// sendmail interface. Exit status 75 (EX_TEMPFAIL) and other sysexits that
/// mean "not now" are transient; any other non-zero status is permanent.
public struct SendmailTransport: MailTransport {
    /// The command, e.g. `/usr/sbin/sendmail`.
    public var command: String
    /// Extra arguments placed before `-i -f`.
    public var extraArguments: [String]
    /// Seconds to wait for the command before killing it (transient failure).
    public var timeout: Double

    /// Creates a transport.
    public init(command: String = "/usr/sbin/sendmail", extraArguments: [String] = [], timeout: Double = 60) {
        self.command = command
        self.extraArguments = extraArguments
        self.timeout = timeout
    }

    /// Runs the command with the message on standard input.
    public func send(_ message: String, from sender: String, to recipients: [String]) throws(MailTransportError) {
        let (from, to) = try envelope(from: sender, to: recipients)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = extraArguments + ["-i", "-f", from.address, "--"] + to.map(\.address)
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .transient("cannot run \(command): \(error)")
        }
        let data = Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let writer = input.fileHandleForWriting
        do {
            try writer.write(contentsOf: data)
            try writer.close()
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw .transient("\(command) did not take the message: \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .transient("\(command) timed out after \(Int(timeout)) s")
        }
        let stderr = String(decoding: errors.fileHandleForReading.availableData.prefix(2000), as: UTF8.self).trimmingSpaces
        let status = process.terminationStatus
        guard process.terminationReason == .exit else { throw .transient("\(command) killed by signal \(status)") }
        switch status {
        case 0: return
        case 69, 70, 71, 74, 75:  // EX_UNAVAILABLE, EX_SOFTWARE, EX_OSERR, EX_IOERR, EX_TEMPFAIL
            throw .transient("\(command) exited with \(status)\(stderr.isEmpty ? "" : ": \(stderr)")")
        default:
            throw .permanent("\(command) exited with \(status)\(stderr.isEmpty ? "" : ": \(stderr)")")
        }
    }
}
