import DAVXML
import ICalendar
import Storage

extension CalDAVServer {
    /// free-busy-query (RFC 4791 §7.10) on a calendar or a calendar home: 200 with a VFREEBUSY.
    ///
    /// Needs CALDAV:read-free-busy (DAV:read implies it). On a home every opaque
    /// calendar the requester may read free-busy of counts; the owner's
    /// availability (RFC 7953) applies on the home and on the owner's calendars.
    func freeBusyQuery(_ query: FreeBusyQuery, on resource: Resource, context: RequestContext) throws -> DAVResponse {
        guard let start = query.timeRange.start, let end = query.timeRange.end, start < end else {
            throw DAVError(403, .validFilter, "free-busy-query needs a time-range with start before end")
        }
        let service = FreeBusyService(store: store, limits: configuration.freeBusyLimits)
        let builder: FreeBusyBuilder
        switch resource {
        case .calendar(let instance):
            try require(.readFreeBusy, on: context.path, for: context.user, instance: instance)
            let owner = instance.access == .owner ? instance.principalURI : nil
            builder = try service.builder(calendars: [instance], availabilityOf: owner, in: start..<end)
        case .calendarHome(let principal):
            guard case .calendarHome(let name) = context.path else { throw DAVError.notFound() }
            let held = try privileges(of: context.user, on: context.path)
            guard !held.isDisjoint(with: [.read, .readFreeBusy]) else {
                try require(.readFreeBusy, on: context.path, for: context.user)
                throw DAVError.notFound()
            }
            var calendars: [CalendarInstance] = []
            for instance in try service.opaqueCalendars(ofPrincipal: principal.uri) {
                let path = ResourcePath.calendar(name, instance.uri)
                if try privileges(of: context.user, on: path, instance: instance).contains(.readFreeBusy) {
                    calendars.append(instance)
                }
            }
            builder = try service.builder(calendars: calendars, availabilityOf: principal.uri, in: start..<end)
        default:
            throw DAVError(403, .supportedReport, "free-busy-query needs a calendar or a calendar home")
        }
        let calendar = ICalComponent(
            "VCALENDAR",
            properties: [ICalProperty("VERSION", rawValue: "2.0"), ICalProperty("PRODID", rawValue: "-//Almanac//CalDAV//EN")],
            components: [builder.component(dtstamp: context.now)])
        let body = calendar.serializedBytes()
        return DAVResponse(
            status: 200,
            headers: [("Content-Type", "text/calendar; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }
}
