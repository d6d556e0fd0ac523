import ArgumentParser
import CalDAV
import Foundation
import Logging
import MariaDBStore

/// `almanac imip`: invitations by mail (RFC 6047).
struct IMIPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imip", abstract: "Invitations by mail (iMIP).", subcommands: [Receive.self])

    /// `almanac imip receive`: one mail on standard input, as an MTA pipes it.
    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply one iMIP mail (RFC 5322 on stdin) to its local recipients.",
            discussion: """
                For a Postfix pipe transport or alias. Exit status: 0 applied, 65 no iTIP part, \
                malformed or sender mismatch, 67 no local recipient, 75 database unavailable \
                (the MTA retries). Nothing changes unless the status is 0. One log line on stderr.
                """)

        @OptionGroup var common: CommonOptions

        @Option(
            name: .customLong("recipient"),
            help: "Envelope recipient the MTA delivered to (repeatable, e.g. Postfix ${recipient}).")
        var recipients: [String] = []

        func run() throws {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            let result = Self.receive(bytes, common: common, recipients: recipients)
            FileHandle.standardError.write(Data("almanac imip receive: \(result.summary)\n".utf8))
            if result.status != .applied { throw ExitCode(result.status.rawValue) }
        }

        static func receive(_ bytes: [UInt8], common: CommonOptions, recipients: [String]) -> InboundResult {
            let settings: Settings
            let database: MariaDBConfiguration
            do {
                settings = try common.settings()
                database = try settings.database()
            } catch {
                return InboundResult(status: .tempFail, summary: "configuration: \(error)")
            }
            MariaDBLibrary.initialize()
            let store = MariaDBStore(configuration: database)
            let server = CalDAVServer(
                store: store,
                configuration: ServerConfiguration(basePath: settings.basePath, digestSecret: "unused"),
                now: { Int64(Date().timeIntervalSince1970) }, makeID: { UUID().uuidString.lowercased() },
                // The one summary line is the whole log: an MTA may put our output in a bounce.
                logger: Logger(label: "almanac.imip", factory: { _ in SwiftLogNoOpLogHandler() }))
            return InboundMail(server: server, receiver: settings.imip.receiver())
                .apply(bytes, envelopeRecipients: recipients)
        }
    }
}
