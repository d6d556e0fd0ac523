import DAVXML
import Storage

/// One change to a calendar's sharees, from either sharing protocol.
struct ShareChange {
    /// The sharee as the client named them: `mailto:…` or a principal URL (stored as `share_href`).
    var href: String
    /// The access to grant; nil removes the sharee.
    var access: CalendarAccess?
    /// The sharee's display name (`share_displayname`).
    var displayName: String?
}

extension CalDAVServer {
    /// Applies sharing changes to the calendar `owner` owns, storing sharee rows as sabre does
    /// (draft-pot-webdav-resource-sharing §5.3, CalendarServer caldav-sharing §5.2).
    ///
    /// A new sharee gets a `calendarinstances` row with a fresh lower-case UUID uri,
    /// the owner's display fields, transparent = 1, `share_href` as sent and
    /// invitestatus 2 (a local principal, accepted at once) or 4 (unknown, principaluri NULL).
    /// A changed access keeps the sharee's uri; a removal deletes the row and its dead properties.
    func applyShareChanges(_ changes: [ShareChange], to owned: CalendarInstance) throws {
        try store.transaction {
            for change in changes {
                let principal = try shareePrincipal(change.href)
                if principal?.uri == owned.principalURI {
                    throw DAVError(403, nil, "a calendar cannot be shared with its owner")
                }
                let existing = try store.instances(of: owned.calendarID).first { instance in
                    instance.access != .owner
                        && (instance.shareHref == change.href
                            || (principal != nil && instance.principalURI == principal?.uri))
                }
                if let existing, let href = existing.shareHref {
                    try store.removeSharee(from: owned.calendarID, shareHref: href)
                    if change.access == nil, let name = Self.userName(existing.principalURI) {
                        try store.removeDeadProperties(
                            pathPrefix: ResourcePath.calendar(name, existing.uri).storagePath)
                    }
                }
                guard let access = change.access else { continue }
                var properties = owned.properties
                properties.transparent = true
                try store.addSharee(
                    to: owned.calendarID, principalURI: principal?.uri, uri: existing?.uri ?? makeID(), access: access,
                    properties: existing?.properties ?? properties, shareHref: change.href,
                    shareDisplayName: change.displayName ?? existing?.shareDisplayName ?? principal?.displayName,
                    inviteStatus: principal == nil ? 4 : 2)
            }
        }
    }

    /// The local user principal a sharee href names (`mailto:` by email, or a principal URL), if any.
    func shareePrincipal(_ href: String) throws -> PrincipalRecord? {
        let trimmed = href.trimmingSpaces()
        if trimmed.lowercased().hasPrefix("mailto:") {
            let record = try store.principal(email: String(trimmed.dropFirst(7)))
            return record.flatMap { Self.userName($0.uri) == nil ? nil : $0 }
        }
        guard case .principal(let name) = urls.resolve(trimmed) else { return nil }
        return try store.principal(uri: "principals/" + name)
    }

    /// `NAME` of a user principal uri `principals/NAME`; nil for group principals and empty uris.
    static func userName(_ principalURI: String) -> String? {
        let parts = principalURI.split(separator: "/")
        guard parts.count == 2, parts[0] == "principals" else { return nil }
        return String(parts[1])
    }

    /// The owner's instance of the calendar `instance` belongs to.
    func ownerInstance(of instance: CalendarInstance) throws -> CalendarInstance? {
        if instance.access == .owner { return instance }
        return try store.instances(of: instance.calendarID).first { $0.access == .owner }
    }

    /// The sharee rows of a calendar, as `DAV:invite` / `CS:invite` list them.
    func sharees(of instance: CalendarInstance) throws -> [CalendarInstance] {
        try store.instances(of: instance.calendarID).filter { $0.access != .owner }
    }
}

extension CalendarInstance {
    /// `share_invitestatus` as the sharing vocabularies name it.
    var inviteStatus: InviteStatus {
        switch shareInviteStatus {
        case 1: return .noResponse
        case 3: return .declined
        case 4: return .invalid
        default: return .accepted
        }
    }
}
