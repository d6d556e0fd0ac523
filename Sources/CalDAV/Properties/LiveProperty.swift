import DAVXML
import Storage

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
