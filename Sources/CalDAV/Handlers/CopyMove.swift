import Storage

extension CalDAVServer {
    /// COPY and MOVE of calendar objects between calendars (RFC 4918 §9.8–9.9, RFC 4791 §5.3.2).
    ///
    /// MOVE logs a delete (3) in the source and an add (1) in the destination, like sabre.
    func copyOrMove(_ context: RequestContext, move: Bool) throws -> DAVResponse {
        guard case .calendarObject(let owner, let calendarName, let name) = context.path else {
            throw DAVError.forbidden(nil, "only calendar objects can be copied or moved")
        }
        guard let destinationHeader = context.request.header("destination") else {
            throw DAVError.badRequest("missing Destination header")
        }
        guard let destination = urls.resolve(destinationHeader) else {
            throw DAVError(502, nil, "the destination is not on this server")
        }
        guard case .calendarObject(let targetOwner, let targetCalendarName, let targetName) = destination else {
            throw DAVError(409, .calendarCollectionLocationOk, "a calendar object must go into a calendar")
        }
        guard destination != context.path else { throw DAVError.forbidden(nil, "source and destination are the same") }
        let overwrite = context.request.header("overwrite")?.trimmingSpaces().uppercased() != "F"

        let source = try calendarInstance(owner: owner, name: calendarName)
        let target: CalendarInstance
        do {
            target = try calendarInstance(owner: targetOwner, name: targetCalendarName)
        } catch let error as DAVError where error.status == 404 {
            throw DAVError.conflict("the destination collection does not exist")
        }
        let writer = objectWriter
        let validator = CalendarObjectValidator(
            supportedComponents: target.components, maxResourceSize: configuration.maxResourceSize,
            maxAttendeesPerInstance: configuration.maxAttendeesPerInstance, maxInstances: configuration.maxInstances)
        let (created, scheduleTag): (Bool, String?) = try store.transaction {
            // MOVE deletes the source and either may replace the destination: read what is written locked.
            let found =
                try move
                ? store.objectForUpdate(named: name, in: source.calendarID)
                : store.object(named: name, in: source.calendarID)
            guard let object = found, let data = object.data else {
                try require(.read, on: context.path, for: context.user, instance: source)
                throw DAVError.notFound()
            }
            try require(move ? [.read, .unbind] : .read, on: context.path, for: context.user, instance: source)
            if move { try require(.unbind, on: .calendar(owner, calendarName), for: context.user, instance: source) }
            try ETag.checkConditions(context.request, current: object.etag)
            if move { try checkLocks(context.path, context: context) }
            try checkLocks(destination, context: context)
            let existing = try store.objectForUpdate(named: targetName, in: target.calendarID)
            if existing != nil {
                guard overwrite else { throw DAVError.preconditionFailed("destination exists and Overwrite is F") }
                try require(.writeContent, on: destination, for: context.user, instance: target)
            } else {
                try require(.bind, on: .calendar(targetOwner, targetCalendarName), for: context.user, instance: target)
            }
            let validated = try validator.validate(body: Array(data.utf8), contentType: nil)
            if !move, owner == targetOwner, ScheduleTag.current(of: object) != nil {
                // A second copy of a scheduling object would never be kept up to date (RFC 6638 §3.2.4.3).
                throw DAVError.forbidden(.calDAV("unique-scheduling-object-resource"), "COPY of a scheduling object")
            }
            // Overwrite: T deletes the destination first (RFC 4918 §9.8.4, §9.9.3).
            if let existing { try writer.delete(existing, in: target, actor: context.user) }
            if move { try writer.delete(object, in: source, actor: context.user) }
            let result = try writer.put(
                validated, body: data, uri: targetName, in: target, existing: nil, actor: context.user, now: context.now,
                keepScheduleTag: move ? ScheduleTag.current(of: object) : nil)
            if move {
                try store.removeDeadProperties(pathPrefix: context.path.storagePath)
            }
            return (existing == nil, result.scheduleTag)
        }
        var headers: [(name: String, value: String)] = [("Content-Length", "0")]
        if let scheduleTag { headers.append(("Schedule-Tag", ETag.quoted(scheduleTag))) }  // RFC 6638 §3.2.10
        return DAVResponse(status: created ? 201 : 204, headers: headers)
    }
}
