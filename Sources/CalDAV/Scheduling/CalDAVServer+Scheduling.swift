import ICalendar
import ITIP
import Storage

extension CalDAVServer {
    /// The scheduler for one request; `Schedule-Reply: F` suppresses attendee replies (RFC 6638 §8.1).
    func scheduler(_ context: RequestContext) -> Scheduler<Store> {
        var scheduler = Scheduler(
            store: store, urls: urls, configuration: configuration, now: context.now, makeID: makeID)
        if context.request.header("schedule-reply")?.trimmingSpaces().uppercased() == "F" {
            scheduler.options.suppressReply = true
        }
        return scheduler
    }

    /// Delivers an iTIP message that came from outside (an iMIP mail, RFC 6047 §3) to a local
    /// calendar user, with the same steps as an internal delivery (RFC 6638 §4.1): an inbox item,
    /// then a REQUEST or CANCEL applied to the recipient's copy, or a REPLY to the organizer's copy
    /// (and the other attendees refreshed). All in one transaction.
    ///
    /// - Parameters:
    ///   - calendar: the VCALENDAR with METHOD, as received.
    ///   - sender: the originator's address (`mailto:…`), checked against the message: the
    ///     ORGANIZER for REQUEST/CANCEL, the replying ATTENDEE for REPLY.
    ///   - recipient: the local user's address (`mailto:…`) or principal uri (`principals/NAME`).
    /// - Returns: 1.2 when delivered; 3.7 when the recipient is not a local user.
    public func applyExternalMessage(_ calendar: ICalComponent, from sender: String, to recipient: String) throws
        -> ScheduleStatus
    {
        let scheduler = Scheduler(store: store, urls: urls, configuration: configuration, now: now(), makeID: makeID)
        let principal: PrincipalRecord?
        if recipient.hasPrefix("principals/") {
            principal = try store.principal(uri: recipient)
        } else {
            principal = try scheduler.localPrincipal(for: recipient.contains(":") ? recipient : "mailto:" + recipient)
        }
        guard let principal else { return .invalidUser }
        // Local users' messages never travel by mail: one claiming to come from a local address is forged.
        if try scheduler.localPrincipal(for: sender) != nil {
            throw DAVError.forbidden(.calDAV("valid-organizer"), "\(sender) is a local user")
        }
        let message = try Self.inboundMessage(
            calendar, from: sender, to: scheduler.addresses(of: principal).first ?? recipient)
        let user = scheduler.calendarUser(principal)
        let components = calendar.components.filter { $0.name == "VEVENT" || $0.name == "VTODO" }
        let addressed: Bool
        switch message.method {
        case .reply, .refresh, .counter:
            addressed = Scheduler<Store>.organizer(of: calendar).map(user.owns) ?? false
        default:
            addressed = components.contains { $0.properties(named: "ATTENDEE").contains { user.owns($0.rawValue) } }
        }
        guard addressed else {
            throw DAVError(403, .validCalendarData, "the message does not name \(recipient) as its recipient")
        }
        try store.transaction { try scheduler.deliverLocally(message, to: principal) }
        return .delivered
    }

    /// An ITIPMessage for an incoming VCALENDAR after checking that `sender` may send it (RFC 5546 §3).
    static func inboundMessage(_ calendar: ICalComponent, from sender: String, to recipient: String) throws
        -> ITIPMessage
    {
        guard let method = ITIPEngine.method(of: calendar) else {
            throw DAVError(403, .validCalendarData, "the message has no known METHOD")
        }
        let components = calendar.components.filter { $0.name == "VEVENT" || $0.name == "VTODO" }
        guard let first = components.first, let uid = first[raw: "UID"] else {
            throw DAVError(403, .validCalendarData, "the message has no VEVENT or VTODO with a UID")
        }
        do {
            _ = try ITIPEngine.validateOutboxMessage(calendar, sender: CalendarUser(addresses: [sender]))
        } catch {
            throw DAVError.scheduling(error)
        }
        return ITIPMessage(
            method: method, uid: uid, componentType: first.name, sender: sender, recipient: recipient,
            change: method == .reply ? .reply : method == .cancel ? .cancel : .update, calendar: calendar)
    }
}
