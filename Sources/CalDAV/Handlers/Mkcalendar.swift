import DAVXML
import Storage

extension CalDAVServer {
    /// MKCALENDAR (RFC 4791 §5.3.1) and extended MKCOL creating a calendar (RFC 5689 §3).
    func mkcalendar(_ context: RequestContext, extended: Bool) throws -> DAVResponse {
        guard case .calendar(let owner, let name) = context.path else {
            if case .inbox = context.path { throw DAVError(405, .resourceMustBeNull, "the inbox exists") }
            if case .outbox = context.path { throw DAVError(405, .resourceMustBeNull, "the outbox exists") }
            throw DAVError(403, .calendarCollectionLocationOk, "calendars can only be created in a calendar home")
        }
        _ = try principalRecord(owner)
        try require(.bind, on: .calendarHome(owner), for: context.user)
        if try store.calendar(ofPrincipal: "principals/" + owner, named: name) != nil {
            throw DAVError(405, .resourceMustBeNull, "\(name) exists already")
        }
        let request = try MkcolRequest.parse(context.request.body, kind: extended ? .mkcol : .mkcalendar)
        if extended {
            guard let types = request.resourceType, types.contains(.collection), types.contains(.calendar) else {
                throw DAVError(403, .validResourceType, "only calendar collections can be created here")
            }
        }
        var patch = PropertyPatch(calendar: CalendarProperties(), components: ["VEVENT", "VTODO"])
        for property in request.properties {
            let status = stage(property.name, value: property, into: &patch)
            if status >= 300 {
                throw DAVError(status == 424 ? 403 : status, nil, "cannot set \(property.name.clark)")
            }
        }
        try store.transaction {
            try store.createCalendar(
                principalURI: "principals/" + owner, uri: name, properties: patch.calendar ?? CalendarProperties(),
                components: patch.components ?? ["VEVENT", "VTODO"])
            for (_, value) in patch.dead {
                if let value {
                    try store.setDeadProperty(DeadPropertyCodec.row(path: context.path.storagePath, element: value))
                }
            }
        }
        return DAVResponse(status: 201, headers: [("Content-Length", "0"), ("Cache-Control", "no-cache")])
    }
}
