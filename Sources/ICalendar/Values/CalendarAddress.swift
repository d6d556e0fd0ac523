/// A CAL-ADDRESS value, usually `mailto:` (RFC 5545 §3.3.3, RFC 6638 §2.4.1).
///
/// Two addresses are equal when their `normalized` forms are: a `mailto:` address
/// ignores case throughout, so `MAILTO:Bob@X` and `mailto:bob@x` name the same
/// calendar user; any other URI ignores the case of its scheme only, since a
/// path such as `/principals/Bob/` is case-sensitive (RFC 3986 §6.2.2.1).
public struct CalendarAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address as written, without surrounding blanks.
    public let rawValue: String
    /// The form used for comparison: `mailto:` addresses lower-cased, other URIs with a lower-cased scheme.
    public let normalized: String

    /// Creates an address from its text (surrounding blanks and line breaks are dropped).
    public init(_ rawValue: String) {
        var text = Substring(rawValue)
        while let f = text.first, f == " " || f == "\t" || f.isNewline { text = text.dropFirst() }
        while let l = text.last, l == " " || l == "\t" || l.isNewline { text = text.dropLast() }
        self.rawValue = String(text)
        if let colon = text.firstIndex(of: ":") {
            let scheme = text[..<colon].lowercased()
            let rest = text[text.index(after: colon)...]
            normalized = scheme == "mailto" ? "mailto:" + rest.lowercased() : scheme + ":" + rest
        } else {
            normalized = self.rawValue
        }
    }

    /// An address for an e-mail: `mailto:` + `email`.
    public static func mailto(_ email: String) -> CalendarAddress {
        CalendarAddress("mailto:" + email)
    }

    /// Whether this is a `mailto:` address.
    public var isMailto: Bool { normalized.hasPrefix("mailto:") }

    /// The e-mail part of a `mailto:` address, as written.
    public var email: String? {
        guard isMailto else { return nil }
        return String(rawValue.dropFirst(7))
    }

    /// The scheme in lower case (`mailto`, `urn`, `http`…), or nil.
    public var scheme: String? {
        guard let colon = normalized.firstIndex(of: ":") else { return nil }
        return String(normalized[..<colon])
    }

    /// The address with a lower-cased `mailto:` scheme and the rest as written.
    public var canonical: String {
        if let email { return "mailto:" + email }
        return rawValue
    }

    /// Equal when the normalized forms match.
    public static func == (lhs: CalendarAddress, rhs: CalendarAddress) -> Bool {
        lhs.normalized == rhs.normalized
    }

    /// Hashes the normalized form, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized)
    }

    /// The address as written.
    public var description: String { rawValue }
}
