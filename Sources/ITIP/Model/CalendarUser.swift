import ICalendar

/// The calendar user whose collection is written to: all of their addresses (RFC 6638 §2.4.1).
public struct CalendarUser: Hashable, Sendable {
    /// Every address of the user (`calendar-user-address-set`).
    public var addresses: Set<CalendarAddress>

    /// Creates a user from raw addresses (`mailto:…`, principal URLs…).
    public init(addresses: [String]) {
        self.addresses = Set(addresses.map(CalendarAddress.init))
    }

    /// Whether `address` is one of this user's addresses.
    public func owns(_ address: String) -> Bool {
        addresses.contains(CalendarAddress(address))
    }
}
