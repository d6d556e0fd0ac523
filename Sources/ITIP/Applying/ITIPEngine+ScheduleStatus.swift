import ICalendar

extension ITIPEngine {
    /// Writes SCHEDULE-STATUS onto the ATTENDEE/ORGANIZER properties named in
    /// `statuses` (keys are addresses in any spelling), in every component (RFC 6638 §7.3).
    public static func withScheduleStatus(_ statuses: [String: ScheduleStatus], on calendar: ICalComponent) -> ICalComponent {
        var byAddress: [CalendarAddress: ScheduleStatus] = [:]
        for (address, status) in statuses { byAddress[CalendarAddress(address)] = status }
        var result = calendar
        for c in result.components.indices where result.components[c].name == "VEVENT" || result.components[c].name == "VTODO" {
            for p in result.components[c].properties.indices {
                let name = result.components[c].properties[p].name
                guard name == "ATTENDEE" || name == "ORGANIZER" else { continue }
                let address = CalendarAddress(result.components[c].properties[p].rawValue)
                if let status = byAddress[address] {
                    result.components[c].properties[p][parameter: "SCHEDULE-STATUS"] = status.code
                }
            }
        }
        return result
    }
}
