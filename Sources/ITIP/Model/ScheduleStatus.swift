/// A SCHEDULE-STATUS / REQUEST-STATUS code (RFC 6638 §3.2.9, RFC 5546 §3.6).
public struct ScheduleStatus: Hashable, Sendable, CustomStringConvertible {
    /// The dotted code, e.g. `1.2`.
    public var code: String

    /// Creates a status from its code.
    public init(_ code: String) { self.code = code }

    /// 1.0 pending: the message is queued.
    public static let pending = ScheduleStatus("1.0")
    /// 1.1 sent: handed to an external transport (iMIP).
    public static let sent = ScheduleStatus("1.1")
    /// 1.2 delivered: placed in the recipient's schedule inbox.
    public static let delivered = ScheduleStatus("1.2")
    /// 2.0 success: a reply was processed.
    public static let success = ScheduleStatus("2.0")
    /// 3.7 invalid calendar user.
    public static let invalidUser = ScheduleStatus("3.7")
    /// 3.8 no scheduling privileges.
    public static let noPrivileges = ScheduleStatus("3.8")
    /// 5.1 could not be delivered.
    public static let deliveryFailed = ScheduleStatus("5.1")
    /// 5.2 invalid date or time.
    public static let invalidDate = ScheduleStatus("5.2")
    /// 5.3 no scheduling support for the user.
    public static let noSchedulingSupport = ScheduleStatus("5.3")

    /// The code text.
    public var description: String { code }

    /// The `request-status` text of an RFC 6638 §6.1 schedule-response, e.g. `2.0;Success`.
    public var requestStatusText: String {
        switch code {
        case "1.0": return "1.0;Pending"
        case "1.1": return "1.1;Sent"
        case "1.2": return "1.2;Delivered"
        case "2.0": return "2.0;Success"
        case "3.7": return "3.7;Invalid calendar user"
        case "3.8": return "3.8;No authority"
        case "5.1": return "5.1;Service unavailable"
        case "5.2": return "5.2;Invalid calendar service"
        case "5.3": return "5.3;No scheduling support for user"
        default: return code
        }
    }
}
