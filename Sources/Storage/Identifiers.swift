/// Row id of `principals`.
public struct PrincipalID: Hashable, Sendable, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Row id of `calendars` (the shared calendar data, one per calendar).
public struct CalendarID: Hashable, Sendable, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Row id of `calendarinstances` (one per calendar and principal: owner or sharee).
public struct CalendarInstanceID: Hashable, Sendable, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Row id of `calendarobjects`.
public struct ObjectID: Hashable, Sendable, Comparable {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
