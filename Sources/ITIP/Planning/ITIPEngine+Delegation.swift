import ICalendar

extension ITIPEngine {
    /// RFC 5546 §3.2.2.3: the delegator forwards the invitation to each delegate it newly named
    /// (an ATTENDEE with DELEGATED-FROM the delegator); the REPLY to the organizer names them too.
    static func delegationRequests(
        old: SchedulingObject?, new: SchedulingObject, delegator: CalendarAddress, sender: String, now: Int64
    ) -> [ITIPMessage] {
        var named: [(address: CalendarAddress, raw: String)] = []
        for component in new.components {
            for line in component.properties(named: "ATTENDEE") where AttendeeChangeRules.isDelegate(line, of: delegator) {
                let address = CalendarAddress(line.rawValue)
                let known = old?.components.contains { $0.attendee(address) != nil } ?? false
                if !known, line.isServerScheduled, !named.contains(where: { $0.address == address }) {
                    named.append((address, line.rawValue))
                }
            }
        }
        return named.map { delegate in
            let components = new.components.filter { $0.attendee(delegate.address) != nil }
                .map { MessageBuilder.outgoing($0, now: now) }
            return ITIPMessage(
                method: .request, uid: new.uid, componentType: new.componentType, sender: sender,
                recipient: delegate.raw, change: .new,
                calendar: MessageBuilder.calendar(method: .request, source: new, components: components))
        }
    }
}
