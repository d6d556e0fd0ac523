import ICalendar

/// Identifies one component of a recurring set: the master, or the instance
/// whose RECURRENCE-ID is a given UTC instant (RFC 5545 §3.8.4.4).
struct InstanceKey: Hashable, Comparable, Sendable {
    /// nil for the master component.
    let utc: Int64?

    static let master = InstanceKey(utc: nil)

    var isMaster: Bool { utc == nil }

    static func < (lhs: InstanceKey, rhs: InstanceKey) -> Bool {
        switch (lhs.utc, rhs.utc) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (l?, r?): return l < r
        }
    }
}
