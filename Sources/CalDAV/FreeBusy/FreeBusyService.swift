import DAVXML
import ICalendar
import Storage

/// The busy time of a calendar user, for the free-busy-query REPORT (RFC 4791 §7.10) and the
/// outbox free-busy POST (RFC 6638 §5): events of the user's opaque calendars, shaped by their
/// availability (RFC 7953 §4–5, the inbox's `calendar-availability` and VAVAILABILITY objects).
///
/// Calendars that count are the principal's own and accepted shared instances whose
/// `schedule-calendar-transp` is opaque (`calendarinstances.transparent = 0`). Floating times are
/// read in each calendar's `calendar-timezone`. One query per calendar, one for the availability.
public struct FreeBusyService<Store: CalendarStore> {
    /// The store of the current worker.
    public let store: Store
    /// Bounds against hostile data.
    public var limits: FreeBusyLimits

    /// A service over `store`.
    public init(store: Store, limits: FreeBusyLimits = FreeBusyLimits()) {
        self.store = store
        self.limits = limits
    }

    /// Busy periods of `principalURI` (`principals/alice`) within `window` (UTC seconds), merged and sorted;
    /// events whose UID is `maskUID` are left out (the event being rescheduled).
    public func busyPeriods(ofPrincipal principalURI: String, in window: Range<Int64>, maskUID: String? = nil) throws
        -> [BusyPeriod]
    {
        try builder(ofPrincipal: principalURI, in: window, maskUID: maskUID).busyPeriods()
    }

    /// The same as a VFREEBUSY component: DTSTAMP, `properties` (ORGANIZER, ATTENDEE, UID…), DTSTART, DTEND, FREEBUSY (RFC 5545 §3.6.4).
    public func vfreebusy(
        ofPrincipal principalURI: String, in window: Range<Int64>, dtstamp: Int64, properties: [ICalProperty] = [],
        maskUID: String? = nil
    ) throws -> ICalComponent {
        try builder(ofPrincipal: principalURI, in: window, maskUID: maskUID).component(dtstamp: dtstamp, properties: properties)
    }

    /// The calendar instances whose events make `principalURI` busy.
    ///
    /// Opaque by the `transparent` column, and not marked transparent by a
    /// `schedule-calendar-transp` row in `propertystorage` (which sabre may hold
    /// as a serialized object): one query for the instances, one for those rows.
    public func opaqueCalendars(ofPrincipal principalURI: String) throws -> [CalendarInstance] {
        let candidates = try store.calendars(ofPrincipal: principalURI).filter {
            !$0.properties.transparent && ($0.access == .owner || $0.shareInviteStatus == 2)
        }
        guard !candidates.isEmpty else { return [] }
        let home = "calendars/" + (principalURI.split(separator: "/").dropFirst().first.map(String.init) ?? "")
        let transp = PropertyName.scheduleCalendarTransp.clark
        let transparent = Set(
            try store.deadProperties(paths: candidates.map { home + "/" + $0.uri })
                .filter { $0.name == transp && DeadPropertyCodec.element($0)?.has(.transparent) == true }
                .map(\.path))
        return candidates.filter { !transparent.contains(home + "/" + $0.uri) }
    }

    /// A builder holding the principal's opaque calendars and availability.
    func builder(ofPrincipal principalURI: String, in window: Range<Int64>, maskUID: String?) throws -> FreeBusyBuilder {
        try builder(
            calendars: opaqueCalendars(ofPrincipal: principalURI), availabilityOf: principalURI, in: window, maskUID: maskUID)
    }

    /// A builder over `calendars`, plus the inbox availability of `availabilityOf` when given.
    func builder(
        calendars: [CalendarInstance], availabilityOf principalURI: String?, in window: Range<Int64>, maskUID: String? = nil
    ) throws -> FreeBusyBuilder {
        let end = Swift.min(window.upperBound, window.lowerBound &+ limits.maxWindow)
        var builder = FreeBusyBuilder(
            start: window.lowerBound, end: end, limits: limits.recurrence,
            maxAvailabilityComponents: limits.maxAvailabilityComponents)
        var budget = AvailabilityBudget(components: limits.maxAvailabilityComponents, available: limits.maxAvailableComponents)
        if let principalURI, let stored = try InboxAvailability.calendar(ofPrincipal: principalURI, store: store) {
            // Floating working hours are the user's local time: the zone of their first calendar that names one.
            let home = calendars.first { $0.principalURI == principalURI && $0.properties.timezone != nil }
            let floating = FloatingZone.zone(calendarTimezone: home?.properties.timezone) ?? .utc
            let resolver = TimeZoneResolver(calendar: stored, floatingZone: floating)
            for component in stored.components(named: "VAVAILABILITY") {
                budget.add(component, to: &builder, resolver: resolver)
            }
        }
        // The index reads floating times and dates as UTC; the calendar's zone may shift them by up to 14 hours.
        let floatingSlack: Int64 = 14 * 3600
        for calendar in calendars {
            // Task lists hold nothing that makes anyone busy; an events-only calendar can filter by type in storage.
            let kinds = Set(calendar.components).intersection(["VEVENT", "VFREEBUSY", "VAVAILABILITY"])
            guard !kinds.isEmpty else { continue }
            let floating = FloatingZone.zone(calendarTimezone: calendar.properties.timezone) ?? .utc
            try store.forEachObject(
                in: calendar.calendarID, componentType: kinds == ["VEVENT"] ? "VEVENT" : nil,
                overlapping: (QueryPrefilter.lowerBound(window.lowerBound - floatingSlack), end + floatingSlack), withData: true
            ) { object in
                if let type = object.index.componentType, !["VEVENT", "VFREEBUSY", "VAVAILABILITY"].contains(type) {
                    return true
                }
                if let maskUID, object.index.uid == maskUID { return true }
                guard let data = object.data, var parsed = try? ICalComponent.parse(data) else { return true }
                let resolver = TimeZoneResolver(calendar: parsed, floatingZone: floating)
                let availabilities = parsed.components(named: "VAVAILABILITY")
                if !availabilities.isEmpty {
                    parsed.components.removeAll { $0.name == "VAVAILABILITY" }
                    for component in availabilities { budget.add(component, to: &builder, resolver: resolver) }
                }
                builder.add(calendar: parsed, resolver: resolver)
                return true
            }
        }
        return builder
    }
}
