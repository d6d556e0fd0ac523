import Storage

extension CalDAVServer {
    /// Refuses (403) rather than denies existence (404) of things in another user's calendar space
    /// the user may not read, so calendar and object names cannot be probed (RFC 3744 §7.1.1; sabre
    /// answers 404 and so tells who has which calendar).
    func concealAbsence(_ context: RequestContext) throws {
        guard let owner = context.path.ownerName, owner != context.user.username else { return }
        switch context.path {
        case .calendar, .calendarObject, .inboxItem: break
        default: return
        }
        if try privileges(of: context.user, on: .calendarHome(owner)).contains(.read) { return }
        let privilege = Self.primaryPrivilege(context.request.method)
        // Creating methods need the parent to exist, not the target; bind and unbind are asked of the parent.
        let creates = ["PUT", "MKCALENDAR", "MKCOL"].contains(context.request.method)
        let parent = context.path.parent ?? context.path
        let reported = privilege == .bind || privilege == .unbind ? parent : context.path
        do {
            _ = try load(creates ? parent : context.path)
        } catch let error as DAVError where error.status == 404 {
            throw DAVError(
                403, .needPrivileges([DAVError.NeededPrivilege(href: urls.href(reported), privilege: privilege)]),
                "\(context.user.username) lacks privileges on \(context.path.storagePath)")
        }
    }

    /// The privilege a method needs first, for answers that cannot look further.
    static func primaryPrivilege(_ method: String) -> Privilege {
        switch method {
        case "PUT", "MKCALENDAR", "MKCOL": return .bind
        case "DELETE", "MOVE": return .unbind
        case "PROPPATCH": return .writeProperties
        case "LOCK": return .writeContent
        case "UNLOCK": return .unlock
        case "ACL": return .writeACL
        case "POST": return .share
        default: return .read
        }
    }
}
