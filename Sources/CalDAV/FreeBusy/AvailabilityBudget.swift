import ICalendar

/// How many VAVAILABILITY and AVAILABLE components one free-busy answer may still read.
struct AvailabilityBudget {
    var components: Int
    var available: Int

    /// Hands `component` to the builder with its AVAILABLE children cut to what the budget allows.
    mutating func add(_ component: ICalComponent, to builder: inout FreeBusyBuilder, resolver: TimeZoneResolver) {
        guard components > 0 else { return }
        components -= 1
        var trimmed = component
        trimmed.components = []
        for child in component.components where child.name == "AVAILABLE" && available > 0 {
            available -= 1
            trimmed.components.append(child)
        }
        builder.add(availability: Availability(trimmed, resolver: resolver), resolver: resolver)
    }
}
