/// One change in a `CS:share` POST (CalendarServer caldav-sharing §5.2).
public enum CalendarServerShareChange: Hashable, Sendable {
    /// `CS:set`: invite or update a sharee.
    case set(href: String, commonName: String?, summary: String?, readWrite: Bool)
    /// `CS:remove`: withdraw the share.
    case remove(href: String)
}

/// The `CS:share` POST body sent by macOS/iOS Calendar to share a calendar.
public struct CalendarServerShare: Hashable, Sendable {
    /// The changes, in document order.
    public var changes: [CalendarServerShareChange]

    /// Creates a request.
    public init(changes: [CalendarServerShareChange]) {
        self.changes = changes
    }

    /// Parses a `CS:share` body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarServerShare {
        try CalendarServerShare(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `CS:share` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.csShare)
        var changes: [CalendarServerShareChange] = []
        for child in element.children where child.name.namespace == .calendarServer {
            guard let href = child.hrefs.first else {
                if child.name == .csSet || child.name == .csRemove { throw .missingElement(.href) }
                continue
            }
            if child.name == .csSet {
                changes.append(
                    .set(
                        href: href, commonName: child.child(.commonName)?.trimmedText,
                        summary: child.child(.summary)?.text, readWrite: child.has(.csReadWrite)))
            } else if child.name == .csRemove {
                changes.append(.remove(href: href))
            }
        }
        self.init(changes: changes)
    }
}

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

/// A POST body on a shared resource, dispatched on its root element.
public enum SharingRequest: Hashable, Sendable {
    /// `DAV:share-resource`.
    case shareResource(ShareResourceRequest)
    /// `CS:share`.
    case calendarServerShare(CalendarServerShare)
    /// `CS:invite-reply`.
    case inviteReply(CalendarServerInviteReply)
    /// Some other root element.
    case unknown(PropertyName)

    /// Parses a POST body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> SharingRequest {
        let root = try XMLElement.parse(bytes, limits: limits)
        switch root.name {
        case .shareResource: return .shareResource(try ShareResourceRequest(element: root))
        case .csShare: return .calendarServerShare(try CalendarServerShare(element: root))
        case .inviteReply: return .inviteReply(try CalendarServerInviteReply(element: root))
        default: return .unknown(root.name)
        }
    }
}
