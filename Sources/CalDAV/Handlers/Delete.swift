import Storage

extension CalDAVServer {
    /// DELETE of calendar objects, calendars and inbox items (RFC 4918 §9.6, RFC 4791 §5.3.2).
    func delete(_ context: RequestContext) throws -> DAVResponse {
        switch context.path {
        case .calendarObject(let owner, let calendarName, let name):
            let instance = try calendarInstance(owner: owner, name: calendarName)
            let writer = objectWriter
            try store.transaction {
                guard let existing = try store.objectForUpdate(named: name, in: instance.calendarID) else {
                    try require(.read, on: context.path, for: context.user, instance: instance)
                    throw DAVError.notFound()
                }
                try require(.unbind, on: .calendar(owner, calendarName), for: context.user, instance: instance)
                try ETag.checkConditions(context.request, current: existing.etag)
                _ = try ScheduleTag.check(context.request, existing: existing)
                try checkLocks(context.path, context: context)
                try writer.delete(existing, in: instance, actor: context.user, scheduler: scheduler(context))
            }
        case .calendar(let owner, let calendarName):
            let instance = try calendarInstance(owner: owner, name: calendarName)
            try require(.unbind, on: .calendarHome(owner), for: context.user)
            if context.request.header("if-match") != nil {
                try ETag.checkConditions(context.request, current: nil)
            }
            try checkLocks(context.path, context: context, includeChildren: true)
            try store.transaction {
                try store.deleteCalendar(instance.id)
                try store.removeDeadProperties(pathPrefix: context.path.storagePath)
            }
        case .inboxItem(let owner, let name):
            try require(.unbind, on: .inbox(owner), for: context.user)
            guard let item = try store.inboxItem(ofPrincipal: "principals/" + owner, named: name) else {
                throw DAVError.notFound()
            }
            try ETag.checkConditions(context.request, current: item.etag)
            try store.deleteInboxItem(ofPrincipal: "principals/" + owner, named: name)
        default:
            try require(.read, on: context.path, for: context.user)
            throw DAVError.forbidden(nil, "this collection cannot be deleted")
        }
        return DAVResponse(status: 204, headers: [("Content-Length", "0")])
    }
}
