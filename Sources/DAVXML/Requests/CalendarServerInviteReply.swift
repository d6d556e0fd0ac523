/// The `CS:invite-reply` POST body: a sharee accepts or declines (CalendarServer caldav-sharing §5.3).
public struct CalendarServerInviteReply: Hashable, Sendable {
    /// The sharee's href as sent (`DAV:href`), if any.
    public var href: String?
    /// Accepted (`CS:invite-accepted`) or declined (`CS:invite-declined`).
    public var accepted: Bool
    /// `CS:hosturl/DAV:href`: the shared calendar's URL at the sharer.
    public var hostURL: String
    /// `CS:in-reply-to`: the invitation id.
    public var inReplyTo: String?
    /// `CS:summary`: the name the sharee gives the calendar.
    public var summary: String?

    /// Creates a reply.
    public init(href: String? = nil, accepted: Bool, hostURL: String, inReplyTo: String? = nil, summary: String? = nil) {
        self.href = href
        self.accepted = accepted
        self.hostURL = hostURL
        self.inReplyTo = inReplyTo
        self.summary = summary
    }

    /// Parses an invite-reply body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarServerInviteReply {
        try CalendarServerInviteReply(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `CS:invite-reply` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.inviteReply)
        let accepted: Bool
        if element.has(.csInviteAccepted) {
            accepted = true
        } else if element.has(.csInviteDeclined) {
            accepted = false
        } else {
            throw .missingElement(.csInviteAccepted)
        }
        guard let host = try element.require(.hostURL).hrefs.first else { throw .missingElement(.href) }
        self.init(
            href: element.hrefs.first, accepted: accepted, hostURL: host,
            inReplyTo: element.child(.inReplyTo)?.trimmedText, summary: element.child(.summary)?.text)
    }
}
