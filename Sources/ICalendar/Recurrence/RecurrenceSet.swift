/// The instances of one recurring (or not) calendar object: a master
/// component with RRULE/RDATE/EXDATE plus its overridden instances
/// (RECURRENCE-ID components) (RFC 5545 §3.8.5, §3.8.4.4).
public struct RecurrenceSet: Hashable, Sendable {
    /// The component without RECURRENCE-ID, if any.
    public var master: ICalComponent?
    /// Components with RECURRENCE-ID (overridden instances), in document order.
    public var overrides: [ICalComponent]

    /// One occurrence of the object (RFC 5545 §3.8.5.3).
    public struct Instance: Hashable, Sendable {
        /// The original start (RECURRENCE-ID) in UTC seconds; nil for a non-recurring component.
        public var recurrenceID: Int64?
        /// The RECURRENCE-ID as a value in the form of the master's DTSTART (zone, DATE or DATE-TIME).
        public var recurrenceIDValue: ICalDateTime?
        /// Start, UTC seconds since the epoch.
        public var start: Int64
        /// End (exclusive), UTC seconds; equal to `start` for an instant.
        public var end: Int64
        /// Whether the instance is all-day (DATE-valued).
        public var isDateOnly: Bool
        /// The component whose properties apply: the master or an override.
        public var component: ICalComponent
        /// Whether `component` is an override (including one reached through RANGE=THISANDFUTURE).
        public var isOverride: Bool
        /// The start as wall-clock time in the anchor's zone (the date of an all-day instance).
        var wallStart: LocalDateTime
    }

    /// Creates a set from a master and its overrides.
    public init(master: ICalComponent?, overrides: [ICalComponent] = []) {
        self.master = master
        self.overrides = overrides
    }

    /// The set of the first UID among a VCALENDAR's components named `componentName` (one CalDAV object resource).
    public init(calendar: ICalComponent, componentName: String) {
        self = RecurrenceSet.all(in: calendar, componentName: componentName).first ?? RecurrenceSet(master: nil)
    }

    /// One set per UID among a VCALENDAR's components named `componentName`, in order of first appearance.
    public static func all(in calendar: ICalComponent, componentName: String) -> [RecurrenceSet] {
        var order: [String] = []
        var sets: [String: RecurrenceSet] = [:]
        for component in calendar.components(named: componentName) {
            let uid = component[raw: "UID"] ?? ""
            if sets[uid] == nil {
                order.append(uid)
                sets[uid] = RecurrenceSet(master: nil)
            }
            if component.property("RECURRENCE-ID") == nil, sets[uid]!.master == nil {
                sets[uid]!.master = component
            } else {
                sets[uid]!.overrides.append(component)
            }
        }
        return order.map { sets[$0]! }
    }

    /// Whether the master has RRULE or RDATE.
    public var isRecurring: Bool {
        guard let master else { return false }
        return master.property("RRULE") != nil || master.property("RDATE") != nil
    }

    /// All instances touching `range`, sorted by start, and why expansion stopped early if it did (RFC 4791 §9.6.5 expand).
    public func sortedInstances(
        in range: TimeRange = .unbounded, resolver: TimeZoneResolver, limits: RecurrenceLimits = .default
    ) -> (instances: [Instance], truncation: RecurrenceTruncation?) {
        var iterator = instances(in: range, resolver: resolver, limits: limits)
        var all: [Instance] = []
        while let next = iterator.next() { all.append(next) }
        all.sort { ($0.start, $0.recurrenceID ?? .min) < ($1.start, $1.recurrenceID ?? .min) }
        return (all, iterator.truncation)
    }

    /// Instances that may touch `range`: start before its end and end at or after its start (RFC 4791 §9.9 callers apply their exact rule).
    ///
    /// Overrides come first (sorted by start), then the series lazily in
    /// recurrence order. Floating and DATE values are read in the resolver's
    /// floating zone. Components without DTSTART (or DUE) have no instances.
    /// An EXDATE also hides an override stored for the same RECURRENCE-ID.
    public func instances(
        in range: TimeRange = .unbounded, resolver: TimeZoneResolver, limits: RecurrenceLimits = .default
    ) -> Instances {
        Instances(set: self, range: range, resolver: resolver, limits: limits)
    }
}
