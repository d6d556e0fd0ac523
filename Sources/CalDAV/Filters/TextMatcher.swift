import DAVXML

/// `text-match` under the collations a CalDAV server must or may offer (RFC 4791 §7.5, §9.7.5; RFC 4790 §9; RFC 5051).
enum TextMatcher {
    /// The collations we implement: i;ascii-casemap (the default), i;octet, i;unicode-casemap.
    static let supportedCollations: Set<String> = ["i;ascii-casemap", "i;octet", "i;unicode-casemap"]

    /// Whether `value` passes `textMatch` (its match type, then negate-condition).
    static func matches(_ value: String, _ textMatch: TextMatch) -> Bool {
        let found: Bool
        switch textMatch.collation {
        case "i;octet":
            found = compare(Array(value.utf8), Array(textMatch.text.utf8), textMatch.matchType)
        case "i;unicode-casemap":
            found = compare(Array(value.lowercased()), Array(textMatch.text.lowercased()), textMatch.matchType)
        default:
            found = compare(asciiFolded(value), asciiFolded(textMatch.text), textMatch.matchType)
        }
        return found != textMatch.negate
    }

    /// Bytes with A–Z mapped to a–z (RFC 4790 §9.2).
    private static func asciiFolded(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    private static func compare<Unit: Equatable>(_ haystack: [Unit], _ needle: [Unit], _ type: TextMatchType) -> Bool {
        switch type {
        case .equals: return haystack == needle
        case .startsWith: return haystack.starts(with: needle)
        case .endsWith: return haystack.reversed().starts(with: needle.reversed())
        case .contains:
            guard !needle.isEmpty else { return true }
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }
}
