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

extension MailTransport {
    /// The envelope addresses, checked before anything is handed over: an unusable sender
    /// or recipient, or none at all, fails permanently (RFC 5321 §4.1.2).
    func envelope(from sender: String, to recipients: [String]) throws(MailTransportError)
        -> (from: MailAddress, to: [MailAddress])
    {
        let from = MailAddress(sender)
        guard from.isValid else { throw .permanent("invalid sender address \(sender)") }
        let to = recipients.map { MailAddress($0) }
        guard !to.isEmpty else { throw .permanent("no recipients") }
        if let bad = to.first(where: { !$0.isValid }) { throw .permanent("invalid recipient address \(bad.address)") }
        return (from, to)
    }
}
