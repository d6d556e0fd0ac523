import DAVXML
import Storage

extension CalDAVServer {
    /// POST: sharing requests on calendars and invite replies on calendar homes
    /// (draft-pot-webdav-resource-sharing §5.3, CalendarServer caldav-sharing §5.2–5.3).
    func post(_ context: RequestContext) throws -> DAVResponse {
        switch context.path {
        case .calendar, .calendarHome:
            break
        case .outbox(let owner):
            return try outboxPost(context, owner: owner)
        default:
            try require(.read, on: context.path, for: context.user)
            throw DAVError.methodNotAllowed("POST is not supported here", allow: Self.allowedMethods)
        }
        let resource = try load(context.path)
        try require(.read, on: context.path, for: context.user, instance: resource.instance)
        // Who may act is settled before the body is looked at.
        if case .calendar(let instance) = resource {
            try require(.share, on: context.path, for: context.user, instance: instance)
        } else {
            try require(.bind, on: context.path, for: context.user)
        }
        let request = try SharingRequest.parse(context.request.body)
        switch (request, resource) {
        case (.shareResource(let share), .calendar(let instance)):
            let changes = share.sharees.map { sharee in
                ShareChange(
                    href: sharee.href, access: Self.calendarAccess(sharee.access),
                    displayName: sharee.properties.first { $0.name == .displayName }?.text)
            }
            try applyShareChanges(changes, to: instance)
            return DAVResponse(status: 200, headers: [("Content-Length", "0")])
        case (.calendarServerShare(let share), .calendar(let instance)):
            let changes = share.changes.map { change in
                switch change {
                case .set(let href, let commonName, _, let readWrite):
                    return ShareChange(href: href, access: readWrite ? .readWrite : .read, displayName: commonName)
                case .remove(let href):
                    return ShareChange(href: href, access: nil, displayName: nil)
                }
            }
            try applyShareChanges(changes, to: instance)
            return DAVResponse(status: 200, headers: [("Content-Length", "0")])
        case (.inviteReply(let reply), .calendarHome(let record)):
            return try answerInvite(reply, sharee: record)
        case (.unknown(let name), _):
            throw DAVError(415, nil, "\(name.clark) is not a POST this resource understands")
        default:
            throw DAVError.forbidden(nil, "this sharing request does not apply to this resource")
        }
    }

    /// CS:invite-reply: the sharee accepts (keeps the row, status 2) or declines (the row goes).
    private func answerInvite(_ reply: CalendarServerInviteReply, sharee: PrincipalRecord) throws -> DAVResponse {
        guard case .calendar(let owner, let calendarName) = urls.resolve(reply.hostURL),
            let owned = try store.calendar(ofPrincipal: "principals/" + owner, named: calendarName),
            owned.access == .owner,
            let mine = try sharees(of: owned).first(where: { $0.principalURI == sharee.uri }),
            let href = mine.shareHref, let name = Self.userName(sharee.uri)
        else { throw DAVError.forbidden(nil, "there is no invitation to this calendar") }
        guard reply.accepted else {
            try applyShareChanges([ShareChange(href: href, access: nil, displayName: nil)], to: owned)
            return DAVResponse(status: 200, headers: [("Content-Length", "0")])
        }
        if mine.shareInviteStatus != 2 {
            try applyShareChanges(
                [ShareChange(href: href, access: mine.access, displayName: mine.shareDisplayName)], to: owned)
        }
        let body = ShareResponseWriter.sharedAs(urls.href(.calendar(name, mine.uri)))
        return DAVResponse(
            status: 200,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }

    /// The instance access a draft sharing access names; nil removes.
    static func calendarAccess(_ access: ShareAccess) -> CalendarAccess? {
        switch access {
        case .read: return .read
        case .readWrite: return .readWrite
        case .noAccess, .notShared, .sharedOwner: return nil
        }
    }
}
