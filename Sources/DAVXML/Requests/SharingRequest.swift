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
