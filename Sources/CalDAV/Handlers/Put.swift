import Storage

extension CalDAVServer {
    /// PUT of a calendar object (RFC 4791 §5.3.2, RFC 7232 conditions); nothing is written on failure.
    func put(_ context: RequestContext) throws -> DAVResponse {
        guard case .calendarObject(let owner, let calendarName, let name) = context.path else {
            if context.path.isCollection {
                throw DAVError.methodNotAllowed("cannot PUT a collection", allow: ["PROPFIND", "PROPPATCH", "DELETE"])
            }
            throw DAVError.forbidden(nil, "PUT is only allowed in calendar collections")
        }
        let instance: CalendarInstance
        do {
            instance = try calendarInstance(owner: owner, name: calendarName)
        } catch let error as DAVError where error.status == 404 {
            throw DAVError.conflict("the parent collection does not exist")
        }
        let validator = CalendarObjectValidator(
            supportedComponents: instance.components, maxResourceSize: configuration.maxResourceSize,
            maxAttendeesPerInstance: configuration.maxAttendeesPerInstance, maxInstances: configuration.maxInstances)
        let writer = objectWriter
        let result: ObjectWriter<Store>.Result = try store.transaction {
            let existing = try store.objectForUpdate(named: name, in: instance.calendarID)
            if existing != nil {
                try require(.writeContent, on: context.path, for: context.user, instance: instance)
            } else {
                try require(.bind, on: .calendar(owner, calendarName), for: context.user, instance: instance)
            }
            try ETag.checkConditions(context.request, current: existing?.etag)
            let tagCondition = try ScheduleTag.check(context.request, existing: existing)
            try checkLocks(context.path, context: context)
            let object = try validator.validate(
                body: context.request.body, contentType: context.request.header("content-type"))
            let body = String(decoding: context.request.body, as: UTF8.self)
            var scheduler = scheduler(context)
            scheduler.mergeInconsequentialChanges = tagCondition == .matchedChanged
            return try writer.put(
                object, body: body, uri: name, in: instance, existing: existing, actor: context.user, now: context.now,
                scheduler: scheduler)
        }
        var headers: [(name: String, value: String)] = [("Content-Length", "0")]
        if result.storedAsSent { headers.append(("ETag", ETag.quoted(result.etag))) }
        if let tag = result.scheduleTag { headers.append(("Schedule-Tag", ETag.quoted(tag))) }
        return DAVResponse(status: result.created ? 201 : 204, headers: headers)
    }
}
