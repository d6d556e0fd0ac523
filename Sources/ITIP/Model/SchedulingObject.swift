import ICalendar

/// A calendar object resource seen as a scheduling object: one UID, a master
/// and overridden instances keyed by RECURRENCE-ID (RFC 6638 §3.1, RFC 5545 §3.8.4.4).
struct SchedulingObject: Sendable {
    /// The whole VCALENDAR.
    var calendar: ICalComponent
    /// `VEVENT` or `VTODO`.
    let componentType: String
    let resolver: TimeZoneResolver

    init(_ calendar: ICalComponent) throws(ITIPError) {
        self.calendar = calendar
        guard let first = calendar.components.first(where: { $0.name == "VEVENT" || $0.name == "VTODO" })
        else { throw .invalidSchedulingData("no VEVENT or VTODO") }
        componentType = first.name
        resolver = TimeZoneResolver(calendar: calendar)
    }

    /// The scheduled components (VEVENT or VTODO), in order.
    var components: [ICalComponent] {
        calendar.components.filter { $0.name == componentType }
    }

    var uid: String { components.first?[raw: "UID"] ?? "" }

    /// The key of a component: master, or its RECURRENCE-ID as UTC.
    func key(of component: ICalComponent) -> InstanceKey {
        guard let value = component.recurrenceID else { return .master }
        return InstanceKey(utc: resolver.utcSeconds(value))
    }

    func key(of value: ICalDateTime) -> InstanceKey {
        InstanceKey(utc: resolver.utcSeconds(value))
    }

    /// Components by key (a later duplicate of a key wins, as most clients do).
    var byKey: [InstanceKey: ICalComponent] {
        var result: [InstanceKey: ICalComponent] = [:]
        for component in components { result[key(of: component)] = component }
        return result
    }

    var master: ICalComponent? { components.first { $0.property("RECURRENCE-ID") == nil } }

    /// The ORGANIZER addresses of all components (normalized, deduplicated).
    var organizers: Set<CalendarAddress> {
        Set(components.compactMap { $0.property("ORGANIZER").map { CalendarAddress($0.rawValue) } })
    }

    /// The raw ORGANIZER property of the first component that has one.
    var organizerProperty: ICalProperty? {
        components.lazy.compactMap { $0.property("ORGANIZER") }.first
    }

    /// Replaces the scheduled components, keeping VTIMEZONEs and others in place.
    mutating func replaceComponents(_ new: [ICalComponent]) {
        var result: [ICalComponent] = []
        var inserted = false
        for component in calendar.components {
            if component.name == componentType {
                if !inserted { result.append(contentsOf: new); inserted = true }
            } else {
                result.append(component)
            }
        }
        if !inserted { result.append(contentsOf: new) }
        calendar.components = result
    }

    /// EXDATE instants of the master as keys, with the values as written.
    func exdates(of component: ICalComponent) -> [InstanceKey: ICalDateTime] {
        var result: [InstanceKey: ICalDateTime] = [:]
        for property in component.properties(named: "EXDATE") {
            for value in property.dateTimeValues { result[key(of: value)] = value }
        }
        return result
    }

    /// Every address that is an ATTENDEE somewhere, in first-seen order with its raw text.
    var allAttendees: [(address: CalendarAddress, raw: String)] {
        var seen = Set<CalendarAddress>()
        var result: [(CalendarAddress, String)] = []
        for component in components {
            for property in component.properties(named: "ATTENDEE") {
                let address = CalendarAddress(property.rawValue)
                if seen.insert(address).inserted { result.append((address, property.rawValue)) }
            }
        }
        return result
    }
}

extension ICalComponent {
    /// Changes the ATTENDEE property for `address` in place.
    mutating func updateAttendee(_ address: CalendarAddress, _ change: (inout ICalProperty) -> Void) {
        for index in properties.indices
        where properties[index].name == "ATTENDEE" && properties[index].calendarAddress == address {
            change(&properties[index])
        }
    }

    /// PARTSTAT of `address`, NEEDS-ACTION when absent or empty (RFC 5545 §3.2.12 default).
    func participation(of address: CalendarAddress) -> String? {
        guard let attendee = attendee(address) else { return nil }
        let value = attendee[parameter: "PARTSTAT"]?.uppercased() ?? ""
        return value.isEmpty ? "NEEDS-ACTION" : value
    }
}

extension ICalProperty {
    /// SCHEDULE-AGENT, SERVER by default (RFC 6638 §7.1).
    var scheduleAgent: String { (self[parameter: "SCHEDULE-AGENT"] ?? "SERVER").uppercased() }

    /// Whether the server schedules for this ORGANIZER/ATTENDEE.
    var isServerScheduled: Bool { scheduleAgent == "SERVER" }
}
