import DAVXML
import Storage

/// Sharing calendars the way sabre stores it (draft-pot-webdav-resource-sharing §5, CalendarServer caldav-sharing):
/// one `calendarinstances` row per sharee with access 2 (read) or 3 (read-write), a new UUID uri,
/// the owner's display fields copied, `transparent` 1, `share_href` as the client sent it, and
/// invite status 2 for a local principal, 4 (invalid, no principal) for an unknown address.
extension CalDAVServer {
    /// One requested change to a calendar's sharees.
    struct ShareChange {
        var href: String
        /// nil removes the sharee.
        var access: CalendarAccess?
        var displayName: String?
    }

    /// Applies share changes to the owner's `instance` in one transaction.
    func applyShares(_ changes: [ShareChange], to instance: CalendarInstance) throws {
        try store.transaction {
            let current = try store.instances(of: instance.calendarID).filter { $0.access != .owner }
            for change in changes {
                let existing = current.first { $0.shareHref == change.href }
                if existing != nil { try store.removeSharee(from: instance.calendarID, shareHref: change.href) }
                guard let access = change.access else { continue }
                let principal = try shareePrincipal(change.href)
                if principal?.uri == instance.principalURI { throw DAVError(403, nil, "a calendar cannot be shared with its owner") }
                var properties = instance.properties
                properties.transparent = true
                try store.addSharee(
                    to: instance.calendarID, principalURI: principal?.uri, uri: existing?.uri ?? makeID(), access: access,
                    properties: existing?.properties ?? properties, shareHref: change.href,
                    shareDisplayName: change.displayName ?? principal?.displayName,
                    inviteStatus: principal == nil ? 4 : 2)
            }
        }
    }

    /// The principal a sharee href names: a `mailto:` address or a principal URL on this server.
    func shareePrincipal(_ href: String) throws -> PrincipalRecord? {
        if href.lowercased().hasPrefix("mailto:") { return try store.principal(email: String(href.dropFirst(7))) }
        if case .principal(let name) = urls.resolve(href) { return try store.principal(uri: "principals/" + name) }
        return nil
    }

    /// The owner row of a calendar (for `owner` and invites seen from a sharee's instance).
    func ownerInstance(of instance: CalendarInstance) throws -> CalendarInstance? {
        if instance.access == .owner { return instance }
        return try store.instances(of: instance.calendarID).first { $0.access == .owner }
    }

    /// POST on a calendar: `DAV:share-resource` or `CS:share` (RFC 5995 add-member is not offered).
    func post(_ context: RequestContext) throws -> DAVResponse {
        guard case .calendar(let owner, let name) = context.path else {
            if case .outbox = context.path {
                throw DAVError(501, nil, "scheduling through the outbox is not available yet")
            }
            throw DAVError.methodNotAllowed("POST is only used for sharing calendars", allow: Self.allowedMethods)
        }
        let instance = try calendarInstance(owner: owner, name: name)
        try require(.share, on: context.path, for: context.user, instance: instance)
        guard instance.access == .owner else { throw DAVError(403, nil, "only the owner can share a calendar") }
        let root = try XMLElement.parse(context.request.body)
        var changes: [ShareChange] = []
        if root.name == .shareResource {
            for sharee in try ShareResourceRequest(element: root).sharees {
                let access: CalendarAccess? =
                    switch sharee.access {
                    case .read: .read
                    case .readWrite: .readWrite
                    default: nil
                    }
                let displayName = sharee.properties.first { $0.name == .displayName }?.trimmedText
                changes.append(ShareChange(href: sharee.href, access: access, displayName: displayName))
            }
        } else if root.name == .csShare {
            for change in try CalendarServerShare(element: root).changes {
                switch change {
                case .set(let href, let commonName, _, let readWrite):
                    changes.append(ShareChange(href: href, access: readWrite ? .readWrite : .read, displayName: commonName))
                case .remove(let href):
                    changes.append(ShareChange(href: href, access: nil, displayName: nil))
                }
            }
        } else {
            throw DAVError(415, nil, "POST body must be DAV:share-resource or CS:share")
        }
        try applyShares(changes, to: instance)
        return DAVResponse(status: 200, headers: [("Content-Length", "0")])
    }
}
