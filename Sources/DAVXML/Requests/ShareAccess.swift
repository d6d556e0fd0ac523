/// The access a sharee has to a shared resource (draft-pot-webdav-resource-sharing §4.4.1; sabre's SHARE_ACCESS_*).
public enum ShareAccess: Hashable, Sendable {
    /// `DAV:not-shared`.
    case notShared
    /// `DAV:shared-owner`: the sharer's own instance.
    case sharedOwner
    /// `DAV:read`.
    case read
    /// `DAV:read-write`.
    case readWrite
    /// `DAV:no-access`: used to remove a sharee.
    case noAccess

    /// The element naming this access inside `DAV:share-access`.
    public var elementName: PropertyName {
        switch self {
        case .notShared: return .notShared
        case .sharedOwner: return .sharedOwner
        case .read: return .read
        case .readWrite: return .readWrite
        case .noAccess: return .noAccess
        }
    }

    /// The access named by an element, if it is one.
    public init?(elementName: PropertyName) {
        switch elementName {
        case .notShared: self = .notShared
        case .sharedOwner: self = .sharedOwner
        case .read: self = .read
        case .readWrite: self = .readWrite
        case .noAccess: self = .noAccess
        default: return nil
        }
    }
}

/// Where a sharee stands on an invitation (draft-pot-webdav-resource-sharing §4.4.2; CS invite-* elements).
public enum InviteStatus: Hashable, Sendable {
    /// Not answered yet.
    case noResponse
    /// Accepted.
    case accepted
    /// Declined.
    case declined
    /// The sharee does not exist.
    case invalid
}
