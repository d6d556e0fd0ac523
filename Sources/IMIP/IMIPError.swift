/// Everything that can go wrong in this module.
public enum IMIPError: Error, Equatable, Sendable {
    /// An address is unusable in a header or SMTP envelope (RFC 5321 §4.1.2).
    case invalidAddress(String)
    /// The calendar holds no VEVENT, VTODO or VJOURNAL.
    case noComponent
    /// A template failed to parse or is missing.
    case template(String)
    /// Inbound: the message has no text/calendar or .ics part with a METHOD (RFC 6047 §2.4).
    case noITIPPart
    /// Inbound: the sender is not the attendee/organizer the message speaks for (RFC 6047 §3.3).
    case senderMismatch(sender: String, expected: [String])
    /// Inbound: our MTA's Authentication-Results do not vouch for the From domain (RFC 8601, RFC 7489).
    case senderNotAuthenticated(sender: String)
    /// Inbound: the message or its calendar cannot be read.
    case malformed(String)
}
