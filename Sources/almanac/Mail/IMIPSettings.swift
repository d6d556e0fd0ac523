import ArgumentParser
import Foundation
import IMIP

/// The `imip.*`, `smtp.*` and `sendmail.*` settings: how invitations go out by mail and
/// how mailed replies are checked (RFC 6047).
struct IMIPSettings {
    var enabled = false
    var sender: String?
    var senderNameFormat = "{name} via Almanac"
    var defaultLanguage = "en"
    var defaultTimeZone: String?
    var templates: String?
    var smtpURL: String?
    var smtpSecurity: SMTPConfiguration.Security?
    var smtpUsername: String?
    var smtpPassword: String?
    var smtpCAFile: String?
    var smtpVerify = true
    var sendmailCommand: String?
    var maxPerHour = 100
    var maxRecipients = 50
    var trustedSenders: [String] = []
    var authservID: String?
    /// Seconds between looks at the queue when it is empty.
    var pollInterval = 2.0
    /// When failed deliveries are retried, and when they are given up.
    var retryPolicy = RetryPolicy()

    /// Applies one key; false when the key is not one of these.
    mutating func set(_ key: String, _ value: String) throws -> Bool {
        switch key {
        case "imip.enabled": enabled = try Self.bool(key, value)
        case "imip.sender":
            guard MailAddress(value).isValid else { throw ValidationError("imip.sender: not a mail address: \(value)") }
            sender = MailAddress(value).address
        case "imip.sender-name-format": senderNameFormat = value
        case "imip.default-language": defaultLanguage = value.lowercased()
        case "imip.default-timezone": defaultTimeZone = value.isEmpty ? nil : value
        case "imip.templates": templates = value.isEmpty ? nil : value
        case "imip.max-per-hour": maxPerHour = try Self.count(key, value)
        case "imip.max-recipients": maxRecipients = try Self.count(key, value)
        case "imip.trusted-senders":
            trustedSenders = value.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        case "imip.authserv-id": authservID = value.isEmpty ? nil : value
        case "imip.poll-interval":
            guard let seconds = Double(value), seconds > 0 else { throw ValidationError("imip.poll-interval: seconds") }
            pollInterval = seconds
        case "imip.retry-delays":
            let delays = value.split(separator: ",").map { Int64($0.trimmingCharacters(in: .whitespaces)) }
            guard !delays.isEmpty, delays.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw ValidationError("imip.retry-delays: seconds, comma-separated, e.g. 60,300,900")
            }
            retryPolicy.delays = delays.compactMap { $0 }
        case "imip.give-up-after":
            guard let seconds = Int64(value), seconds > 0 else { throw ValidationError("imip.give-up-after: seconds") }
            retryPolicy.giveUpAfter = seconds
        case "smtp.url":
            _ = try Self.parseSMTPURL(value)
            smtpURL = value
        case "smtp.security":
            guard let security = SMTPConfiguration.Security(rawValue: value.lowercased()) else {
                throw ValidationError("smtp.security: one of none, starttls, starttls-optional, tls")
            }
            smtpSecurity = security
        case "smtp.username": smtpUsername = value.isEmpty ? nil : value
        case "smtp.password": smtpPassword = value
        case "smtp.ca-file": smtpCAFile = value.isEmpty ? nil : value
        case "smtp.verify": smtpVerify = try Self.bool(key, value)
        case "sendmail.command": sendmailCommand = value.isEmpty ? nil : value
        default: return false
        }
        return true
    }

    static func bool(_ key: String, _ value: String) throws -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ValidationError("\(key): true or false")
        }
    }

    static func count(_ key: String, _ value: String) throws -> Int {
        guard let number = Int(value), number >= 0 else { throw ValidationError("\(key): a number (0 = unlimited)") }
        return number
    }

    /// `smtp://host:port` or `smtps://host:port` (IPv6 in brackets) → (implicit TLS?, host, port).
    static func parseSMTPURL(_ text: String) throws -> (implicitTLS: Bool, host: String, port: Int?) {
        let lower = text.lowercased()
        let implicitTLS: Bool
        let rest: Substring
        if lower.hasPrefix("smtps://") {
            implicitTLS = true
            rest = text.dropFirst("smtps://".count)
        } else if lower.hasPrefix("smtp://") {
            implicitTLS = false
            rest = text.dropFirst("smtp://".count)
        } else {
            throw ValidationError("smtp.url: expected smtp://host:port or smtps://host:port, got \(text)")
        }
        let authority = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var host = String(authority)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw ValidationError("smtp.url: unclosed [ in \(text)") }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            guard port != nil else { throw ValidationError("smtp.url: bad port in \(text)") }
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { throw ValidationError("smtp.url: no host in \(text)") }
        if let port, !(1...65535).contains(port) { throw ValidationError("smtp.url: bad port in \(text)") }
        return (implicitTLS, host, port)
    }

    /// The SMTP server settings, when `smtp.url` is set. Without `smtp.security`: `smtps://` is
    /// implicit TLS, port 587 requires STARTTLS, anything else uses STARTTLS when offered.
    func smtpConfiguration() throws -> SMTPConfiguration? {
        guard let smtpURL else { return nil }
        let (implicitTLS, host, port) = try Self.parseSMTPURL(smtpURL)
        let security: SMTPConfiguration.Security
        if let smtpSecurity {
            security = smtpSecurity
        } else if implicitTLS {
            security = .implicitTLS
        } else {
            security = port == 587 ? .startTLS : .startTLSOptional
        }
        if implicitTLS && security != .implicitTLS {
            throw ValidationError("smtp.url: smtps:// needs smtp.security = tls")
        }
        return SMTPConfiguration(
            host: host, port: port, security: security, username: smtpUsername, password: smtpPassword,
            caFile: smtpCAFile, verifyPeer: smtpVerify, verifyHost: smtpVerify)
    }

    /// The configured transport: SMTP or a sendmail command, exactly one of them.
    func transport() throws -> any MailTransport {
        let smtp = try smtpConfiguration()
        switch (smtp, sendmailCommand) {
        case (let smtp?, nil): return SMTPTransport(configuration: smtp)
        case (nil, let command?):
            var words = command.split(separator: " ").map(String.init)
            let executable = words.removeFirst()
            return SendmailTransport(command: executable, extraArguments: words)
        case (nil, nil): throw ValidationError("imip.enabled needs smtp.url or sendmail.command")
        case (_?, _?): throw ValidationError("set either smtp.url or sendmail.command, not both")
        }
    }

    /// The composer for outgoing mail, templates loaded (and checked) now.
    func composer() throws -> IMIPComposer {
        guard let sender else { throw ValidationError("imip.enabled needs imip.sender (the From address)") }
        let configuration = IMIPConfiguration(
            senderAddress: sender, senderNameFormat: senderNameFormat, defaultLanguage: defaultLanguage,
            defaultTimeZone: defaultTimeZone)
        do {
            return IMIPComposer(
                configuration: configuration, templates: try MailTemplates(overrideDirectory: templates))
        } catch {
            throw ValidationError("imip.templates: \(error)")
        }
    }

    /// The checker for inbound mail.
    func receiver() -> IMIPReceiver {
        IMIPReceiver(trustedSenders: Set(trustedSenders), authservID: authservID)
    }
}
