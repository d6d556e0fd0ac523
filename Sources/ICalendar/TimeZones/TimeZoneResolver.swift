/// Turns DATE/DATE-TIME values of one calendar object into UTC instants (RFC 5545 §3.3.5, RFC 4791 §9.9).
///
/// A TZID resolves to the object's own VTIMEZONE when it has one, else to the
/// IANA zone of that name (or the IANA zone a Windows / vendor-prefixed name
/// maps to); an unknown TZID is read as floating and noted in `unknownTZIDs`.
/// Floating times and DATE values are read in `floatingZone` (RFC 4791
/// `calendar-timezone`). Build one per object: every TZID used is resolved
/// once, up front.
public struct TimeZoneResolver: Sendable {
    /// The zone floating times and dates are evaluated in.
    public var floatingZone: ICalTimeZone
    /// TZIDs used by the object that could not be resolved.
    public private(set) var unknownTZIDs: Set<String> = []
    var zones: [String: ICalTimeZone] = [:]

    /// A resolver for one VCALENDAR (its VTIMEZONEs and the TZIDs it uses), floating times in `floatingZone`.
    public init(calendar: ICalComponent?, floatingZone: ICalTimeZone = .utc) {
        self.floatingZone = floatingZone
        guard let calendar else { return }
        for vtimezone in calendar.components where vtimezone.name == "VTIMEZONE" {
            guard let tzid = vtimezone.property("TZID")?.rawValue, zones[tzid] == nil else { continue }
            if let zone = ICalTimeZone.from(vtimezone: vtimezone) { zones[tzid] = zone }
        }
        for component in calendar.components where component.name != "VTIMEZONE" {
            noteTZIDs(in: component)
        }
    }

    /// A resolver with explicit zones (tests, or callers that already resolved them).
    public init(zones: [String: ICalTimeZone], floatingZone: ICalTimeZone = .utc) {
        self.floatingZone = floatingZone
        self.zones = zones
    }

    private mutating func noteTZIDs(in component: ICalComponent) {
        for property in component.properties {
            for parameter in property.parameters where parameter.name == "TZID" {
                let tzid = parameter.value
                if zones[tzid] != nil || unknownTZIDs.contains(tzid) { continue }
                if let zone = ICalTimeZone.named(tzid) { zones[tzid] = zone } else { unknownTZIDs.insert(tzid) }
            }
        }
        for child in component.components { noteTZIDs(in: child) }
    }

    /// The zone for a TZID, or nil when it cannot be resolved.
    public func zone(forTZID tzid: String) -> ICalTimeZone? {
        if let zone = zones[tzid] { return zone }
        if unknownTZIDs.contains(tzid) { return nil }
        return ICalTimeZone.named(tzid)
    }

    /// The zone a value is anchored in (floating and DATE → `floatingZone`).
    public func zone(for zone: ICalDateTime.Zone) -> ICalTimeZone {
        switch zone {
        case .utc: return .utc
        case .floating: return floatingZone
        case .tzid(let id): return self.zone(forTZID: id) ?? floatingZone
        }
    }

    /// The UTC instant of a value; a DATE is its midnight.
    public func utcSeconds(_ value: ICalDateTime) -> Int64 {
        zone(for: value.zone).utcSeconds(forLocal: value.local)
    }

    /// The wall-clock time of a UTC instant in the zone of `like` (for building instances).
    public func local(atUTC seconds: Int64, in zone: ICalDateTime.Zone) -> LocalDateTime {
        self.zone(for: zone).local(atUTC: seconds)
    }
}
