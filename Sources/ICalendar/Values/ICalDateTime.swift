/// A DATE or DATE-TIME value with its zone (RFC 5545 §3.3.4, §3.3.5).
public struct ICalDateTime: Hashable, Sendable {
    /// Where a DATE-TIME is anchored.
    public enum Zone: Hashable, Sendable {
        /// Form #2, trailing `Z`.
        case utc
        /// Form #1, no zone: the same wall-clock time everywhere.
        case floating
        /// Form #3, `TZID=` parameter (the TZID text as written).
        case tzid(String)
    }

    /// The wall-clock fields.
    public var local: LocalDateTime
    /// True for a DATE value (no time part; `VALUE=DATE`).
    public var isDateOnly: Bool
    /// The zone; DATE values are always `.floating`.
    public var zone: Zone

    /// Creates a value.
    public init(local: LocalDateTime, isDateOnly: Bool = false, zone: Zone = .floating) {
        self.local = local
        self.isDateOnly = isDateOnly
        self.zone = isDateOnly ? .floating : zone
    }

    /// A UTC DATE-TIME from seconds since the epoch.
    public static func utc(_ seconds: Int64) -> ICalDateTime {
        ICalDateTime(local: LocalDateTime(secondsSinceEpoch: seconds), zone: .utc)
    }

    /// The value text as RFC 5545 writes it (`20260101`, `20260101T090000`, `…Z`).
    public var valueText: String {
        if isDateOnly {
            let s = local.description
            return String(s.prefix(8))
        }
        return zone == .utc ? local.description + "Z" : local.description
    }

    /// The TZID, if the zone is one.
    public var tzid: String? {
        if case .tzid(let id) = zone { return id }
        return nil
    }
}
