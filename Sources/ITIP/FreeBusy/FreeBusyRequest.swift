import ICalendar

/// A VFREEBUSY REQUEST as POSTed to an outbox (RFC 6638 §5, RFC 5546 §3.3.2).
public struct FreeBusyRequest: Hashable, Sendable {
    /// UID of the request (echoed in replies).
    public var uid: String?
    /// The ORGANIZER property as written.
    public var organizer: ICalProperty
    /// The ATTENDEE properties: the users whose busy time is asked for.
    public var attendees: [ICalProperty]
    /// Start of the window, UTC seconds.
    public var start: Int64
    /// End of the window, UTC seconds.
    public var end: Int64
    /// The VFREEBUSY as sent.
    public var component: ICalComponent

    /// Reads a METHOD:REQUEST VCALENDAR with one VFREEBUSY (RFC 5546 §3.3.2 restrictions).
    public init(_ calendar: ICalComponent) throws(ITIPError) {
        guard ITIPEngine.method(of: calendar) == .request else { throw .invalidSchedulingData("METHOD must be REQUEST") }
        let busy = calendar.components(named: "VFREEBUSY")
        guard busy.count == 1, let component = busy.first else { throw .invalidSchedulingData("exactly one VFREEBUSY") }
        guard let organizer = component.property("ORGANIZER") else { throw .invalidSchedulingData("no ORGANIZER") }
        let attendees = component.properties(named: "ATTENDEE")
        guard !attendees.isEmpty else { throw .invalidSchedulingData("no ATTENDEE") }
        let resolver = TimeZoneResolver(calendar: calendar)
        guard let startProperty = component.property("DTSTART"), let start = startProperty.dateTimeValue,
            let endProperty = component.property("DTEND"), let end = endProperty.dateTimeValue
        else { throw .invalidSchedulingData("DTSTART and DTEND are required") }
        let from = resolver.utcSeconds(start)
        let to = resolver.utcSeconds(end)
        guard from < to else { throw .invalidSchedulingData("DTEND must follow DTSTART") }
        self.uid = component[raw: "UID"]
        self.organizer = organizer
        self.attendees = attendees
        self.start = from
        self.end = to
        self.component = component
    }

    /// Throws `invalidOrganizer` unless the ORGANIZER is one of `sender`'s addresses (RFC 6638 §6.1.1).
    public func validateOrganizer(_ sender: CalendarUser) throws(ITIPError) {
        guard sender.owns(organizer.rawValue) else { throw .invalidOrganizer }
    }
}

extension ITIPEngine {
    /// The VCALENDAR METHOD:REPLY with one VFREEBUSY answering `request` for one attendee
    /// (RFC 5546 §3.3.3): periods (e.g. from ICalendar's `FreeBusyBuilder`) clipped to the
    /// window, merged per FBTYPE, in UTC.
    public static func freeBusyReply(
        to request: FreeBusyRequest, attendee: ICalProperty, busy: [BusyPeriod], now: Int64
    ) -> ICalComponent {
        var reply = ICalComponent("VFREEBUSY")
        if let uid = request.uid { reply.addProperty(ICalProperty("UID", rawValue: uid)) }
        reply.addProperty(ICalProperty("DTSTAMP", rawValue: ICalDateTime.utc(now).valueText))
        reply.addProperty(ICalProperty("DTSTART", rawValue: ICalDateTime.utc(request.start).valueText))
        reply.addProperty(ICalProperty("DTEND", rawValue: ICalDateTime.utc(request.end).valueText))
        var organizer = request.organizer
        organizer[parameter: "SCHEDULE-STATUS"] = nil
        reply.addProperty(organizer)
        var who = attendee
        who[parameter: "SCHEDULE-STATUS"] = nil
        reply.addProperty(who)
        var byType: [FreeBusyType: [(Int64, Int64)]] = [:]
        for period in busy where period.type != .free {
            let s = max(period.start, request.start)
            let e = min(period.end, request.end)
            if s < e { byType[period.type, default: []].append((s, e)) }
        }
        let order: [FreeBusyType] = [.busy, .busyTentative, .busyUnavailable]
        for type in order {
            guard let periods = byType[type] else { continue }
            for (s, e) in merge(periods) {
                let params = type == .busy ? [] : [ICalParameter("FBTYPE", type.rawValue)]
                reply.addProperty(
                    ICalProperty("FREEBUSY", rawValue: ICalDateTime.utc(s).valueText + "/" + ICalDateTime.utc(e).valueText, parameters: params))
            }
        }
        var calendar = ICalComponent("VCALENDAR")
        calendar.addProperty(ICalProperty("VERSION", rawValue: "2.0"))
        calendar.addProperty(ICalProperty("PRODID", rawValue: productID))
        calendar.addProperty(ICalProperty("METHOD", rawValue: ITIPMethod.reply.rawValue))
        calendar.components = [reply]
        return calendar
    }

    static func merge(_ periods: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var result: [(Int64, Int64)] = []
        for (s, e) in periods.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, s <= last.1 {
                result[result.count - 1].1 = max(last.1, e)
            } else {
                result.append((s, e))
            }
        }
        return result
    }
}
