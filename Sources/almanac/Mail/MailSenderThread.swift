import CalDAV
import Foundation
import IMIP
import Logging
import MariaDBStore

/// The background thread of `almanac serve` that sends queued iMIP mail: looks at the
/// queue every `pollInterval` seconds, sends what is due, and stops promptly on shutdown.
final class MailSenderThread: Sendable {
    private let stopSignal = StopSignal()
    private let finished = DispatchSemaphore(value: 0)
    private let database: MariaDBConfiguration
    private let engineConfiguration: ServerConfiguration
    private let transport: any MailTransport
    private let pollInterval: Double
    private let policy: RetryPolicy
    private let logger: Logger

    init(
        database: MariaDBConfiguration, engineConfiguration: ServerConfiguration, transport: any MailTransport,
        pollInterval: Double, policy: RetryPolicy, logger: Logger
    ) {
        self.policy = policy
        self.database = database
        self.engineConfiguration = engineConfiguration
        self.transport = transport
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in
            MariaDBLibrary.threadStart()
            run()
            MariaDBLibrary.threadEnd()
            finished.signal()
        }
        thread.name = "almanac-mail"
        thread.start()
    }

    /// Asks the thread to stop and waits up to `timeout` seconds for it (a send in progress
    /// runs to its end or its SMTP timeout).
    func stop(timeout: Double) {
        stopSignal.stop()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            logger.warning("imip: mail sender still busy at shutdown; a mail sent now may go out again later")
        }
    }

    private func run() {
        let store = MariaDBStore(configuration: database)
        let server = CalDAVServer(
            store: store, configuration: engineConfiguration, now: { Int64(Date().timeIntervalSince1970) },
            makeID: { UUID().uuidString.lowercased() }, logger: logger)
        let sender = MailSender(server: server, transport: transport, policy: policy, logger: logger)
        logger.info("imip: mail sender started")
        var failures = 0
        while !stopSignal.isStopped {
            do {
                try sender.sendDue(now: { Int64(Date().timeIntervalSince1970) }, shouldStop: { stopSignal.isStopped })
                failures = 0
            } catch {
                // The database may be away; the mails wait in it. Look again later, less often
                // while it stays away (up to a minute), so the log is not flooded.
                failures += 1
                logger.error("imip: cannot read the mail queue: \(error)", metadata: ["failures": "\(failures)"])
            }
            stopSignal.wait(seconds: min(60, pollInterval * Double(1 << min(failures, 6))))
        }
        logger.info("imip: mail sender stopped")
    }
}

/// A stop flag a sleeping thread can be woken by.
final class StopSignal: @unchecked Sendable {
    // Safe: `stopped` is only read and written with `condition` locked.
    private let condition = NSCondition()
    private var stopped = false

    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sleeps up to `seconds`, less when stopped.
    func wait(seconds: Double) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !stopped && Date() < deadline {
            _ = condition.wait(until: deadline)
        }
    }
}
