/// Typed access to the common properties of a component (RFC 5545 §3.7, §3.8).
///
/// Getters return nil when the property is absent or malformed; setting nil
/// removes the property.
extension ICalComponent {
    /// UID (RFC 5545 §3.8.4.7).
    public var uid: String? {
        get { property("UID")?.textValue }
        set { setText("UID", newValue) }
    }

    /// SUMMARY (RFC 5545 §3.8.1.12).
    public var summary: String? {
        get { property("SUMMARY")?.textValue }
        set { setText("SUMMARY", newValue) }
    }

    /// DESCRIPTION (RFC 5545 §3.8.1.5); named to avoid `CustomStringConvertible`.
    public var descriptionText: String? {
        get { property("DESCRIPTION")?.textValue }
        set { setText("DESCRIPTION", newValue) }
    }

    /// LOCATION (RFC 5545 §3.8.1.7).
    public var location: String? {
        get { property("LOCATION")?.textValue }
        set { setText("LOCATION", newValue) }
    }

    /// STATUS, upper-cased (RFC 5545 §3.8.1.11).
    public var status: String? {
        get { property("STATUS")?.rawValue.uppercased() }
        set { setText("STATUS", newValue) }
    }

    /// TRANSP, upper-cased (RFC 5545 §3.8.2.7).
    public var transparency: String? {
        get { property("TRANSP")?.rawValue.uppercased() }
        set { setText("TRANSP", newValue) }
    }

    /// METHOD of a VCALENDAR, upper-cased (RFC 5545 §3.7.2).
    public var method: String? {
        get { property("METHOD")?.rawValue.uppercased() }
        set { setText("METHOD", newValue) }
    }

    /// SEQUENCE; absent or malformed reads as 0 (RFC 5545 §3.8.7.4).
    public var sequence: Int {
        get { property("SEQUENCE")?.integerValue ?? 0 }
        set { setProperty(ICalProperty("SEQUENCE", rawValue: String(newValue))) }
    }

    /// DTSTART (RFC 5545 §3.8.2.4).
    public var dtstart: ICalDateTime? {
        get { property("DTSTART")?.dateTimeValue }
        set { setDateTime("DTSTART", newValue) }
    }

    /// DTEND (RFC 5545 §3.8.2.2).
    public var dtend: ICalDateTime? {
        get { property("DTEND")?.dateTimeValue }
        set { setDateTime("DTEND", newValue) }
    }

    /// DUE of a VTODO (RFC 5545 §3.8.2.3).
    public var due: ICalDateTime? {
        get { property("DUE")?.dateTimeValue }
        set { setDateTime("DUE", newValue) }
    }

    /// DURATION (RFC 5545 §3.8.2.5).
    public var duration: ICalDuration? {
        get { property("DURATION")?.durationValue }
        set {
            if let newValue { setProperty(ICalProperty("DURATION", rawValue: newValue.description)) } else { removeProperties(named: "DURATION") }
        }
    }

    /// RECURRENCE-ID (RFC 5545 §3.8.4.4).
    public var recurrenceID: ICalDateTime? {
        get { property("RECURRENCE-ID")?.dateTimeValue }
        set { setDateTime("RECURRENCE-ID", newValue) }
    }

    /// DTSTAMP (RFC 5545 §3.8.7.2).
    public var dtstamp: ICalDateTime? {
        get { property("DTSTAMP")?.dateTimeValue }
        set { setDateTime("DTSTAMP", newValue) }
    }

    /// LAST-MODIFIED (RFC 5545 §3.8.7.3).
    public var lastModified: ICalDateTime? {
        get { property("LAST-MODIFIED")?.dateTimeValue }
        set { setDateTime("LAST-MODIFIED", newValue) }
    }

    /// ORGANIZER's address (RFC 5545 §3.8.4.3).
    public var organizer: CalendarAddress? {
        property("ORGANIZER").map(\.calendarAddress)
    }

    /// ATTENDEE properties, in order (RFC 5545 §3.8.4.1).
    public var attendees: [ICalProperty] {
        properties(named: "ATTENDEE")
    }

    /// The ATTENDEE property for an address, compared case-insensitively (RFC 6638 §3.2).
    public func attendee(_ address: CalendarAddress) -> ICalProperty? {
        properties.first { $0.name == "ATTENDEE" && $0.calendarAddress == address }
    }

    /// All EXDATE values, flattened across properties (RFC 5545 §3.8.5.1).
    public var exceptionDates: [ICalDateTime] {
        properties(named: "EXDATE").flatMap(\.dateTimeValues)
    }

    /// All RDATE values that are dates or date-times, flattened (RFC 5545 §3.8.5.2).
    public var recurrenceDates: [ICalDateTime] {
        properties(named: "RDATE").flatMap(\.dateTimeValues)
    }

    /// All RDATE values of type PERIOD, flattened (RFC 5545 §3.8.5.2).
    public var recurrencePeriods: [ICalPeriod] {
        properties(named: "RDATE").filter { $0.valueType == "PERIOD" }.flatMap(\.periodValues)
    }

    /// The VTIMEZONE sub-components (RFC 5545 §3.6.5).
    public var timeZoneComponents: [ICalComponent] {
        components(named: "VTIMEZONE")
    }

    /// Sub-components other than VTIMEZONE: the events, to-dos, journals… of a VCALENDAR.
    public var mainComponents: [ICalComponent] {
        components.filter { $0.name != "VTIMEZONE" }
    }

    /// The name of the first main component (VEVENT, VTODO…), as CalDAV indexes it (RFC 4791 §4.1).
    public var componentType: String? {
        mainComponents.first?.name
    }

    mutating func setText(_ name: String, _ value: String?) {
        if let value { setProperty(ICalProperty(name, text: value)) } else { removeProperties(named: name) }
    }

    mutating func setDateTime(_ name: String, _ value: ICalDateTime?) {
        guard let value else {
            removeProperties(named: name)
            return
        }
        var property = property(name) ?? ICalProperty(name, rawValue: "")
        property.dateTimeValue = value
        setProperty(property)
    }
}
