/// Makes text from calendar data safe for a header line (RFC 5322 §2.2, §3.2.2).
///
/// Every control character (CR and LF included) and every Unicode line or
/// paragraph separator becomes a space, runs of white space collapse, and the
/// result is trimmed: data from an iCalendar object can never start a new
/// header or end the header block.
enum HeaderText {
    /// The text with control characters replaced and white space collapsed.
    static func sanitized(_ text: String, maxLength: Int = 400) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isBreak = scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x85
                || scalar.properties.isWhitespace
            if isBreak {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(out).trimmingSpaces
        if result.count > maxLength { result = String(result.prefix(maxLength)) + "…" }
        return result
    }
}
