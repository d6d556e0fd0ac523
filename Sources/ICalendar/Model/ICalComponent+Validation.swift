/// Checks that typed property values parse (RFC 5545 §3.3, §3.8), for CALDAV:valid-calendar-data.
extension ICalComponent {
    static let dateTimeProperties: Set<String> = [
        "DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "DTSTAMP", "CREATED", "LAST-MODIFIED", "COMPLETED",
    ]
    static let integerProperties: Set<String> = ["SEQUENCE", "PRIORITY", "PERCENT-COMPLETE", "REPEAT"]

    /// Throws `ICalError.Kind.invalidValue` for the first property, in document
    /// order, whose value does not match its type; unknown properties pass.
    public func validateValues() throws {
        for property in properties {
            if !Self.isValid(property) {
                throw ICalError(.invalidValue(property: property.name, value: property.rawValue), line: 0)
            }
        }
        for child in components { try child.validateValues() }
    }

    static func isValid(_ property: ICalProperty) -> Bool {
        let name = property.name
        if dateTimeProperties.contains(name) {
            guard let value = property.dateTimeValue, !property.rawValue.contains(",") else { return false }
            // Lenient like real clients need: a bare DATE without VALUE=DATE passes.
            switch property.valueType {
            case "DATE": return value.isDateOnly
            case "DATE-TIME": return !value.isDateOnly
            default: return true
            }
        }
        if integerProperties.contains(name) { return property.integerValue != nil }
        switch name {
        case "EXDATE":
            return ICalDateTime.parseList(property.rawValue, tzid: property.tzid) != nil
        case "RDATE":
            if property.valueType == "PERIOD" { return ICalPeriod.parseList(property.rawValue, tzid: property.tzid) != nil }
            return ICalDateTime.parseList(property.rawValue, tzid: property.tzid) != nil
        case "DURATION":
            return property.durationValue != nil
        case "TRIGGER":
            if property.valueType == "DATE-TIME" { return property.dateTimeValue?.zone == .utc }
            return property.durationValue != nil
        case "TZOFFSETFROM", "TZOFFSETTO":
            return property.utcOffsetValue != nil
        case "FREEBUSY":
            return ICalPeriod.parseList(property.rawValue) != nil
        default:
            return true
        }
    }
}
