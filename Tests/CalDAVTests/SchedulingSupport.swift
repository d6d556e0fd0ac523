import CalDAV
import ICalendar
import Storage

/// An iCalendar body for scheduling scenarios: one VEVENT or VTODO, optional overrides.
struct Invitation {
    var uid = "meeting-1"
    var component = "VEVENT"
    var organizer = "mailto:alice@example.com"
    var attendees: [(address: String, partstat: String)] = [
        ("mailto:alice@example.com", "ACCEPTED"), ("mailto:bob@example.com", "NEEDS-ACTION"),
        ("mailto:carol@example.com", "NEEDS-ACTION"),
    ]
    var summary = "Planning"
    var start = "20270301T100000Z"
    var end = "20270301T110000Z"
    var sequence = 0
    var rrule: String? = nil
    var extra: [String] = []
    var overrides: [String] = []

    var body: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:\(component)", "UID:\(uid)",
            "DTSTAMP:20261125T080000Z", "SUMMARY:\(summary)", "DTSTART:\(start)",
        ]
        lines.append(component == "VTODO" ? "DUE:\(end)" : "DTEND:\(end)")
        if let rrule { lines.append("RRULE:\(rrule)") }
        lines.append("SEQUENCE:\(sequence)")
        lines.append("ORGANIZER:\(organizer)")
        for attendee in attendees {
            lines.append("ATTENDEE;PARTSTAT=\(attendee.partstat);RSVP=TRUE:\(attendee.address)")
        }
        lines += extra
        lines.append("END:\(component)")
        lines += overrides
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension TestServer {
    /// Inbox items of a user, with bodies.
    func inbox(_ user: String) -> [InboxItem] {
        try! store.inboxItems(ofPrincipal: "principals/\(user)", withData: true)
    }

    /// The object holding `uid` in one of `user`'s calendars.
    func copy(_ user: String, uid: String = "meeting-1", calendar: String = "default") -> StoredObject? {
        let id = calendarID(user, calendar)
        guard let uri = try! store.objectURI(forUID: uid, in: id) else { return nil }
        return try! store.object(named: uri, in: id)
    }

    /// PUT of a body into a user's default calendar.
    @discardableResult
    func put(
        _ user: String, _ name: String, _ body: String, headers: [String: String] = [:], as actor: String? = nil,
        calendar: String = "default"
    ) -> DAVResponse {
        send("PUT", "/calendars/\(user)/\(calendar)/\(name)", as: actor ?? user, headers: headers, body: body)
    }
}

/// Reads ATTENDEE/ORGANIZER parameters out of stored data.
struct Parsed {
    let calendar: ICalComponent

    init(_ data: String?) {
        calendar = try! ICalComponent.parse(data ?? "")
    }

    /// The scheduled components (VEVENT/VTODO), master first as stored.
    var components: [ICalComponent] {
        calendar.components.filter { $0.name == "VEVENT" || $0.name == "VTODO" }
    }

    /// A parameter of the ATTENDEE `address` in the component at `index`.
    func attendee(_ address: String, _ parameter: String, in index: Int = 0) -> String? {
        components[index].properties(named: "ATTENDEE")
            .first { $0.rawValue.lowercased() == address.lowercased() }?[parameter: parameter]
    }

    /// Whether `address` is an ATTENDEE of the component at `index`.
    func hasAttendee(_ address: String, in index: Int = 0) -> Bool {
        components[index].properties(named: "ATTENDEE").contains { $0.rawValue.lowercased() == address.lowercased() }
    }

    /// The METHOD of an iTIP message.
    var method: String? { calendar[raw: "METHOD"] }
}

/// Replaces the PARTSTAT of one attendee in a body.
func answer(_ data: String, _ address: String, _ partstat: String) -> String {
    var calendar = try! ICalComponent.parse(data)
    for c in calendar.components.indices {
        for p in calendar.components[c].properties.indices
        where calendar.components[c].properties[p].name == "ATTENDEE"
            && calendar.components[c].properties[p].rawValue.lowercased() == address.lowercased()
        {
            calendar.components[c].properties[p][parameter: "PARTSTAT"] = partstat
            calendar.components[c].properties[p][parameter: "RSVP"] = nil
        }
    }
    return calendar.serialized()
}
