import ICalendar

/// Bounds that keep free-busy fast against hostile data: SECONDLY rules, thousands of components (RFC 7953 §8, RFC 5545 §8).
public struct FreeBusyLimits: Hashable, Sendable {
    /// Expansion limits for each recurring event or AVAILABLE (instances counted from DTSTART).
    public var recurrence: RecurrenceLimits
    /// VAVAILABILITY components read per principal (inbox property and calendar objects together).
    public var maxAvailabilityComponents: Int
    /// AVAILABLE sub-components read per principal, over all its VAVAILABILITY components.
    public var maxAvailableComponents: Int
    /// Longest window answered, seconds; longer windows are cut at this length.
    public var maxWindow: Int64

    /// Creates limits: by default 20 000 instances per set, 20 VAVAILABILITY, 100 AVAILABLE, a window of at most 3 years.
    public init(
        recurrence: RecurrenceLimits = RecurrenceLimits(maxInstances: 20_000, maxIterationsWithoutMatch: 5_000),
        maxAvailabilityComponents: Int = 20, maxAvailableComponents: Int = 100, maxWindow: Int64 = 3 * 366 * 86_400
    ) {
        self.recurrence = recurrence
        self.maxAvailabilityComponents = maxAvailabilityComponents
        self.maxAvailableComponents = maxAvailableComponents
        self.maxWindow = maxWindow
    }
}
