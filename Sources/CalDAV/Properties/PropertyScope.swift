import DAVXML
import ICalendar

/// What a property getter or setter sees of the resource.
struct PropertyScope {
    let path: ResourcePath
    let resource: Resource
    let user: AuthenticatedUser
    /// The current user's privileges on the resource.
    let privileges: Privilege
    /// A REPORT's calendar-data request (partial retrieval, expansion); nil returns bodies as stored.
    var calendarData: CalendarDataRequest? = nil
    /// The zone a calendar-query's floating times are read in (its timezone element); nil: the calendar's own.
    var floatingZone: ICalTimeZone? = nil
}
