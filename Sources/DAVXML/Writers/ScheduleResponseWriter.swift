/// The outcome of scheduling for one recipient (RFC 6638 §3.2.8.1, RFC 4791 §7.10 free-busy POST).
public struct ScheduleRecipientResult: Hashable, Sendable {
    /// The recipient's calendar user address, e.g. `mailto:bob@example.com`.
    public var recipient: String
    /// iTIP request status, e.g. `2.0;Success`, `3.7;Invalid calendar user`.
    public var requestStatus: String
    /// Free-busy data (VFREEBUSY reply) for the free-busy POST.
    public var calendarData: String?
    /// A precondition element, e.g. `.recipientPermissions`.
    public var error: PropertyName?
    /// `DAV:responsedescription`.
    public var description: String?

    /// Creates a result.
    public init(recipient: String, requestStatus: String, calendarData: String? = nil, error: PropertyName? = nil, description: String? = nil) {
        self.recipient = recipient
        self.requestStatus = requestStatus
        self.calendarData = calendarData
        self.error = error
        self.description = description
    }
}

/// Builds a `CALDAV:schedule-response` body for a POST to the outbox (RFC 6638 §3.2.8.1).
public enum ScheduleResponseWriter {
    /// One `CALDAV:response` per recipient, in order.
    public static func body(_ results: [ScheduleRecipientResult]) -> [UInt8] {
        var writer = XMLWriter(capacity: 512 + results.count * 1024)
        writer.startDocument(root: .scheduleResponse)
        for result in results {
            writer.open(.calDAVResponse)
            writer.open(.recipient)
            writer.href(result.recipient)
            writer.close(.recipient)
            writer.element(.requestStatus, text: result.requestStatus)
            if let data = result.calendarData { writer.element(.calendarData, text: data) }
            if let error = result.error {
                writer.open(.error)
                writer.empty(error)
                writer.close(.error)
            }
            if let description = result.description { writer.element(.responseDescription, text: description) }
            writer.close(.calDAVResponse)
        }
        writer.endDocument(root: .scheduleResponse)
        writer.append("\n")
        return writer.bytes
    }
}
