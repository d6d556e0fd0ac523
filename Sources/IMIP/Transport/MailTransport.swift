/// Something that hands a finished message to the mail system (RFC 5321).
public protocol MailTransport: Sendable {
    /// Delivers `message` (CRLF line breaks) from the envelope sender to the envelope recipients.
    func send(_ message: String, from sender: String, to recipients: [String]) throws(MailTransportError)
}

extension MailTransport {
    /// Delivers a composed mail to its recipient.
    public func send(_ mail: ComposedMail) throws(MailTransportError) {
        try send(mail.message, from: mail.envelopeSender, to: [mail.recipient])
    }
}
