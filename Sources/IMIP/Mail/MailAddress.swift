import ICalendar

/// A mailbox: an address with an optional display name (RFC 5322 §3.4).
public struct MailAddress: Hashable, Sendable {
    /// The addr-spec, e.g. `alice@example.org` (no `mailto:`).
    public var address: String
    /// The display name, e.g. `Alice Adams`; nil or empty for none.
    public var name: String?

    /// Creates a mailbox; a `mailto:` prefix on `address` is dropped.
    public init(_ address: String, name: String? = nil) {
        self.address = MailAddress.bareAddress(address)
        self.name = name
    }

    /// `mailto:Alice@Example.org` → `Alice@Example.org`, trimmed (RFC 6068).
    public static func bareAddress(_ value: String) -> String {
        let address = CalendarAddress(value.trimmingSpaces)
        return (address.email ?? address.rawValue).trimmingSpaces
    }

    /// Case-insensitive comparison of two addresses, `mailto:` ignored.
    public static func sameAddress(_ lhs: String, _ rhs: String) -> Bool {
        bareAddress(lhs).lowercased() == bareAddress(rhs).lowercased()
    }

    /// Whether the address is safe to put in a header or an SMTP envelope:
    /// one `@`, no spaces, no control characters, no angle brackets (RFC 5321 §4.1.2).
    public var isValid: Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254 else { return false }
        // A leading "-" is legal but would read as an option to a sendmail command.
        guard !address.hasPrefix("-") else { return false }
        return address.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains(scalar)
        }
    }

    /// The mailbox as a header value: `=?UTF-8?B?…?= <a@b>` or `"Name" <a@b>` (RFC 5322 §3.4, RFC 2047 §5).
    public func headerValue() -> String {
        let cleanName = HeaderText.sanitized(name ?? "")
        guard !cleanName.isEmpty else { return "<\(address)>" }
        return "\(EncodedWord.phrase(cleanName)) <\(address)>"
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start...end])
        return String(out)
    }
}
