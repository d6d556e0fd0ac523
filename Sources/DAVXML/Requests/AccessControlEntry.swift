/// Who an ACE applies to (RFC 3744 §5.5.1).
public enum ACEPrincipal: Hashable, Sendable {
    /// A principal URL.
    case href(String)
    /// Everybody.
    case all
    /// Any authenticated user.
    case authenticated
    /// Anonymous users.
    case unauthenticated
    /// The resource itself, when it is a principal.
    case selfPrincipal
    /// The principal(s) named by this property of the resource (e.g. `DAV:owner`).
    case property(PropertyName)
}

/// One access control entry (RFC 3744 §5.5).
public struct AccessControlEntry: Hashable, Sendable {
    /// The principal.
    public var principal: ACEPrincipal
    /// `DAV:invert`: applies to everyone except `principal`.
    public var invert: Bool
    /// Granted privileges, e.g. `.read`, `.readFreeBusy`.
    public var grant: [PropertyName]
    /// Denied privileges.
    public var deny: [PropertyName]
    /// `DAV:protected`: cannot be changed by an ACL request.
    public var isProtected: Bool
    /// `DAV:inherited`: the href of the resource the ACE comes from.
    public var inherited: String?

    /// Creates an ACE.
    public init(principal: ACEPrincipal, invert: Bool = false, grant: [PropertyName] = [], deny: [PropertyName] = [], isProtected: Bool = false, inherited: String? = nil) {
        self.principal = principal
        self.invert = invert
        self.grant = grant
        self.deny = deny
        self.isProtected = isProtected
        self.inherited = inherited
    }

    /// Reads a `DAV:ace` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        var principalElement = element.child(.principal)
        var invert = false
        if principalElement == nil, let inverted = element.child(.invert)?.child(.principal) {
            principalElement = inverted
            invert = true
        }
        guard let principalElement, let which = principalElement.children.first else {
            throw .missingElement(.principal)
        }
        let principal: ACEPrincipal
        switch which.name {
        case .href: principal = .href(which.trimmedText)
        case .all: principal = .all
        case .authenticated: principal = .authenticated
        case .unauthenticated: principal = .unauthenticated
        case .selfPrincipal: principal = .selfPrincipal
        case .property:
            guard let name = which.children.first?.name else { throw .missingElement(.property) }
            principal = .property(name)
        default: throw .invalidValue(element: .principal, value: which.name.clark)
        }
        func privileges(_ name: PropertyName) -> [PropertyName] {
            element.child(name)?.children(.privilege).compactMap { $0.children.first?.name } ?? []
        }
        self.init(
            principal: principal, invert: invert, grant: privileges(.grant), deny: privileges(.deny),
            isProtected: element.has(.protected), inherited: element.child(.inherited)?.hrefs.first)
    }
}
