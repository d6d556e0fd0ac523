import Foundation

/// A time zone as the library uses it: offsets from UTC over time (RFC 5545 §3.6.5).
///
/// Backed by a fixed offset, by the observances of a VTIMEZONE
/// (`from(vtimezone:)`), or by the IANA database through Foundation
/// (`named(_:)`, which also knows Windows and other client spellings).
public struct ICalTimeZone: Hashable, Sendable {
    enum Storage: Hashable, Sendable {
        case fixed(Int)
        case observances(ObservanceRules)
        case system(TimeZone)
    }

    let storage: Storage
    /// The TZID or IANA name this zone was made from (nil for anonymous fixed offsets).
    public let identifier: String?

    init(storage: Storage, identifier: String? = nil) {
        self.storage = storage
        self.identifier = identifier
    }

    /// UTC.
    public static let utc = ICalTimeZone(storage: .fixed(0), identifier: "UTC")

    /// A zone with one constant offset in seconds east of UTC.
    public static func fixed(_ seconds: Int) -> ICalTimeZone { ICalTimeZone(storage: .fixed(seconds)) }

    /// Offset in seconds east of UTC at a UTC instant.
    public func offset(atUTC seconds: Int64) -> Int {
        switch storage {
        case .fixed(let offset): return offset
        case .observances(let rules): return rules.offset(atUTC: seconds)
        case .system(let zone):
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(clampToCivilRange(seconds))))
        }
    }

    /// The UTC instant of a wall-clock time in this zone. A time in a DST gap
    /// is moved forward by the gap's length; an ambiguous time takes the first
    /// (earlier) occurrence (RFC 5545 §3.3.5).
    public func utcSeconds(forLocal local: LocalDateTime) -> Int64 {
        let wall = local.secondsSinceEpoch
        if case .fixed(let offset) = storage { return wall - Int64(offset) }
        guard wall == clampToCivilRange(wall) else { return wall - Int64(offset(atUTC: wall)) }
        // Offsets lie within ±14 h, so a day either side brackets the instant.
        let before = offset(atUTC: wall - 86_400)
        let after = offset(atUTC: wall + 86_400)
        if before == after {
            let candidate = wall - Int64(before)
            if offset(atUTC: candidate) == before { return candidate }
        }
        var best: Int64? = nil
        for candidateOffset in [before, after] {
            let candidate = wall - Int64(candidateOffset)
            if offset(atUTC: candidate) == candidateOffset {
                best = min(best ?? candidate, candidate)
            }
        }
        if let best { return best }
        // In a gap: read the wall time with the offset in force before it,
        // which lands the same distance past the transition.
        return wall - Int64(before)
    }

    /// The wall-clock time in this zone at a UTC instant.
    public func local(atUTC seconds: Int64) -> LocalDateTime {
        let t = clampToCivilRange(seconds)
        return LocalDateTime(secondsSinceEpoch: t + Int64(offset(atUTC: t)))
    }

    /// Whether this zone has the same offset at every instant.
    public var isFixed: Bool {
        if case .fixed = storage { return true }
        return false
    }

    /// Checks that the IANA database is reachable; call once at start-up.
    ///
    /// With `--static-swift-stdlib`, Foundation only finds its zone data when
    /// the binary references `TimeZone.knownTimeZoneIdentifiers`; this does, and
    /// verifies New York's winter and summer offsets.
    public static func selfTest() -> Bool {
        guard !TimeZone.knownTimeZoneIdentifiers.isEmpty,
            let newYork = TimeZone(identifier: "America/New_York")
        else { return false }
        let january = Date(timeIntervalSince1970: 1_767_268_800)  // 2026-01-01T12:00Z
        let july = Date(timeIntervalSince1970: 1_782_907_200)  // 2026-07-01T12:00Z
        return newYork.secondsFromGMT(for: january) == -18_000 && newYork.secondsFromGMT(for: july) == -14_400
    }
}
