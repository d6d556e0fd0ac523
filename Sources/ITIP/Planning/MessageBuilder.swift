import ICalendar

/// Assembles iTIP VCALENDARs (RFC 5546 §3.2 component restrictions).
enum MessageBuilder {
    /// A VCALENDAR carrying `components` with METHOD and the source's VTIMEZONEs.
    static func calendar(method: ITIPMethod, source: SchedulingObject, components: [ICalComponent]) -> ICalComponent {
        var calendar = ICalComponent("VCALENDAR")
        calendar.addProperty(ICalProperty("VERSION", rawValue: "2.0"))
        calendar.addProperty(ICalProperty("PRODID", rawValue: ITIPEngine.productID))
        if let scale = source.calendar.property("CALSCALE") { calendar.addProperty(scale) }
        calendar.addProperty(ICalProperty("METHOD", rawValue: method.rawValue))
        calendar.components = usedTimeZones(source, components) + components
        return calendar
    }

    /// The VTIMEZONEs whose TZID some property of `components` uses.
    static func usedTimeZones(_ source: SchedulingObject, _ components: [ICalComponent]) -> [ICalComponent] {
        var ids = Set<String>()
        func collect(_ component: ICalComponent) {
            for property in component.properties { if let id = property[parameter: "TZID"] { ids.insert(id) } }
            component.components.forEach(collect)
        }
        components.forEach(collect)
        return source.calendar.timeZoneComponents.filter { ids.contains($0[raw: "TZID"] ?? "") }
    }

    /// A component as it goes into a message: DTSTAMP now, no alarms, no server-only parameters.
    static func outgoing(_ component: ICalComponent, now: Int64) -> ICalComponent {
        var result = component
        result.components.removeAll { $0.name == "VALARM" }
        for index in result.properties.indices
        where result.properties[index].name == "ATTENDEE" || result.properties[index].name == "ORGANIZER" {
            result.properties[index][parameter: "SCHEDULE-STATUS"] = nil
            result.properties[index][parameter: "SCHEDULE-FORCE-SEND"] = nil
        }
        setStamp(&result, now: now)
        return result
    }

    static func setStamp(_ component: inout ICalComponent, now: Int64) {
        let stamp = ICalProperty("DTSTAMP", rawValue: ICalDateTime.utc(now).valueText)
        if component.property("DTSTAMP") != nil {
            component.setProperty(stamp)
        } else if let uidIndex = component.properties.firstIndex(where: { $0.name == "UID" }) {
            component.properties.insert(stamp, at: uidIndex + 1)
        } else {
            component.properties.insert(stamp, at: 0)
        }
    }

    /// A CANCEL component for one instance or the whole object (RFC 5546 §3.2.5).
    static func cancelComponent(
        source: ICalComponent, recurrenceID: ICalDateTime?, attendee: ICalProperty?, sequence: Int, now: Int64
    ) -> ICalComponent {
        var c = ICalComponent(source.name)
        if let uid = source.property("UID") { c.addProperty(uid) }
        c.addProperty(ICalProperty("DTSTAMP", rawValue: ICalDateTime.utc(now).valueText))
        c.addProperty(ICalProperty("SEQUENCE", rawValue: String(sequence)))
        if let recurrenceID {
            c.addProperty(ICalProperty("RECURRENCE-ID", dateTime: recurrenceID))
            if source.property("RECURRENCE-ID") != nil, let start = source.property("DTSTART") {
                c.addProperty(start)
            } else {
                c.addProperty(ICalProperty("DTSTART", dateTime: recurrenceID))
            }
        } else if let start = source.property("DTSTART") {
            c.addProperty(start)
        }
        if let summary = source.property("SUMMARY") { c.addProperty(summary) }
        if var organizer = source.property("ORGANIZER") {
            organizer[parameter: "SCHEDULE-STATUS"] = nil
            c.addProperty(organizer)
        }
        if var attendee {
            attendee[parameter: "SCHEDULE-STATUS"] = nil
            attendee[parameter: "SCHEDULE-FORCE-SEND"] = nil
            attendee[parameter: "RSVP"] = nil
            c.addProperty(attendee)
        }
        c.addProperty(ICalProperty("STATUS", rawValue: "CANCELLED"))
        return c
    }
}
