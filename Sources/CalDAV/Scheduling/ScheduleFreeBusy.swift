import DAVXML
import ICalendar
import Storage

/// A user's busy time over all of their opaque calendars and their availability
/// (RFC 6638 §3.2.3/§5, RFC 4791 §7.10, RFC 7953 §7.2.4), for the outbox free-busy POST.
///
/// Calendars marked transparent (the `transparent` column or a sabre-serialized
/// schedule-calendar-transp dead property) are left out; within the others,
/// FreeBusyBuilder skips TRANSP:TRANSPARENT and STATUS:CANCELLED events.
///
/// Interim: branch `query` has the shared `FreeBusyService` (floating zones, limits);
/// once both are merged this should become `FreeBusyService(store:).busyPeriods(ofPrincipal:in:)`.
struct ScheduleFreeBusy<Store: CalendarStore> {
    let store: Store
    let urls: URLPath

    /// Busy periods of `principal` in `[start, end)`, merged per FBTYPE.
    func busyPeriods(of principal: PrincipalRecord, start: Int64, end: Int64) throws -> [BusyPeriod] {
        let name = String(principal.uri.split(separator: "/").last ?? "")
        var builder = FreeBusyBuilder(start: start, end: end)
        let calendars = try store.calendars(ofPrincipal: principal.uri).filter {
            !$0.properties.transparent && $0.shareInviteStatus != 4
        }
        let transpName = PropertyName.scheduleCalendarTransp.clark
        let paths = calendars.map { ResourcePath.calendar(name, $0.uri).storagePath }
        let transparentPaths = Set(
            try store.deadProperties(paths: paths).filter { row in
                row.name == transpName && DeadPropertyCodec.element(row)?.has(.transparent) == true
            }.map(\.path))
        for calendar in calendars
        where !transparentPaths.contains(ResourcePath.calendar(name, calendar.uri).storagePath) {
            try store.forEachObject(
                in: calendar.calendarID, componentType: nil, overlapping: (start, end), withData: true
            ) { object in
                guard let data = object.data, let parsed = try? ICalComponent.parse(data) else { return true }
                builder.add(calendar: parsed, resolver: TimeZoneResolver(calendar: parsed))
                return true
            }
        }
        let availabilityName = PropertyName.calendarAvailability.clark
        let inboxRows = try store.deadProperties(path: ResourcePath.inbox(name).storagePath)
        if let row = inboxRows.first(where: { $0.name == availabilityName }),
            let element = DeadPropertyCodec.element(row),
            let calendar = try? ICalComponent.parse(element.text)
        {
            let resolver = TimeZoneResolver(calendar: calendar)
            for component in calendar.components(named: "VAVAILABILITY") {
                builder.add(availability: Availability(component, resolver: resolver), resolver: resolver)
            }
        }
        return builder.busyPeriods()
    }
}
