import ArgumentParser
import CalDAV
import FastCGIFront
import Foundation
import Logging
import MariaDBStore

/// `almanac serve`: the FastCGI responder.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the FastCGI responder until SIGTERM/SIGINT.")

    @OptionGroup var common: CommonOptions

    @Option(help: "unix:/path/to.sock, tcp:127.0.0.1:9000, or fd0 (spawned by mod_fcgid).")
    var listen: String?

    @Option(help: "Worker threads (default: 2 x cores; 1 for fd0).")
    var workers: Int?

    @Option(help: "HTTP auth realm (SabreDAV keeps sabre's digests valid).")
    var realm: String?

    @Option(name: .customLong("base-url"), help: "Path (or URL) the server is mounted at.")
    var baseURL: String?

    @Option(name: .customLong("max-body"), help: "Largest request body, e.g. 10M.")
    var maxBody: String?

    func run() throws {
        // Before any thread exists, so every thread inherits the mask and only sigwait sees the signals.
        FastCGIServer.blockTerminationSignals()
        var settings = try common.settings()
        if let listen { settings.listen = listen }
        if let workers { settings.workers = workers }
        if let realm { settings.realm = realm }
        if let baseURL { settings.baseURL = baseURL }
        if let maxBody { try settings.set("max_body", maxBody) }
        let logger = LogSetup.bootstrap(level: settings.logLevel)
        let database = try settings.database()
        let listenAddress = try settings.listenAddress()
        MariaDBLibrary.initialize()
        try checkSchema(database, logger: logger)

        let workerCount: Int
        if let configured = settings.workers {
            workerCount = configured
        } else if listenAddress == .inherited {
            workerCount = 1  // mod_fcgid sends one request at a time per process
        } else {
            workerCount = 2 * ProcessInfo.processInfo.activeProcessorCount
        }
        let secret = try settings.digestSecret ?? sharedDigestSecret(database, logger: logger)
        var serverConfiguration = ServerConfiguration(
            realm: settings.realm, basePath: settings.basePath, maxBodySize: settings.maxBody,
            trustRemoteUser: settings.trustRemoteUser, digestSecret: secret)
        let mailSender = try IMIPSetup.configure(
            &serverConfiguration, settings: settings.imip, database: database, logger: logger)
        let engineConfiguration = serverConfiguration
        let fastCGI = FastCGIConfiguration(
            listen: listenAddress, workers: workerCount, maxBodySize: settings.maxBody,
            drainTimeout: settings.drainTimeout)
        logger.info("database", metadata: ["url": "\(database.redacted)"])
        let server = FastCGIServer(
            configuration: fastCGI, logger: logger, workerStart: { MariaDBLibrary.threadStart() },
            workerExit: { MariaDBLibrary.threadEnd() },
            makeHandler: {
                // Runs in the worker thread: the store (its connection) belongs to that thread.
                let store = MariaDBStore(configuration: database)
                let engine = CalDAVServer(
                    store: store, configuration: engineConfiguration, now: { Int64(Date().timeIntervalSince1970) },
                    makeID: { UUID().uuidString.lowercased() }, logger: logger)
                return CountingHandler(engine: engine, store: store, logger: logger)
            })
        mailSender?.start()
        defer { mailSender?.stop(timeout: settings.drainTimeout) }
        try server.run()
    }

    /// Refuses to start on a database without the sabre tables or Almanac's additions.
    /// The Digest nonce secret shared through `almanac_settings`, so every responder on the
    /// database (mod_fcgid processes, several hosts) accepts the others' nonces (RFC 7616 §3.3).
    private func sharedDigestSecret(_ database: MariaDBConfiguration, logger: Logger) throws -> String {
        let store = MariaDBStore(configuration: database)
        defer { store.connection.close() }
        let initial = (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
        return try store.sharedSetting(named: "digest_secret", initial: initial)
    }

    private func checkSchema(_ database: MariaDBConfiguration, logger: Logger) throws {
        let connection = MariaDBConnection(configuration: database)
        defer { connection.close() }
        let report = try SchemaManager(connection: connection).check()
        for difference in report.differences { logger.warning("schema: \(difference)") }
        if !report.missingAdditions.isEmpty {
            throw ValidationError(
                "database lacks Almanac's additions (\(report.missingAdditions.joined(separator: ", "))): "
                    + "run `almanac db upgrade` (or `almanac db init` on an empty database)")
        }
    }
}

/// Logging set-up for the executable.
enum LogSetup {
    /// Sends logs to standard error at `level` and returns the root logger.
    static func bootstrap(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "almanac")
        logger.logLevel = level
        return logger
    }
}
