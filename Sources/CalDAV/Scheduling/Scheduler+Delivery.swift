import ICalendar
import ITIP
import Storage

extension Scheduler {
    /// Delivers each message and returns the SCHEDULE-STATUS per recipient address (RFC 6638 §3.2.9):
    /// 1.2 into a local inbox, the external transport's answer for others, 3.7 without one.
    func deliver(_ messages: [ITIPMessage], from sender: PrincipalRecord) throws -> [String: ScheduleStatus] {
        var statuses: [String: ScheduleStatus] = [:]
        for message in messages {
            let status = try deliver(message, from: sender)
            // Refreshes only bring other attendees' answers; they leave no status behind.
            if message.isSignificant { statuses[message.recipient] = status }
        }
        return statuses
    }

    /// Delivers one message (RFC 6638 §4.1): a local recipient gets an inbox item and its copy updated.
    func deliver(_ message: ITIPMessage, from sender: PrincipalRecord) throws -> ScheduleStatus {
        if let recipient = try localPrincipal(for: message.recipient) {
            // A user inviting one of their own other addresses has nothing to deliver to.
            if recipient.uri == sender.uri { return .delivered }
            try deliverLocally(message, to: recipient)
            return .delivered
        }
        guard message.isSignificant else { return .delivered }
        guard let external = configuration.externalDelivery else { return .invalidUser }
        return try external.deliver(message, sender: sender, queue: store, now: now)
    }

    /// Puts the message into `recipient`'s inbox (significant messages only) and applies it:
    /// REQUEST and CANCEL to the attendee's copy, REPLY to the organizer's copy.
    func deliverLocally(_ message: ITIPMessage, to recipient: PrincipalRecord) throws {
        let itemName = "almanac-" + makeID() + ".ics"
        if message.isSignificant {
            let body = message.calendar.serialized()
            let bytes = Array(body.utf8)
            try store.putInboxItem(
                principalURI: recipient.uri, uri: itemName, data: body, etag: MD5.hex(bytes), size: bytes.count,
                lastModified: now)
        }
        switch message.method {
        case .request:
            try applyRequest(message, to: recipient, newName: itemName)
        case .cancel:
            try applyCancel(message, to: recipient)
        case .reply:
            try applyReply(message, to: recipient)
        default:
            // PUBLISH, ADD, COUNTER…: the inbox item is all; the recipient's client decides.
            break
        }
    }

    /// A REQUEST updates the attendee's copy in place, or creates it in the default calendar
    /// under the inbox item's name (what sabre does).
    private func applyRequest(_ message: ITIPMessage, to recipient: PrincipalRecord, newName: String) throws {
        let found = try copy(uid: message.uid, of: recipient)
        let existingCalendar = try found.flatMap { try parse($0.1) }
        if let existingCalendar, !sameOrganizer(existingCalendar, message.calendar) { return }
        let result: ApplyResult
        do {
            result = try ITIPEngine.apply(
                request: message.calendar, to: existingCalendar, recipient: calendarUser(recipient))
        } catch {
            return  // An unusable message stays in the inbox for the client to look at.
        }
        guard !result.isStale, let object = result.object else { return }
        if let (instance, stored) = found {
            try writeServerCopy(
                object, uri: stored.uri, in: instance, existing: stored, changesScheduleTag: result.changesScheduleTag)
        } else if let instance = try defaultCalendar(of: recipient, componentType: message.componentType) {
            try writeServerCopy(object, uri: newName, in: instance, existing: nil, changesScheduleTag: true)
        }
    }

    /// A CANCEL removes the copy, or the cancelled instances from it.
    private func applyCancel(_ message: ITIPMessage, to recipient: PrincipalRecord) throws {
        guard let (instance, stored) = try copy(uid: message.uid, of: recipient),
            let existing = try parse(stored), sameOrganizer(existing, message.calendar)
        else { return }
        guard let result = try? ITIPEngine.apply(cancel: message.calendar, to: existing), !result.isStale else {
            return
        }
        if let object = result.object {
            try writeServerCopy(
                object, uri: stored.uri, in: instance, existing: stored, changesScheduleTag: result.changesScheduleTag)
        } else {
            try store.deleteObject(named: stored.uri, in: instance.calendarID)
        }
    }

    /// A REPLY updates the organizer's copy (PARTSTAT, SCHEDULE-STATUS 2.0) without changing its
    /// Schedule-Tag, then refreshes the other attendees' copies (RFC 6638 §3.2.2, §4.1).
    private func applyReply(_ message: ITIPMessage, to organizer: PrincipalRecord) throws {
        guard let (instance, stored) = try copy(uid: message.uid, of: organizer), let existing = try parse(stored)
        else {
            return
        }
        let user = calendarUser(organizer)
        guard case .organizer = (try? ITIPEngine.role(of: existing, for: user)) ?? .none else { return }
        guard let result = try? ITIPEngine.apply(reply: message.calendar, to: existing, organizer: user, now: now),
            let object = result.object
        else { return }
        try writeServerCopy(
            object, uri: stored.uri, in: instance, existing: stored, changesScheduleTag: result.changesScheduleTag)
        for refresh in result.messages {
            _ = try deliver(refresh, from: organizer)
        }
    }

    /// Whether a recipient's copy belongs to the organizer of the incoming message, so an
    /// outsider cannot take over someone's event by reusing its UID.
    func sameOrganizer(_ existing: ICalComponent, _ incoming: ICalComponent) -> Bool {
        func organizer(_ calendar: ICalComponent) -> CalendarAddress? {
            for component in calendar.components where component.name == "VEVENT" || component.name == "VTODO" {
                if let value = component.property("ORGANIZER")?.rawValue { return CalendarAddress(value) }
            }
            return nil
        }
        return organizer(existing) == organizer(incoming)
    }

    /// The body of a stored object, parsed; nil when it has none or does not parse.
    func parse(_ object: StoredObject) throws -> ICalComponent? {
        guard let data = object.data else { return nil }
        return try? ICalComponent.parse(data)
    }
}
