import Storage

extension CalDAVServer {
    /// GET and HEAD of calendar objects and inbox items (RFC 4791 §5.3.4, RFC 6638 §4.1).
    func get(_ context: RequestContext, includeBody: Bool) throws -> DAVResponse {
        let data: String
        let etag: String
        let lastModified: Int64
        let contentType: String
        var scheduleTag: String?
        switch context.path {
        case .calendarObject(let owner, let calendarName, let name):
            let instance = try calendarInstance(owner: owner, name: calendarName)
            try require(.read, on: context.path, for: context.user, instance: instance)
            guard let object = try store.object(named: name, in: instance.calendarID), let body = object.data else {
                throw DAVError.notFound()
            }
            data = body
            etag = object.etag
            lastModified = object.lastModified
            contentType = Self.contentType(componentType: object.index.componentType)
            scheduleTag = ScheduleTag.current(of: object)
        case .inboxItem(let owner, let name):
            try require(.read, on: context.path, for: context.user)
            guard let item = try store.inboxItem(ofPrincipal: "principals/" + owner, named: name),
                let body = item.data
            else { throw DAVError.notFound() }
            data = body
            etag = item.etag
            lastModified = item.lastModified
            contentType = "text/calendar; charset=utf-8"
        default:
            try require(.read, on: context.path, for: context.user)
            throw DAVError.methodNotAllowed(
                "GET is only defined on calendar objects", allow: ["OPTIONS", "PROPFIND", "PROPPATCH", "REPORT"])
        }
        try ETag.checkConditions(context.request, current: etag)
        let bytes = Array(data.utf8)
        var headers: [(name: String, value: String)] = [
            ("Content-Type", contentType),
            ("Content-Length", String(bytes.count)),
            ("ETag", ETag.quoted(etag)),
            ("Last-Modified", HTTPDate.format(lastModified)),
        ]
        if let scheduleTag { headers.append(("Schedule-Tag", ETag.quoted(scheduleTag))) }
        return DAVResponse(status: 200, headers: headers, body: includeBody ? bytes : [])
    }

    /// `text/calendar; charset=utf-8; component=vevent`, as sabre answers (RFC 4791 §5.3.4).
    static func contentType(componentType: String?) -> String {
        switch componentType {
        case nil: return "text/calendar; charset=utf-8"
        case "VEVENT": return "text/calendar; charset=utf-8; component=vevent"
        case "VTODO": return "text/calendar; charset=utf-8; component=vtodo"
        case let other?: return "text/calendar; charset=utf-8; component=\(other.lowercased())"
        }
    }
}
