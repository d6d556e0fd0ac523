import Foundation
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
    init?(calendar: ICalComponent, words: DateWords, displayZone: TimeZone?, untitled: String) {
        guard let component = EventDetails.mainComponent(of: calendar) else { return nil }
        func text(_ name: String) -> String? {
            guard let raw = component[raw: name] else { return nil }
            let value = ICalText.text(raw).trimmingSpaces
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
        let start = EventTime(component.property("DTSTART"))
        var end = EventTime(component.property("DTEND")) ?? EventTime(component.property("DUE"))
        if end == nil, let start, let raw = component[raw: "DURATION"], let seconds = EventTime.durationSeconds(raw) {
            end = start.adding(seconds: seconds)
        }
        if let start {
            when = EventDetails.format(start: start, end: end, words: words, displayZone: displayZone)
        } else if let end {
            when = EventDetails.format(start: end, end: nil, words: words, displayZone: displayZone)
        }
        if let instance = EventTime(component.property("RECURRENCE-ID")) {
            occurrence = EventDetails.format(start: instance, end: nil, words: words, displayZone: displayZone)
        }
    }

    /// "Tuesday, March 2, 2027, 10:00 AM – 11:00 AM (Asia/Tokyo (UTC+09:00))" and the like.
    static func format(start: EventTime, end: EventTime?, words: DateWords, displayZone: TimeZone?) -> String {
        if start.isDate {
            var last = end?.local ?? start.local
            if let end, end.local > start.local { last = end.local.adding(days: -1) }  // DTEND is exclusive
            if last.startOfDay <= start.local.startOfDay { return words.date(start.local) }
            return "\(words.date(start.local)) – \(words.date(last))"
        }
        var label: String?
        var first = start.local
        var last = end?.local
        if let instant = start.utcSeconds() {
            var zone = displayZone
            if zone == nil, case .tzid(let id) = start.zone { zone = EventTime.foundationZone(id) }
            let target = zone ?? TimeZone(identifier: "UTC")!
            func local(_ seconds: Int64) -> (LocalDateTime, Int) {
                let offset = target.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
                return (LocalDateTime(secondsSinceEpoch: seconds + Int64(offset)), offset)
            }
            let (startLocal, offset) = local(instant)
            first = startLocal
            last = end.flatMap { $0.utcSeconds() }.map { local($0).0 }
            label = DateWords.zoneLabel(target.identifier, offset: offset)
        } else if case .tzid(let id) = start.zone {
            label = HeaderText.sanitized(id, maxLength: 80)  // a zone we cannot resolve: show its name
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
