/// The index columns of a stored calendar object, as sabre/dav's
/// `calendarobjects` table holds them (uid, componenttype, firstoccurence,
/// lastoccurence; see the project's sabre-schema notes).
public struct ObjectIndex: Hashable, Sendable {
    /// UID of the first component that is not a VTIMEZONE.
    public var uid: String?
    /// Name of that component (`VEVENT`, `VTODO`, `VJOURNAL`…).
    public var componentType: String?
    /// Start of the earliest instance, UTC seconds; only for VEVENT objects.
    public var firstOccurrence: Int64?
    /// End of the latest instance, UTC seconds; only for VEVENT objects.
    public var lastOccurrence: Int64?

    /// Creates an index row.
    public init(uid: String?, componentType: String?, firstOccurrence: Int64?, lastOccurrence: Int64?) {
        self.uid = uid
        self.componentType = componentType
        self.firstOccurrence = firstOccurrence
        self.lastOccurrence = lastOccurrence
    }
}

/// Computes `ObjectIndex` the way sabre/dav 4 does, so rows written by either server agree (RFC 4791 §9.9 pre-filtering).
///
/// firstOccurrence is the master's DTSTART (even when an EXDATE removes it,
/// as in sabre) or an earlier override. Differences from sabre, both on the
/// safe side for time-range queries:
/// every VEVENT of the object is considered (an override moved past the end
/// of the series widens the range), and a series cut short by
/// `RecurrenceLimits` counts as unbounded.
///
/// VTODO and VJOURNAL objects get NULL occurrences, as in sabre: sabre only
/// trusts these columns for VEVENT queries and post-filters everything else,
/// and a database shared with sabre should not carry values that one server
/// computes and the other ignores.
public enum ObjectIndexer {
    /// 2038-01-01T00:00:00Z: where sabre stops walking a series, and what it stores for an unbounded one.
    public static let horizon: Int64 = 2_145_916_800

    /// The index row of a VCALENDAR object resource (floating and DATE values read as UTC, like sabre).
    public static func index(of calendar: ICalComponent, limits: RecurrenceLimits = .default) -> ObjectIndex {
        guard let first = calendar.components.first(where: { $0.name != "VTIMEZONE" }) else {
            return ObjectIndex(uid: nil, componentType: nil, firstOccurrence: nil, lastOccurrence: nil)
        }
        var index = ObjectIndex(uid: first[raw: "UID"], componentType: first.name, firstOccurrence: nil, lastOccurrence: nil)
        guard first.name == "VEVENT" else { return index }
        let resolver = TimeZoneResolver(calendar: calendar, floatingZone: .utc)
        let uid = index.uid
        let events = calendar.components(named: "VEVENT").filter { $0[raw: "UID"] == uid }
        var set = RecurrenceSet(master: nil)
        for event in events {
            if event.property("RECURRENCE-ID") == nil && set.master == nil { set.master = event } else { set.overrides.append(event) }
        }
        var earliest = Int64.max
        var latest = Int64.min
        var unbounded = false
        if let master = set.master {
            for property in master.properties(named: "RRULE") {
                if let rule = try? RecurrenceRule(parsing: property.rawValue), !rule.isBounded { unbounded = true }
            }
        }
        var instances = set.instances(in: TimeRange(end: unbounded ? nil : horizon), resolver: resolver, limits: limits)
        var walkedSeries = 0
        while let instance = instances.next() {
            earliest = Swift.min(earliest, instance.start)
            latest = Swift.max(latest, instance.end)
            if !instance.isOverride || instance.recurrenceID == nil { walkedSeries += 1 }
            // For an unbounded series the first instance is enough; its end is the horizon anyway.
            if unbounded && walkedSeries > 0 && instances.isPastOverrides { break }
        }
        if instances.truncation != nil { unbounded = true }
        // sabre stores the master's DTSTART even when EXDATE removes it; so do we, to agree row for row.
        if let start = set.master?.property("DTSTART")?.dateTimeValue, earliest != .max {
            earliest = Swift.min(earliest, resolver.utcSeconds(start))
        }
        guard earliest != .max else { return index }
        index.firstOccurrence = earliest
        index.lastOccurrence = unbounded ? Swift.max(latest, horizon) : latest
        return index
    }
}
