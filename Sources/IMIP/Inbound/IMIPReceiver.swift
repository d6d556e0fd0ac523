import ICalendar
import ITIP

/// Reads one received mail and finds and checks its iTIP part (RFC 6047 §2.4, §3).
///
/// Finds the first `text/calendar`, `application/ics` or `.ics`-named part
/// whose VCALENDAR carries a method, at any multipart depth, then checks that
/// the From address is the calendar user the message speaks for: every
/// ATTENDEE of a REPLY, an ATTENDEE of a COUNTER or REFRESH, the ORGANIZER of
/// anything the organizer sends. A `SENT-BY` on that property names a
/// delegate who may send instead (RFC 5545 §3.2.18). Only From counts: it is
/// the header DMARC aligns; Sender and Reply-To are not checked by anyone.
/// From is only as good as the MTA's checks: set `authservID` to require them.
public struct IMIPReceiver: Sendable {
    /// Larger messages are rejected as malformed.
    public var maxMessageSize: Int
    /// From addresses trusted to speak for anyone: calendar servers that send
    /// from one service address (as Almanac and sabre do), configured by the admin.
    public var trustedSenders: Set<String>
    /// When set, the From domain must pass DMARC, or aligned DKIM or SPF, in an
    /// `Authentication-Results` field with this authserv-id (our MTA's, e.g.
    /// `mx.example.org`); the MTA must strip such fields arriving from outside.
    public var authservID: String?

    /// Creates a receiver.
    public init(maxMessageSize: Int = 10 * 1024 * 1024, trustedSenders: Set<String> = [], authservID: String? = nil) {
        self.maxMessageSize = maxMessageSize
        self.authservID = authservID
        self.trustedSenders = Set(trustedSenders.map { MailAddress.bareAddress($0).lowercased() })
    }

    /// Parses and validates one RFC 5322 message.
    public func receive(_ bytes: [UInt8]) throws(IMIPError) -> IMIPIncoming {
        guard bytes.count <= maxMessageSize else { throw .malformed("message larger than \(maxMessageSize) bytes") }
        let message = MIMEEntity(parsing: bytes)
        guard let fromHeader = message.header("From"), let sender = AddressList.parse(fromHeader).first, sender.isValid else {
            throw .malformed("no usable From address")
        }
        if let authservID {
            let results = AuthenticationResults.results(in: message.headers, authservID: authservID)
            let domain = String(sender.address.split(separator: "@").last ?? "")
            guard AuthenticationResults.authenticates(results, fromDomain: domain) else {
                throw .senderNotAuthenticated(sender: sender.address)
            }
        }
        let (method, calendar) = try Self.findITIP(in: message)
        let components = calendar.components.filter { ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY"].contains($0.name) }
        guard let first = components.first else { throw .malformed("calendar holds no component") }
        guard let uid = first[raw: "UID"]?.trimmingSpaces, !uid.isEmpty else { throw .malformed("component without UID") }
        let organizer = components.lazy.compactMap { $0.property("ORGANIZER") }.first
        let speaksFor = try Self.check(
            sender: sender, method: method, components: components, organizer: organizer,
            trusted: trustedSenders.contains(sender.address.lowercased()))
        return IMIPIncoming(
            method: method, calendar: calendar, uid: uid,
            sequence: Int(first[raw: "SEQUENCE"]?.trimmingSpaces ?? "") ?? 0, sender: sender,
            senderHeader: message.header("Sender").flatMap { AddressList.parse($0).first },
            replyTo: message.header("Reply-To").flatMap { AddressList.parse($0).first }, speaksFor: speaksFor,
            organizer: organizer.map { MailAddress.bareAddress($0.rawValue) },
            recipients: message.headers.filter { ["to", "cc"].contains($0.name.lowercased()) }.flatMap { AddressList.parse($0.value) },
            messageID: message.header("Message-ID"),
            subject: message.header("Subject").map { EncodedWord.decode($0) })
    }

    /// Whether a part may hold iCalendar data (RFC 6047 §2.4; clients also use octet-stream with `.ics`).
    static func isCalendarPart(_ entity: MIMEEntity) -> Bool {
        switch entity.mediaType {
        case "text/calendar", "application/ics", "application/icalendar", "text/x-vcalendar": return true
        default: return entity.filename?.lowercased().hasSuffix(".ics") ?? false
        }
    }

    static func findITIP(in message: MIMEEntity) throws(IMIPError) -> (ITIPMethod, ICalComponent) {
        var candidates = message.leaves.filter(isCalendarPart)
        // A part that names its method (the iTIP part proper) before plain attachments.
        candidates.sort { ($0.parameters["method"] != nil ? 0 : 1) < ($1.parameters["method"] != nil ? 0 : 1) }
        var malformed: String?
        for part in candidates {
            guard let calendar = try? ICalComponent.parse(part.text), calendar.name == "VCALENDAR" else {
                malformed = malformed ?? "unreadable iCalendar in \(part.mediaType) part"
                continue
            }
            let declared = calendar[raw: "METHOD"] ?? part.parameters["method"]
            guard let declared else { continue }
            guard let method = ITIPMethod(rawValue: declared.trimmingSpaces.uppercased()) else {
                malformed = malformed ?? "unknown METHOD \(declared)"
                continue
            }
            return (method, calendar)
        }
        if let malformed { throw .malformed(malformed) }
        throw .noITIPPart
    }

    /// The address the message speaks for, or `senderMismatch`.
    static func check(
        sender: MailAddress, method: ITIPMethod, components: [ICalComponent], organizer: ICalProperty?, trusted: Bool
    ) throws(IMIPError) -> String {
        func matches(_ property: ICalProperty) -> Bool {
            if trusted { return true }
            if MailAddress.sameAddress(property.rawValue, sender.address) { return true }
            if let sentBy = property[parameter: "SENT-BY"], MailAddress.sameAddress(sentBy, sender.address) { return true }
            return false
        }
        if method.isSentByOrganizer {
            guard let organizer else { throw .malformed("\(method.rawValue) without ORGANIZER") }
            guard matches(organizer) else {
                throw .senderMismatch(sender: sender.address, expected: [MailAddress.bareAddress(organizer.rawValue)])
            }
            return MailAddress.bareAddress(organizer.rawValue)
        }
        let attendees = components.flatMap { $0.properties(named: "ATTENDEE") }
        guard !attendees.isEmpty else { throw .malformed("\(method.rawValue) without ATTENDEE") }
        let expected = Array(Set(attendees.map { MailAddress.bareAddress($0.rawValue).lowercased() })).sorted()
        if method == .reply {
            // A reply answers for exactly one attendee: all its ATTENDEE lines must be the sender.
            guard attendees.allSatisfy(matches) else { throw .senderMismatch(sender: sender.address, expected: expected) }
            return MailAddress.bareAddress(attendees[0].rawValue)
        }
        guard let mine = attendees.first(where: matches) else {
            throw .senderMismatch(sender: sender.address, expected: expected)
        }
        return MailAddress.bareAddress(mine.rawValue)
    }
}
