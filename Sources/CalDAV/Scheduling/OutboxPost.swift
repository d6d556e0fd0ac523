import DAVXML
import ICalendar
import ITIP
import Storage

extension CalDAVServer {
    /// POST to a schedule outbox (RFC 6638 §5): a VFREEBUSY REQUEST answers with every
    /// recipient's busy time; other iTIP methods from clients that schedule themselves
    /// are checked (RFC 5546 §3) and delivered like implicit messages. Answers a
    /// `CALDAV:schedule-response` with one response per recipient.
    func outboxPost(_ context: RequestContext, owner name: String) throws -> DAVResponse {
        let owner = try principalRecord(name)
        // Who may send at all is settled before the body is read; the method's own privilege after.
        if try privileges(of: context.user, on: context.path).intersection(.scheduleSend).isEmpty {
            try require(.scheduleSend, on: context.path, for: context.user)
        }
        if let type = context.request.header("content-type") {
            let media = type.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
            guard media == "text/calendar" else {
                throw DAVError(415, .supportedCalendarData, "\(media) is not text/calendar")
            }
        }
        let calendar: ICalComponent
        do {
            calendar = try ICalComponent.parse(context.request.body)
        } catch {
            throw DAVError(400, .validCalendarData, "the body is not iCalendar: \(error)")
        }
        let scheduler = scheduler(context)
        let method: ITIPMethod
        do {
            method = try ITIPEngine.validateOutboxMessage(calendar, sender: scheduler.calendarUser(owner))
        } catch {
            throw DAVError.scheduling(error)
        }
        let needed: Privilege
        switch method {
        case _ where !calendar.components(named: "VFREEBUSY").isEmpty: needed = .scheduleSendFreeBusy
        case .reply, .refresh, .counter: needed = .scheduleSendReply
        default: needed = .scheduleSendInvite
        }
        try require(needed, on: context.path, for: context.user)
        let results: [ScheduleRecipientResult]
        if !calendar.components(named: "VFREEBUSY").isEmpty {
            results = try freeBusyResults(calendar, context: context, scheduler: scheduler)
        } else {
            results = try explicitDelivery(calendar, method: method, owner: owner, scheduler: scheduler)
        }
        let body = ScheduleResponseWriter.body(results)
        return DAVResponse(
            status: 200,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }

    /// The busy time of each ATTENDEE of a VFREEBUSY REQUEST (RFC 6638 §5): any local user the
    /// requester may schedule with answers 2.0 with data, others 3.7, a refusal 3.8.
    private func freeBusyResults(_ calendar: ICalComponent, context: RequestContext, scheduler: Scheduler<Store>)
        throws -> [ScheduleRecipientResult]
    {
        let request: FreeBusyRequest
        do {
            request = try FreeBusyRequest(calendar)
        } catch {
            throw DAVError.scheduling(error)
        }
        guard request.attendees.count <= configuration.maxAttendeesPerInstance else {
            throw DAVError(403, .maxAttendeesPerInstance, "too many recipients")
        }
        let service = FreeBusyService(store: store, limits: configuration.freeBusyLimits)
        var results: [ScheduleRecipientResult] = []
        for attendee in request.attendees {
            let address = attendee.rawValue.trimmingSpaces()
            guard let principal = try scheduler.localPrincipal(for: address) else {
                results.append(
                    ScheduleRecipientResult(
                        recipient: address, requestStatus: ScheduleStatus.invalidUser.requestStatusText,
                        error: .recipientExists))
                continue
            }
            let recipientName = Scheduler<Store>.name(of: principal)
            guard try mayQueryFreeBusy(of: recipientName, context: context) else {
                results.append(
                    ScheduleRecipientResult(
                        recipient: address, requestStatus: ScheduleStatus.noPrivileges.requestStatusText,
                        error: .recipientPermissions))
                continue
            }
            let busy = try service.busyPeriods(ofPrincipal: principal.uri, in: request.start..<request.end)
            let reply = ITIPEngine.freeBusyReply(to: request, attendee: attendee, busy: busy, now: context.now)
            results.append(
                ScheduleRecipientResult(
                    recipient: address, requestStatus: ScheduleStatus.success.requestStatusText,
                    calendarData: reply.serialized()))
        }
        return results
    }

    /// Free-busy of a user may be asked by whoever may deliver to their inbox
    /// (schedule-query-freebusy, RFC 6638 §6.1.2) or holds read-free-busy on their calendars.
    private func mayQueryFreeBusy(of name: String, context: RequestContext) throws -> Bool {
        if name == context.user.username { return true }
        if try privileges(of: context.user, on: .inbox(name)).contains(.scheduleQueryFreeBusy) { return true }
        return try privileges(of: context.user, on: .calendarHome(name)).contains(.readFreeBusy)
    }

    /// Delivers a client-built iTIP message (REQUEST, CANCEL, REPLY…) to the recipients it names:
    /// the ATTENDEEs for organizer methods, the ORGANIZER for attendee methods; in one transaction.
    private func explicitDelivery(
        _ calendar: ICalComponent, method: ITIPMethod, owner: PrincipalRecord, scheduler: Scheduler<Store>
    ) throws -> [ScheduleRecipientResult] {
        let components = calendar.components.filter { $0.name == "VEVENT" || $0.name == "VTODO" }
        guard let first = components.first, let uid = first[raw: "UID"],
            let organizer = Scheduler<Store>.organizer(of: calendar)
        else { throw DAVError(403, .validCalendarData, "no VEVENT or VTODO with UID and ORGANIZER") }
        let sender = scheduler.calendarUser(owner)
        var recipients: [String] = []
        var seen = Set<CalendarAddress>()
        switch method {
        case .reply, .refresh, .counter:
            recipients = [organizer]
        default:
            for component in components {
                for attendee in component.properties(named: "ATTENDEE") where !sender.owns(attendee.rawValue) {
                    if seen.insert(CalendarAddress(attendee.rawValue)).inserted {
                        recipients.append(attendee.rawValue)
                    }
                }
            }
        }
        guard recipients.count <= configuration.maxAttendeesPerInstance else {
            throw DAVError(403, .maxAttendeesPerInstance, "too many recipients")
        }
        let originator =
            method == .reply || method == .refresh || method == .counter
            ? (components.flatMap { $0.properties(named: "ATTENDEE") }.first { sender.owns($0.rawValue) }?.rawValue
                ?? organizer)
            : organizer
        let change: ITIPChange = method == .reply ? .reply : method == .cancel ? .cancel : .update
        let messages = recipients.map {
            ITIPMessage(
                method: method, uid: uid, componentType: first.name, sender: originator, recipient: $0, change: change,
                calendar: calendar)
        }
        let statuses: [ScheduleStatus] = try store.transaction {
            try messages.map { try scheduler.deliver($0, from: owner) }
        }
        return zip(recipients, statuses).map { recipient, status in
            ScheduleRecipientResult(recipient: recipient, requestStatus: status.requestStatusText)
        }
    }
}
