import DAVXML
import Storage

extension PropertyTable {
    /// Sharing properties of calendars (draft-pot-webdav-resource-sharing §4.4, CalendarServer caldav-sharing §5.1).
    static func sharingProperties() -> [Row] {
        func onCalendar(
            _ name: PropertyName, _ body: @escaping (CalDAVServer<Store>, CalendarInstance) throws -> XMLElement?
        )
            -> Row
        {
            Row(name, allprop: false) { server, scope in
                guard case .calendar(let instance) = scope.resource else { return nil }
                return try body(server, instance)
            }
        }
        return [
            onCalendar(.shareAccess) { server, instance in
                let access: PropertyName
                switch instance.access {
                case .owner: access = try server.sharees(of: instance).isEmpty ? .notShared : .sharedOwner
                case .read: access = .read
                case .readWrite: access = .readWrite
                }
                return XMLElement(.shareAccess, children: [XMLElement(access)])
            },
            onCalendar(.invite) { server, instance in
                guard let owned = try server.ownerInstance(of: instance) else { return nil }
                var entries: [XMLElement] = []
                if let name = CalDAVServer<Store>.userName(owned.principalURI) {
                    entries.append(
                        server.davSharee(
                            href: server.urls.href(.principal(name)), access: .sharedOwner, status: .accepted, name: nil
                        ))
                }
                for sharee in try server.sharees(of: owned) {
                    entries.append(
                        server.davSharee(
                            href: sharee.shareHref ?? "", access: sharee.access == .readWrite ? .readWrite : .read,
                            status: sharee.inviteStatus, name: sharee.shareDisplayName))
                }
                return XMLElement(.invite, children: entries)
            },
            onCalendar(.shareResourceURI) { server, instance in
                guard let owned = try server.ownerInstance(of: instance),
                    let name = CalDAVServer<Store>.userName(owned.principalURI)
                else { return nil }
                return .hrefs(.shareResourceURI, [server.urls.href(.calendar(name, owned.uri))])
            },
            onCalendar(.csInvite) { server, instance in
                guard let owned = try server.ownerInstance(of: instance) else { return nil }
                var children: [XMLElement] = []
                if let name = CalDAVServer<Store>.userName(owned.principalURI) {
                    var organizer = [XMLElement(.href, text: server.urls.href(.principal(name)))]
                    if let record = try server.store.principal(uri: owned.principalURI),
                        let display = record.displayName
                    {
                        organizer.append(XMLElement(.commonName, text: display))
                    }
                    children.append(XMLElement(.organizer, children: organizer))
                }
                for sharee in try server.sharees(of: owned) {
                    var user = [XMLElement(.href, text: sharee.shareHref ?? "")]
                    if let display = sharee.shareDisplayName { user.append(XMLElement(.commonName, text: display)) }
                    let status: PropertyName
                    switch sharee.inviteStatus {
                    case .noResponse: status = .csInviteNoResponse
                    case .accepted: status = .csInviteAccepted
                    case .declined: status = .csInviteDeclined
                    case .invalid: status = .csInviteInvalid
                    }
                    user.append(XMLElement(status))
                    user.append(
                        XMLElement(
                            .access, children: [XMLElement(sharee.access == .readWrite ? .csReadWrite : .csRead)]))
                    children.append(XMLElement(.user, children: user))
                }
                return XMLElement(.csInvite, children: children)
            },
            onCalendar(.allowedSharingModes) { _, instance in
                XMLElement(.allowedSharingModes, children: instance.access == .owner ? [XMLElement(.canBeShared)] : [])
            },
            onCalendar(.sharedURL) { server, instance in
                guard instance.access != .owner, let owned = try server.ownerInstance(of: instance),
                    let name = CalDAVServer<Store>.userName(owned.principalURI)
                else { return nil }
                return .hrefs(.sharedURL, [server.urls.href(.calendar(name, owned.uri))])
            },
        ]
    }
}

extension CalDAVServer {
    /// One `DAV:sharee` of `DAV:invite` (draft-pot-webdav-resource-sharing §4.4.2).
    func davSharee(href: String, access: PropertyName, status: InviteStatus, name: String?) -> XMLElement {
        var children = [XMLElement(.href, text: href)]
        if let name { children.append(XMLElement(.prop, children: [XMLElement(.displayName, text: name)])) }
        children.append(XMLElement(.shareAccess, children: [XMLElement(access)]))
        let statusName: PropertyName
        switch status {
        case .noResponse: statusName = .inviteNoResponse
        case .accepted: statusName = .inviteAccepted
        case .declined: statusName = .inviteDeclined
        case .invalid: statusName = .inviteInvalid
        }
        children.append(XMLElement(statusName))
        return XMLElement(.sharee, children: children)
    }
}
