import ICalendar

/// What a mail says about one event or task, read from its VCALENDAR (RFC 5545 §3.6.1, §3.6.2).
struct EventDetails: Sendable {
    /// One ATTENDEE line for display.
    struct Attendee: Sendable {
        var address: MailAddress
        var partstat: String
        var role: String
    }

    var uid: String?
    var sequence: Int
    var summary: String
    var location: String?
    var description: String?
    var comment: String?
    var url: String?
    var when: String?
    var occurrence: String?
    var isRecurring: Bool
    var isCancelled: Bool
    var organizer: MailAddress?
    var attendees: [Attendee]

    /// The component a mail is about: the master (no RECURRENCE-ID) VEVENT/VTODO, else the first one.
    static func mainComponent(of calendar: ICalComponent) -> ICalComponent? {
        let candidates = calendar.components.filter { ["VEVENT", "VTODO", "VJOURNAL"].contains($0.name) }
        return candidates.first { $0.property("RECURRENCE-ID") == nil } ?? candidates.first
    }

    /// Reads the details; times are shown in `displayZone` when given, else in the event's own zone.
    init?(calendar: ICalComponent, words: DateWords, displayZone: ICalTimeZone?, untitled: String) {
        guard let component = EventDetails.mainComponent(of: calendar) else { return nil }
        func text(_ name: String) -> String? {
            guard let raw = component[raw: name] else { return nil }
            let value = ICalText.unescape(raw).trimmingSpaces
            return value.isEmpty ? nil : value
        }
        uid = component[raw: "UID"]
        sequence = Int(component[raw: "SEQUENCE"]?.trimmingSpaces ?? "") ?? 0
        summary = text("SUMMARY").map { HeaderText.sanitized($0, maxLength: 300) } ?? untitled
        location = text("LOCATION")
        description = text("DESCRIPTION")
        comment = text("COMMENT")
        url = component[raw: "URL"]
        isRecurring = component.property("RRULE") != nil || component.property("RDATE") != nil
        isCancelled = component[raw: "STATUS"]?.uppercased() == "CANCELLED"
        if let organizer = component.property("ORGANIZER") {
            self.organizer = MailAddress(organizer.rawValue, name: organizer[parameter: "CN"])
        }
        attendees = component.properties(named: "ATTENDEE").map { property in
            Attendee(
                address: MailAddress(property.rawValue, name: property[parameter: "CN"]),
                partstat: (property[parameter: "PARTSTAT"] ?? "NEEDS-ACTION").uppercased(),
                role: (property[parameter: "ROLE"] ?? "REQ-PARTICIPANT").uppercased())
        }
        let resolver = TimeZoneResolver(calendar: calendar)
        let start = component.property("DTSTART")?.dateTimeValue
        var endInstant: Int64?
        var endValue = (component.property("DTEND") ?? component.property("DUE"))?.dateTimeValue
        if let endValue {
            endInstant = resolver.utcSeconds(endValue)
        } else if let start, let duration = component.property("DURATION")?.durationValue {
            endInstant = duration.adding(to: start, resolver: resolver)
            if start.isDateOnly {
                endValue = ICalDateTime(local: start.local.adding(days: duration.nominalDays), isDateOnly: true)
            }
        }
        let format = Format(words: words, resolver: resolver, displayZone: displayZone)
        if let start {
            when = format.range(start, end: endValue, endInstant: endInstant)
        } else if let endValue {
            when = format.range(endValue, end: nil, endInstant: nil)
        }
        if let instance = component.property("RECURRENCE-ID")?.dateTimeValue {
            occurrence = format.range(instance, end: nil, endInstant: nil)
        }
    }

    /// Formats times of one calendar for display.
    struct Format {
        var words: DateWords
        var resolver: TimeZoneResolver
        /// The recipient's zone, nil = each value's own zone.
        var displayZone: ICalTimeZone?

        /// "Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Asia/Tokyo, UTC+09:00)" and the like.
        func range(_ start: ICalDateTime, end: ICalDateTime?, endInstant: Int64?) -> String {
            if start.isDateOnly {
                var last = end?.local ?? start.local
                if let end, end.local > start.local { last = end.local.adding(days: -1) }  // DTEND is exclusive
                if last.startOfDay <= start.local.startOfDay { return words.date(start.local) }
                return "\(words.date(start.local)) – \(words.date(last))"
            }
            var first = start.local
            var last = end?.local
            var label: String?
            switch start.zone {
            case .floating:
                if let endInstant { last = LocalDateTime(secondsSinceEpoch: endInstant) }
            case .tzid(let id) where resolver.zone(forTZID: id) == nil:
                label = HeaderText.sanitized(id, maxLength: 80)  // a zone we cannot resolve: show its name
            default:
                let instant = resolver.utcSeconds(start)
                var target = displayZone ?? resolver.zone(for: start.zone)
                var name = target.identifier ?? start.tzid ?? "UTC"
                if displayZone == nil, let id = start.tzid { name = id }
                if target.identifier == nil && displayZone == nil && start.tzid == nil { target = .utc }
                first = target.local(atUTC: instant)
                last = endInstant.map { target.local(atUTC: $0) }
                label = DateWords.zoneLabel(HeaderText.sanitized(name, maxLength: 80), offset: target.offset(atUTC: instant))
            }
            var text = "\(words.date(first)), \(words.time(first))"
            if let last, last > first {
                if last.startOfDay == first.startOfDay {
                    text += " – \(words.time(last))"
                } else {
                    text += " – \(words.date(last)), \(words.time(last))"
                }
            }
            if let label { text += " (\(label))" }
            return text
        }
    }
}
