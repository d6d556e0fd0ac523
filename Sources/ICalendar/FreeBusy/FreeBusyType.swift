/// The FBTYPE parameter values (RFC 5545 §3.2.9) and RFC 7953 BUSYTYPE values.
public enum FreeBusyType: String, Hashable, Sendable, CaseIterable {
    /// Free time.
    case free = "FREE"
    /// Busy (the default).
    case busy = "BUSY"
    /// Unavailable: outside working hours, for example.
    case busyUnavailable = "BUSY-UNAVAILABLE"
    /// Tentatively busy.
    case busyTentative = "BUSY-TENTATIVE"

    /// Which type shows where busy periods of several types overlap: BUSY over BUSY-UNAVAILABLE over BUSY-TENTATIVE.
    var strength: Int {
        switch self {
        case .free: return 0
        case .busyTentative: return 1
        case .busyUnavailable: return 2
        case .busy: return 3
        }
    }

    /// Reads a parameter value; unknown values count as BUSY (RFC 5545 §3.2.9: "treated as BUSY").
    public init(parameter: String?) {
        guard let parameter else {
            self = .busy
            return
        }
        self = FreeBusyType(rawValue: parameter.uppercased()) ?? .busy
    }
}
