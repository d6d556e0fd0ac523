import Foundation
import ICalendar

/// Builds the complete iMIP mail for one recipient (RFC 6047, RFC 5322, RFC 2045–2047).
///
/// The layout is the one Gmail, Outlook and Apple Mail recognise to show their
/// accept/decline buttons:
/// ```
/// multipart/mixed
/// ├── multipart/alternative
/// │   ├── text/plain                 (quoted-printable)
/// │   ├── text/html                  (quoted-printable)
/// │   └── text/calendar; method=…    (base64, the iTIP part, RFC 6047 §2.4)
/// └── application/ics; name="invite.ics"  (base64, attachment)
/// ```
/// Pure: the date and all ids come in as arguments.
public struct IMIPComposer: Sendable {
    /// Addressing and defaults.
    public var configuration: IMIPConfiguration
    /// The loaded templates.
    public var templates: MailTemplates

    /// Creates a composer.
    public init(configuration: IMIPConfiguration, templates: MailTemplates) {
        self.configuration = configuration
        self.templates = templates
    }

    /// Composes the message; `messageID` is a unique local part (or a full `<id@host>`),
    /// `makeBoundary` returns a fresh unique token per call.
    public func compose(
        _ outgoing: IMIPOutgoing, date: Int64, messageID: String, makeBoundary: () -> String
    ) throws -> ComposedMail {
        let sender = MailAddress(configuration.senderAddress)
        guard sender.isValid else { throw IMIPError.invalidAddress(configuration.senderAddress) }
        guard outgoing.recipient.isValid else { throw IMIPError.invalidAddress(outgoing.recipient.address) }
        guard outgoing.originator.isValid else { throw IMIPError.invalidAddress(outgoing.originator.address) }

        var calendar = outgoing.calendar
        calendar.setProperty(ICalProperty("METHOD", rawValue: outgoing.method.rawValue))
        let language = templates.language(for: outgoing.recipientLanguage, fallback: configuration.defaultLanguage)
        let words = DateWords.forLanguage(String(language.split(separator: "-").first ?? "en"))
        let zone = displayZone(for: outgoing, calendar: calendar)
        let untitled = words.untitled
        guard let details = EventDetails(calendar: calendar, words: words, displayZone: zone, untitled: untitled) else {
            throw IMIPError.noComponent
        }
        let previous = outgoing.previous.flatMap {
            EventDetails(calendar: $0, words: words, displayZone: zone, untitled: untitled)
        }
        let context = MailContext.build(
            outgoing, details: details, previous: previous, configuration: configuration, language: language)
        let set = templates.set(language)
        let subject = HeaderText.sanitized(set.subject.render(context), maxLength: 250)
        let text = set.text.render(context)
        let html = set.html.render(context)
        let ics = calendar.serialized()

        let domain = sender.address.split(separator: "@").last.map(String.init) ?? "localhost"
        let id = messageID.contains("@") ? messageID : "\(Self.token(messageID))@\(domain)"
        let fullID = id.hasPrefix("<") ? id : "<\(id)>"

        let method = outgoing.method.rawValue
        let alternative = MIMEPart(
            multipart: "alternative", boundary: "=_alt_" + Self.token(makeBoundary()),
            children: [
                MIMEPart(
                    headers: [
                        ("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable"),
                    ], body: QuotedPrintable.encode(text)),
                MIMEPart(
                    headers: [
                        ("Content-Type", "text/html; charset=UTF-8"), ("Content-Transfer-Encoding", "quoted-printable"),
                    ], body: QuotedPrintable.encode(html)),
                MIMEPart(
                    headers: [
                        ("Content-Type", "text/calendar; charset=UTF-8; method=\(method)"),
                        ("Content-Transfer-Encoding", "base64"),
                    ], body: Self.base64(ics)),
            ])
        let attachment = MIMEPart(
            headers: [
                ("Content-Type", "application/ics; name=\"invite.ics\""),
                ("Content-Disposition", "attachment; filename=\"invite.ics\""),
                ("Content-Transfer-Encoding", "base64"),
            ], body: Self.base64(ics))

        let originatorName = MailContext.displayName(outgoing.originator)
        let fromName = configuration.senderNameFormat.replacingOccurrences(of: "{name}", with: originatorName)
        var headers: [(name: String, value: String)] = [("Date", Self.rfc5322Date(date)), ("Message-ID", fullID)]
        if configuration.fromOriginatorAddress {
            // RFC 5322 §3.6.2: the agent that sends on the author's behalf goes in Sender.
            headers.append(("From", outgoing.originator.headerValue()))
            headers.append(("Sender", MailAddress(sender.address, name: configuration.productName).headerValue()))
        } else {
            headers.append(("From", MailAddress(sender.address, name: fromName).headerValue()))
        }
        headers += [
            ("Reply-To", outgoing.originator.headerValue()),
            ("To", outgoing.recipient.headerValue()),
            ("Subject", EncodedWord.unstructured(subject)),
            ("MIME-Version", "1.0"),
            // RFC 3834 §5: keeps vacation responders from answering invitations.
            ("Auto-Submitted", "auto-generated"),
        ]
        let root = MIMEPart(
            multipart: "mixed", boundary: "=_mix_" + Self.token(makeBoundary()), children: [alternative, attachment],
            extraHeaders: headers)
        return ComposedMail(
            envelopeSender: sender.address, recipient: outgoing.recipient.address, messageID: fullID, subject: subject,
            language: language, message: root.serialized())
    }

    /// The recipient's zone, else (for UTC times) the configured default, else nil = the event's own zone.
    private func displayZone(for outgoing: IMIPOutgoing, calendar: ICalComponent) -> ICalTimeZone? {
        if let id = outgoing.recipientTimeZone, let zone = ICalTimeZone.named(id) { return zone }
        if let id = configuration.defaultTimeZone, let zone = ICalTimeZone.named(id),
            let start = EventDetails.mainComponent(of: calendar)?.property("DTSTART"),
            start.rawValue.uppercased().hasSuffix("Z")
        {
            return zone
        }
        return nil
    }

    /// Letters, digits, `.`, `-`, `_` only, at most 60: safe inside a boundary or Message-ID.
    static func token(_ text: String) -> String {
        let allowed = text.unicodeScalars.filter {
            ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x41 && $0.value <= 0x5A)
                || ($0.value >= 0x61 && $0.value <= 0x7A) || $0 == "." || $0 == "-" || $0 == "_"
        }
        var result = String(String.UnicodeScalarView(allowed.prefix(60)))
        if result.isEmpty { result = "x" }
        return result
    }

    /// Base64 in lines of 76 characters (RFC 2045 §6.8).
    static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// `Wed, 25 Nov 2026 08:24:43 +0000` (RFC 5322 §3.3).
    public static func rfc5322Date(_ seconds: Int64) -> String {
        let value = LocalDateTime(secondsSinceEpoch: seconds)
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(days[value.weekday - 1]), \(two(value.day)) \(months[value.month - 1]) \(value.year) "
            + "\(two(value.hour)):\(two(value.minute)):\(two(value.second)) +0000"
    }
}
