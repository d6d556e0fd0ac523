import DAVXML
import Storage

/// What a property getter or setter sees of the resource.
struct PropertyScope {
    let path: ResourcePath
    let resource: Resource
    let user: AuthenticatedUser
    /// The current user's privileges on the resource.
    let privileges: Privilege
}

/// Changes a PROPPATCH (or MKCALENDAR) collects before anything is written, so all or none apply (RFC 4918 §9.2).
struct PropertyPatch {
    /// The column-mapped properties of the target calendar, when the target is one.
    var calendar: CalendarProperties?
    /// The target principal's row, when the target is a principal.
    var principal: PrincipalRecord?
    /// The new member set of a proxy group (RFC 3744 §4.3 group-member-set).
    var members: [PrincipalID]?
    /// `calendars.components` (MKCALENDAR only).
    var components: [String]?
    /// Dead properties to set (element) or remove (nil), in order.
    var dead: [(name: PropertyName, value: XMLElement?)] = []
}

/// One row of the property table: a live property, who may read it, how to get and set it (RFC 4918 §15).
struct LiveProperty<Store: CalendarStore> {
    typealias Getter = (CalDAVServer<Store>, PropertyScope) throws -> XMLElement?
    /// Returns false when the property is not live on this resource (then it is stored as a dead one).
    typealias Setter = (CalDAVServer<Store>, inout PropertyPatch, XMLElement?) throws -> Bool

    let name: PropertyName
    /// Privilege needed to read it (RFC 3744 §5: ACL properties need read-acl / read-current-user-privilege-set).
    let readPrivilege: Privilege
    /// Returned for allprop (RFC 4918 §9.1: not the expensive or ACL ones).
    let inAllprop: Bool
    /// nil when the property is not defined on this resource (404 in propstat).
    let get: Getter
    /// nil for protected properties.
    let set: Setter?

    init(
        _ name: PropertyName, read: Privilege = .read, allprop: Bool = true, get: @escaping Getter,
        set: Setter? = nil
    ) {
        self.name = name
        self.readPrivilege = read
        self.inAllprop = allprop
        self.get = get
        self.set = set
    }
}

extension XMLElement {
    /// `<name><d:href>…</d:href>…</name>`.
    static func hrefs(_ name: PropertyName, _ hrefs: [String]) -> XMLElement {
        XMLElement(name, children: hrefs.map { XMLElement(.href, text: $0) })
    }

    /// `<name>text</name>`.
    static func text(_ name: PropertyName, _ text: String) -> XMLElement {
        XMLElement(name, text: text)
    }
}
