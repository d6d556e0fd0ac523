import Foundation

/// A loopback SMTP server (python aiosmtpd) for delivery tests.
final class SMTPSink {
    /// Whether python3 with aiosmtpd is installed (`pip install aiosmtpd`).
    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    let directory: URL
    let port: Int
    private let process: Process
    private let input: Pipe

    /// Starts the sink with extra script arguments (`--auth u:p`, `--starttls cert key`, `--tls cert key`).
    init(_ arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = Bundle.module.url(forResource: "Fixtures/smtp_sink", withExtension: "py")!
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-W", "ignore", script.path, directory.path] + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = ""
        let reader = output.fileHandleForReading
        while !line.contains("\n") {
            let data = reader.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        guard line.hasPrefix("READY"), let port = Int(line.split(separator: " ")[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
    }

    /// Received messages, in order: envelope JSON and raw bytes.
    func received() -> [(envelope: [String: Any], message: [UInt8])] {
        var result: [(envelope: [String: Any], message: [UInt8])] = []
        var index = 1
        while let json = try? Data(contentsOf: directory.appendingPathComponent("\(index).json")),
            let message = try? Data(contentsOf: directory.appendingPathComponent("\(index).eml"))
        {
            let envelope = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] ?? [:]
            result.append((envelope, Array(message)))
            index += 1
        }
        return result
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// A self-signed certificate for 127.0.0.1 and localhost: (cert, key) paths.
    static func makeCertificate(in directory: URL) throws -> (String, String) {
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (cert, key)
    }
}
