/// Typed views of a property's raw value (RFC 5545 §3.3).
///
/// Getters decode on demand and return nil when the text does not match the
/// type; setters rewrite `rawValue` (and VALUE/TZID parameters for dates).
extension ICalProperty {
    /// Creates a TEXT property from unescaped text (RFC 5545 §3.3.11).
    public init(_ name: String, text: String, parameters: [ICalParameter] = []) {
        self.init(name, rawValue: ICalText.escape(text), parameters: parameters)
    }

    /// Creates a DATE / DATE-TIME property, setting VALUE=DATE and TZID as needed (RFC 5545 §3.3.4-5).
    public init(_ name: String, dateTime: ICalDateTime, parameters: [ICalParameter] = []) {
        self.init(name, rawValue: "", parameters: parameters)
        self.dateTimeValue = dateTime
    }

    /// The value as TEXT, unescaped; setting escapes (RFC 5545 §3.3.11).
    public var textValue: String {
        get { ICalText.unescape(rawValue) }
        set { rawValue = ICalText.escape(newValue) }
    }

    /// A comma-separated multi-valued TEXT (CATEGORIES, RESOURCES) (RFC 5545 §3.8.1.2).
    public var textValues: [String] {
        get { rawValue.isEmpty ? [] : ICalText.splitList(rawValue) }
        set { rawValue = newValue.map(ICalText.escape).joined(separator: ",") }
    }

    /// The `VALUE=` parameter, upper-cased, if any (RFC 5545 §3.2.20).
    public var valueType: String? {
        self[parameter: "VALUE"]?.uppercased()
    }

    /// The `TZID=` parameter (RFC 5545 §3.2.19).
    public var tzid: String? {
        self[parameter: "TZID"]
    }

    /// A single DATE / DATE-TIME value with its zone (RFC 5545 §3.3.4-5).
    ///
    /// Setting writes the value text, sets or removes `VALUE=DATE` and `TZID`.
    public var dateTimeValue: ICalDateTime? {
        get {
            var raw = Substring(rawValue)
            if let comma = raw.utf8.firstIndex(of: 0x2C) { raw = raw[..<comma] }
            return ICalDateTime(parsing: raw, tzid: tzid)
        }
        set {
            guard let newValue else {
                rawValue = ""
                return
            }
            rawValue = newValue.valueText
            applyZoneParameters(of: newValue)
        }
    }

    /// Every DATE / DATE-TIME of a comma list (EXDATE, RDATE) (RFC 5545 §3.8.5.1-2).
    ///
    /// Empty when the value is not a date list (e.g. RDATE;VALUE=PERIOD, see `periodValues`).
    /// Setting writes them all with the zone of the first.
    public var dateTimeValues: [ICalDateTime] {
        get {
            if valueType == "PERIOD" { return [] }
            return ICalDateTime.parseList(rawValue, tzid: tzid) ?? []
        }
        set {
            rawValue = newValue.map(\.valueText).joined(separator: ",")
            if let first = newValue.first { applyZoneParameters(of: first) }
        }
    }

    /// Periods of RDATE;VALUE=PERIOD or FREEBUSY (RFC 5545 §3.3.9).
    public var periodValues: [ICalPeriod] {
        get { ICalPeriod.parseList(rawValue, tzid: tzid) ?? [] }
        set { rawValue = newValue.map(\.description).joined(separator: ",") }
    }

    /// A DURATION value (RFC 5545 §3.3.6).
    public var durationValue: ICalDuration? {
        get { ICalDuration(parsing: rawValue) }
        set { rawValue = newValue?.description ?? "" }
    }

    /// A UTC-OFFSET value in seconds east of UTC (RFC 5545 §3.3.14).
    public var utcOffsetValue: ICalUTCOffset? {
        get { ICalUTCOffset(parsing: rawValue) }
        set { rawValue = newValue?.description ?? "" }
    }

    /// An INTEGER value (RFC 5545 §3.3.8).
    public var integerValue: Int? {
        get {
            var text = Substring(rawValue)
            while let f = text.first, f == " " { text = text.dropFirst() }
            while let l = text.last, l == " " { text = text.dropLast() }
            return Int(text)
        }
        set { rawValue = newValue.map(String.init) ?? "" }
    }

    /// A CAL-ADDRESS value (ORGANIZER, ATTENDEE) (RFC 5545 §3.3.3).
    public var calendarAddress: CalendarAddress {
        get { CalendarAddress(rawValue) }
        set { rawValue = newValue.rawValue }
    }

    mutating func applyZoneParameters(of value: ICalDateTime) {
        if value.isDateOnly {
            self[parameter: "VALUE"] = "DATE"
        } else if valueType == "DATE" {
            self[parameter: "VALUE"] = nil
        }
        if case .tzid(let id) = value.zone {
            self[parameter: "TZID"] = id
        } else {
            self[parameter: "TZID"] = nil
        }
    }
}
