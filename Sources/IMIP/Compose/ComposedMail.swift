/// A finished RFC 5322 message with its SMTP envelope (RFC 5322, RFC 5321 §3.3).
public struct ComposedMail: Sendable, Equatable {
    /// Envelope sender (MAIL FROM), a bare address.
    public var envelopeSender: String
    /// Envelope recipient (RCPT TO), a bare address.
    public var recipient: String
    /// The Message-ID header value, with angle brackets.
    public var messageID: String
    /// The subject, before RFC 2047 encoding.
    public var subject: String
    /// The template language used.
    public var language: String
    /// The whole message, CRLF line breaks, 7-bit clean.
    public var message: String
}
