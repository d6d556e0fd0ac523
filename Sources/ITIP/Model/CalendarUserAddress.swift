/// A calendar user address compared the way RFC 6638 §2.4.1 / RFC 5545 §3.3.3 intend.
///
/// `mailto:` addresses compare case-insensitively (scheme and address);
/// other URIs compare with only their scheme lower-cased.
public struct CalendarUserAddress: Hashable, Sendable, CustomStringConvertible {
    /// The normalized address text, e.g. `mailto:grace@example.net`.
    public let value: String

    /// Normalizes an address as written in ATTENDEE/ORGANIZER or a principal property.
    public init(_ raw: String) {
        let trimmed = raw.trimmingWhitespace()
        if let colon = trimmed.firstIndex(of: ":") {
            let scheme = trimmed[..<colon].lowercased()
            let rest = trimmed[trimmed.index(after: colon)...]
            value = scheme == "mailto" ? "mailto:" + rest.lowercased() : scheme + ":" + rest
        } else {
            value = trimmed
        }
    }

    /// The normalized text.
    public var description: String { value }
}

/// The calendar user whose collection is written to: all of their addresses (RFC 6638 §2.4.1).
public struct CalendarUser: Hashable, Sendable {
    /// Every address of the user (`calendar-user-address-set`).
    public var addresses: Set<CalendarUserAddress>

    /// Creates a user from raw addresses (`mailto:…`, principal URLs…).
    public init(addresses: [String]) {
        self.addresses = Set(addresses.map(CalendarUserAddress.init))
    }

    /// Whether `address` is one of this user's addresses.
    public func owns(_ address: String) -> Bool {
        addresses.contains(CalendarUserAddress(address))
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s.removeLast() }
        return String(s)
    }
}
