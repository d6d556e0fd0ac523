/// Why an iCalendar text could not be read (RFC 5545 §3.1, §3.4, §3.6).
///
/// The CalDAV engine answers any of these with `CALDAV:valid-calendar-data`
/// (RFC 4791 §5.3.2.1); `description` is meant for the error body.
public struct ICalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// The input holds no content line at all.
        case emptyInput
        /// A content line appeared where `BEGIN:<component>` was expected.
        case expectedBegin
        /// A content line has no (or an invalid) name before `;` / `:`.
        case invalidName
        /// A parameter has no `=` after its name.
        case expectedEquals
        /// A quoted parameter value has no closing `"`.
        case unterminatedQuote
        /// The content line has no `:` separating the value.
        case expectedColon
        /// `BEGIN`/`END` with an empty component name.
        case missingComponentName
        /// `END:<found>` while `<expected>` is open (nil: nothing is open).
        case mismatchedEnd(expected: String?, found: String)
        /// The input ended while `<component>` was still open.
        case unterminatedComponent(String)
        /// Components nest deeper than the parser's limit.
        case tooDeep(limit: Int)
        /// More than one top-level component where exactly one was wanted.
        case multipleRootComponents
        /// A property value does not match its type.
        case invalidValue(property: String, value: String)
    }

    /// What went wrong.
    public var kind: Kind
    /// 1-based physical line where the offending content line starts (0 when not tied to a line).
    public var line: Int

    /// Creates an error.
    public init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// A one-line English explanation with the line number and what was expected.
    public var description: String {
        let what: String
        switch kind {
        case .emptyInput: what = "empty input, expected BEGIN:VCALENDAR"
        case .expectedBegin: what = "expected BEGIN:<component> before any property"
        case .invalidName: what = "expected a property name (letters, digits, '-')"
        case .expectedEquals: what = "expected '=' after the parameter name"
        case .unterminatedQuote: what = "expected closing '\"' of a quoted parameter value"
        case .expectedColon: what = "expected ':' before the property value"
        case .missingComponentName: what = "expected a component name after BEGIN/END"
        case .mismatchedEnd(let expected, let found):
            if let expected {
                what = "expected END:\(expected), found END:\(found)"
            } else {
                what = "END:\(found) without matching BEGIN"
            }
        case .unterminatedComponent(let name): what = "expected END:\(name) before the end of input"
        case .tooDeep(let limit): what = "components nested deeper than \(limit) levels"
        case .multipleRootComponents: what = "expected exactly one top-level component"
        case .invalidValue(let property, let value): what = "invalid value for \(property): \(value.prefix(60))"
        }
        return line > 0 ? "line \(line): \(what)" : what
    }
}
