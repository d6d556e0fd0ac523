/// Turns DATE/DATE-TIME values of one calendar object into UTC instants.
///
/// A TZID resolves to the object's own VTIMEZONE when it has one, else to the
/// IANA zone of that name (or the IANA zone a Windows name maps to); an
/// unknown TZID is read as floating and noted in `warnings`. Floating times
/// and DATE values are read in `floatingZone` (RFC 4791 `calendar-timezone`).
///
/// SKELETON: TZID lookup is not implemented yet (every TZID is unknown).
public struct TimeZoneResolver: Sendable {
    /// The zone floating times and dates are evaluated in.
    public var floatingZone: ICalTimeZone
    /// TZIDs that could not be resolved.
    public private(set) var unknownTZIDs: Set<String> = []
    var zones: [String: ICalTimeZone] = [:]

    /// A resolver for one VCALENDAR (its VTIMEZONEs), floating times in `floatingZone`.
    public init(calendar: ICalComponent?, floatingZone: ICalTimeZone = .utc) {
        self.floatingZone = floatingZone
        _ = calendar
    }

    /// The zone for a TZID, or nil when it cannot be resolved.
    public func zone(forTZID tzid: String) -> ICalTimeZone? {
        zones[tzid]
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
}
