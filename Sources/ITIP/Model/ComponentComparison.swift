import ICalendar

/// Compares scheduled components by meaning, at the levels scheduling cares about.
///
/// Decision (RFC 5546 §2.1.4, RFC 6638 §3.2.8): a change is a *reschedule* when
/// DTSTART, DTEND, DURATION, DUE, RRULE or RDATE changes — the attendee's answer
/// no longer applies. Any other change of organizer-owned content (SUMMARY,
/// LOCATION, DESCRIPTION, STATUS, attendee list…) is an *update*: a REQUEST
/// goes out but answers stand. A change limited to attendees' PARTSTAT/RSVP is
/// a *status* change: RFC 6638 §3.2.10 calls it inconsequential.
enum ComponentComparison {
    /// Properties whose change makes a reschedule.
    static let timeProperties: Set<String> = ["DTSTART", "DTEND", "DURATION", "DUE", "RRULE", "RDATE"]
    /// Properties that never make a difference to recipients.
    static let volatileProperties: Set<String> = [
        "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "CREATED", "REQUEST-STATUS", "TRANSP",
    ]
    /// Client bookkeeping that changes on every save (Thunderbird's X-MOZ-GENERATION…).
    static let volatilePrefixes = ["X-MOZ-", "X-APPLE-", "X-LIC-"]

    static func isVolatile(_ name: String) -> Bool {
        volatileProperties.contains(name) || volatilePrefixes.contains { name.hasPrefix($0) }
    }
    /// Parameters the server owns or that only steer the server.
    static let serverParameters: Set<String> = ["SCHEDULE-STATUS", "SCHEDULE-FORCE-SEND"]

    /// Canonical text of a property, parameters sorted.
    static func canonical(_ property: ICalProperty, dropping: Set<String> = []) -> String {
        let params = property.parameters
            .filter { !dropping.contains($0.name) }
            .map { $0.name + "=" + $0.values.joined(separator: ",") }
            .sorted()
        var value = property.rawValue
        if property.name == "ATTENDEE" || property.name == "ORGANIZER" {
            value = CalendarAddress(value).normalized
        }
        return property.name + ";" + params.joined(separator: ";") + ":" + value
    }

    /// The sorted canonical lines of the named properties.
    static func lines(_ component: ICalComponent, named names: Set<String>) -> [String] {
        component.properties.filter { names.contains($0.name) }.map { canonical($0) }.sorted()
    }

    /// Whether start, end, duration or recurrence differ.
    static func timeChanged(_ old: ICalComponent, _ new: ICalComponent) -> Bool {
        lines(old, named: timeProperties) != lines(new, named: timeProperties)
    }

    /// Canonical form for deciding whether an organizer change concerns recipients.
    ///
    /// - `ignoringStatus`: drop PARTSTAT/RSVP of every attendee except `keepStatusOf`.
    /// - `ignoringExceptions`: drop EXDATE (instance removals are cancelled separately).
    static func content(
        _ component: ICalComponent, ignoringStatus: Bool, keepStatusOf: CalendarAddress? = nil,
        ignoringExceptions: Bool = false
    ) -> [String] {
        var result: [String] = []
        for property in component.properties {
            if isVolatile(property.name) { continue }
            if ignoringExceptions && property.name == "EXDATE" { continue }
            var dropping = serverParameters
            if property.name == "ATTENDEE" && ignoringStatus
                && CalendarAddress(property.rawValue) != keepStatusOf
            {
                dropping.formUnion(["PARTSTAT", "RSVP"])
            }
            if property.name == "ATTENDEE" || property.name == "ORGANIZER" {
                dropping.insert("SCHEDULE-AGENT")
            }
            result.append(canonical(property, dropping: dropping))
        }
        for sub in component.components where sub.name != "VALARM" {
            result.append("BEGIN:" + sub.name)
            result.append(contentsOf: content(sub, ignoringStatus: false))
            result.append("END:" + sub.name)
        }
        return result.sorted()
    }
}
