import DAVXML
import Storage

extension PropertyTable {
    /// Sharing properties (draft-pot-webdav-resource-sharing §4.4, CalendarServer caldav-sharing).
    static func sharingProperties() -> [Row] {
        func inviteStatus(_ status: Int, calendarServer: Bool) -> PropertyName {
            switch (status, calendarServer) {
            case (1, false): return .inviteNoResponse
            case (3, false): return .inviteDeclined
            case (4, false): return .inviteInvalid
            case (_, false): return .inviteAccepted
            case (1, true): return .csInviteNoResponse
            case (3, true): return .csInviteDeclined
            case (4, true): return .csInviteInvalid
            default: return .csInviteAccepted
            }
        }
        return [
            Row(.shareAccess, allprop: false) { server, scope in
                guard case .calendar(let instance) = scope.resource else { return nil }
                let access: PropertyName
                switch instance.access {
                case .owner:
                    let shared = try server.store.instances(of: instance.calendarID).contains { $0.access != .owner }
                    access = shared ? .sharedOwner : .notShared
                case .read: access = .read
                case .readWrite: access = .readWrite
                }
                return XMLElement(.shareAccess, children: [XMLElement(access)])
            },
            Row(.invite, allprop: false) { server, scope in
                guard case .calendar(let instance) = scope.resource else { return nil }
                let sharees = try server.store.instances(of: instance.calendarID).filter { $0.access != .owner }
                return XMLElement(
                    .invite,
                    children: sharees.map { sharee in
                        var children = [XMLElement(.href, text: sharee.shareHref ?? "")]
                        if let name = sharee.shareDisplayName {
                            children.append(XMLElement(.prop, children: [XMLElement(.displayName, text: name)]))
                        }
                        children.append(XMLElement(.shareAccess, children: [XMLElement(sharee.access == .read ? .read : .readWrite)]))
                        children.append(XMLElement(inviteStatus(sharee.shareInviteStatus, calendarServer: false)))
                        return XMLElement(.sharee, children: children)
                    })
            },
            Row(.csInvite, allprop: false) { server, scope in
                guard case .calendar(let instance) = scope.resource else { return nil }
                let all = try server.store.instances(of: instance.calendarID)
                var children: [XMLElement] = []
                if let owner = all.first(where: { $0.access == .owner }) {
                    let name = String(owner.principalURI.split(separator: "/").last ?? "")
                    var organizer = [XMLElement(.href, text: server.urls.href(.principal(name)))]
                    if let record = try server.store.principal(uri: owner.principalURI), let cn = record.displayName {
                        organizer.append(XMLElement(.commonName, text: cn))
                    }
                    children.append(XMLElement(.organizer, children: organizer))
                }
                for sharee in all where sharee.access != .owner {
                    var user = [XMLElement(.href, text: sharee.shareHref ?? "")]
                    if let name = sharee.shareDisplayName { user.append(XMLElement(.commonName, text: name)) }
                    user.append(XMLElement(inviteStatus(sharee.shareInviteStatus, calendarServer: true)))
                    user.append(XMLElement(.access, children: [XMLElement(sharee.access == .read ? .csRead : .csReadWrite)]))
                    children.append(XMLElement(.user, children: user))
                }
                return XMLElement(.csInvite, children: children)
            },
            Row(.allowedSharingModes, allprop: false) { _, scope in
                guard case .calendar(let instance) = scope.resource, instance.access == .owner else { return nil }
                return XMLElement(.allowedSharingModes, children: [XMLElement(.canBeShared)])
            },
        ]
    }
}
