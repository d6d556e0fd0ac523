/// Why an RRULE value could not be read (RFC 5545 §3.3.10).
public enum RecurrenceRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// FREQ is missing.
    case missingFrequency
    /// A rule part appears twice.
    case duplicatePart(String)
    /// A rule part is not `NAME=VALUE` or its name is unknown.
    case unknownPart(String)
    /// A rule part's value is malformed or out of range.
    case invalidValue(part: String, value: String)
    /// Both COUNT and UNTIL are present.
    case countAndUntil
    /// A part RFC 5545 forbids with this FREQ (BYWEEKNO outside YEARLY, ordinals in BYDAY outside MONTHLY/YEARLY…).
    case partNotAllowed(part: String, frequency: RecurrenceRule.Frequency)

    /// A one-line English explanation.
    public var description: String {
        switch self {
        case .missingFrequency: return "RRULE has no FREQ"
        case .duplicatePart(let name): return "RRULE has \(name) twice"
        case .unknownPart(let name): return "RRULE has an unknown part \(name.prefix(40))"
        case .invalidValue(let part, let value): return "RRULE \(part)=\(value.prefix(40)) is not valid"
        case .countAndUntil: return "RRULE has both COUNT and UNTIL"
        case .partNotAllowed(let part, let frequency): return "RRULE \(part) is not allowed with FREQ=\(frequency.rawValue)"
        }
    }

    /// The same failure as the module's parse error, for the one place that maps errors to CALDAV:valid-calendar-data.
    public var icalError: ICalError {
        ICalError(.invalidValue(property: "RRULE", value: description), line: 0)
    }
}
