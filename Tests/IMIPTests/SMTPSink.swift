import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A loopback SMTP server (python aiosmtpd) for delivery tests.
///
/// Spawned with posix_spawn and close-on-exec pipes, never Foundation's
/// `Process`: under swift-testing's parallel runs a `Process` child could
/// inherit the write end of another sink's stdin pipe, so closing ours never
/// reached python as EOF and `waitUntilExit` hung the suite. Every wait here
/// has a deadline.
final class SMTPSink {
    /// Whether python3 with aiosmtpd is installed (`pip install aiosmtpd`).
    static let available: Bool = {
        (try? ChildProcess.run(["python3", "-c", "import aiosmtpd"], timeout: 30)) == 0
    }()

    let directory: URL
    let port: Int
    private let child: ChildProcess

    /// Starts the sink with extra script arguments (`--auth u:p`, `--starttls cert key`, `--tls cert key`).
    init(_ arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = Bundle.module.url(forResource: "Fixtures/smtp_sink", withExtension: "py")!
        child = try ChildProcess(["python3", "-W", "ignore", script.path, directory.path] + arguments, pipes: true)
        let line = child.readLine(timeout: 30)
        guard let line, line.hasPrefix("READY"),
            let port = Int(line.split(separator: " ")[1].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            child.kill()
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

    /// Closes the sink's stdin (it exits on EOF) and waits for it, killing it after a deadline.
    func stop() {
        child.closeInput()
        if child.wait(timeout: 10) == nil { child.kill() }
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { child.kill() }

    /// A self-signed certificate for 127.0.0.1 and localhost: (cert, key) paths.
    static func makeCertificate(in directory: URL) throws -> (String, String) {
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        let status = try ChildProcess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert,
            ], timeout: 60)
        guard status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return (cert, key)
    }
}

/// A child process started with posix_spawn through `/usr/bin/env`, with deadlines on every wait.
final class ChildProcess {
    private var pid: pid_t = 0
    private var inputFD: Int32 = -1
    private var outputFD: Int32 = -1
    private var exited = false
    private var buffer: [UInt8] = []

    /// Spawns `arguments` (looked up on PATH); with `pipes`, stdin and stdout are pipes to us.
    init(_ arguments: [String], pipes: Bool) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        if pipes {
            var stdinPipe: [Int32] = [0, 0]
            var stdoutPipe: [Int32] = [0, 0]
            // pipe2(O_CLOEXEC) is not visible from Swift here; set the flag right after.
            guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0 else { throw CocoaError(.fileWriteUnknown) }
            for fd in stdinPipe + stdoutPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
            posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
            inputFD = stdinPipe[1]
            outputFD = stdoutPipe[0]
            childEnds = [stdinPipe[0], stdoutPipe[1]]
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, environ)
        childEnds.forEach { close($0) }
        guard result == 0 else {
            closeInput()
            if outputFD >= 0 { close(outputFD) }
            throw CocoaError(.executableLoad)
        }
    }

    /// Runs a command to completion; its exit status, or nil if it had to be killed.
    static func run(_ arguments: [String], timeout: Double) throws -> Int32? {
        let child = try ChildProcess(arguments, pipes: false)
        guard let status = child.wait(timeout: timeout) else {
            child.kill()
            return nil
        }
        return status
    }

    /// One line of the child's stdout, or nil at EOF or after `timeout` seconds.
    func readLine(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[...newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, outputFD >= 0 else { return nil }
            var descriptor = pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(remaining * 1000))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(outputFD, &chunk, chunk.count)
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Closes the child's stdin.
    func closeInput() {
        if inputFD >= 0 {
            close(inputFD)
            inputFD = -1
        }
    }

    /// The exit status once the child ends, or nil if it is still running after `timeout` seconds.
    func wait(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exited = true
                return (status >> 8) & 0xff
            }
            if result < 0 && errno != EINTR {
                exited = true
                return -1
            }
            if Date() >= deadline { return nil }
            usleep(20_000)
        }
    }

    /// Kills the child (if it still runs) and reaps it.
    func kill() {
        closeInput()
        if outputFD >= 0 {
            close(outputFD)
            outputFD = -1
        }
        guard !exited, pid > 0 else { return }
        Glibc.kill(pid, SIGKILL)
        _ = wait(timeout: 5)
    }

    deinit { kill() }
}
