/// A CAL-ADDRESS value, usually `mailto:` (RFC 5545 §3.3.3, RFC 6638 §2.4.1).
///
/// Two addresses are equal when they match ignoring case, so `MAILTO:Bob@X`
/// and `mailto:bob@x` name the same calendar user.
public struct CalendarAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address as written.
    public var rawValue: String

    /// Creates an address from its text (surrounding blanks are dropped).
    public init(_ rawValue: String) {
        var text = Substring(rawValue)
        while let f = text.first, f == " " || f == "\t" { text = text.dropFirst() }
        while let l = text.last, l == " " || l == "\t" { text = text.dropLast() }
        self.rawValue = String(text)
    }

    /// An address for an e-mail: `mailto:` + `email`.
    public static func mailto(_ email: String) -> CalendarAddress {
        CalendarAddress("mailto:" + email)
    }

    /// The lower-cased form used for comparison; `MAILTO:` becomes `mailto:`.
    public var normalized: String { rawValue.lowercased() }

    /// Whether this is a `mailto:` address.
    public var isMailto: Bool { rawValue.utf8.count >= 7 && rawValue.prefix(7).lowercased() == "mailto:" }

    /// The e-mail part of a `mailto:` address, as written.
    public var email: String? {
        guard isMailto else { return nil }
        return String(rawValue.dropFirst(7))
    }

    /// The scheme in lower case (`mailto`, `urn`, `http`…), or nil.
    public var scheme: String? {
        guard let colon = rawValue.firstIndex(of: ":") else { return nil }
        return rawValue[..<colon].lowercased()
    }

    /// The address with a lower-cased `mailto:` scheme and the rest as written.
    public var canonical: String {
        if let email { return "mailto:" + email }
        return rawValue
    }

    /// Equal when the addresses match ignoring case.
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
