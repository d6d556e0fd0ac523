import CalDAV
import Foundation
import Logging
import MariaDBStore

/// Turns the `imip.*` settings into the server's external delivery and its mail sender.
enum IMIPSetup {
    /// With `imip.enabled`, sets `configuration.externalDelivery` and returns the (not yet
    /// started) sender thread; nil when iMIP is off. Bad settings stop the start.
    static func configure(
        _ configuration: inout ServerConfiguration, settings: IMIPSettings, database: MariaDBConfiguration,
        logger: Logger
    ) throws -> MailSenderThread? {
        guard settings.enabled else { return nil }
        let transport = try settings.transport()
        configuration.externalDelivery = IMIPScheduleDelivery(
            composer: try settings.composer(),
            limits: SendingLimits(maxPerHour: settings.maxPerHour, maxRecipients: settings.maxRecipients),
            makeID: { UUID().uuidString.lowercased() }, logger: logger)
        logger.info(
            "imip: enabled",
            metadata: [
                "sender": "\(settings.sender ?? "-")",
                "transport": "\(settings.smtpURL ?? settings.sendmailCommand ?? "-")",
            ])
        return MailSenderThread(
            database: database, engineConfiguration: configuration, transport: transport,
            pollInterval: settings.pollInterval, policy: settings.retryPolicy, logger: logger)
    }
}
