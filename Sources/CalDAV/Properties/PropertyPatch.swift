import DAVXML
import Storage

/// Changes a PROPPATCH (or MKCALENDAR) collects before anything is written, so all or none apply (RFC 4918 §9.2).
struct PropertyPatch {
    /// The column-mapped properties of the target calendar, when the target is one.
    var calendar: CalendarProperties?
    /// The target principal's row, when the target is a principal.
    var principal: PrincipalRecord?
    /// The new member set of a proxy group (RFC 3744 §4.3 group-member-set).
    var members: [PrincipalID]?
    /// The owner of the target schedule inbox, when the target is one (RFC 6638 §9.2).
    var inbox: PrincipalRecord?
    /// `calendars.components` (MKCALENDAR only).
    var components: [String]?
    /// Dead properties to set (element) or remove (nil), in order.
    var dead: [(name: PropertyName, value: XMLElement?)] = []
}
