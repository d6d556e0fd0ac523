/// A time zone as the library uses it: offsets from UTC over time.
///
/// SKELETON: only `.utc` and fixed offsets exist yet; VTIMEZONE rules
/// (STANDARD/DAYLIGHT with RRULE/RDATE) and IANA zones come with the time-zone
/// work. The two methods below are the whole contract the rest of the library
/// relies on.
public struct ICalTimeZone: Hashable, Sendable {
    enum Storage: Hashable, Sendable {
        case fixed(Int)
    }

    let storage: Storage

    /// UTC.
    public static let utc = ICalTimeZone(storage: .fixed(0))

    /// A zone with one constant offset in seconds east of UTC.
    public static func fixed(_ seconds: Int) -> ICalTimeZone { ICalTimeZone(storage: .fixed(seconds)) }

    /// Offset in seconds east of UTC at a UTC instant.
    public func offset(atUTC seconds: Int64) -> Int {
        switch storage {
        case .fixed(let offset): return offset
        }
    }

    /// The UTC instant of a wall-clock time in this zone. A time in a DST gap
    /// is moved forward by the gap's length; an ambiguous time takes the first
    /// (earlier) occurrence (RFC 5545 §3.3.5).
    public func utcSeconds(forLocal local: LocalDateTime) -> Int64 {
        switch storage {
        case .fixed(let offset): return local.secondsSinceEpoch - Int64(offset)
        }
    }

    /// The wall-clock time in this zone at a UTC instant.
    public func local(atUTC seconds: Int64) -> LocalDateTime {
        LocalDateTime(secondsSinceEpoch: seconds + Int64(offset(atUTC: seconds)))
    }
}
