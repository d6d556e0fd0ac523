/// The value of a property in a response, in the shapes WebDAV/CalDAV properties take (RFC 4918 §15, RFC 3744 §5, RFC 4791 §5.2).
public indirect enum PropertyValue: Hashable, Sendable {
    /// No content: `<d:getetag/>` (also used for propname answers and 404 propstats).
    case empty
    /// Escaped text content.
    case text(String)
    /// One `<d:href>`; pass an already percent-encoded href (see `encodePath`).
    case href(String)
    /// Several `<d:href>`s.
    case hrefs([String])
    /// Arbitrary child elements (dead properties parsed from XML, supported-calendar-data, …).
    case xml([XMLElement])
    /// Stored inner XML written verbatim (dead properties kept as text, see `XMLElement.innerXML`).
    case rawXML(String)
    /// `DAV:resourcetype` children: `<d:collection/><cal:calendar/>`.
    case resourceType([PropertyName])
    /// `DAV:supported-report-set`: `<d:supported-report><d:report><cal:calendar-query/></d:report></d:supported-report>`….
    case supportedReports([PropertyName])
    /// `DAV:current-user-privilege-set`: `<d:privilege><d:read/></d:privilege>`….
    case privileges([PropertyName])
    /// `CALDAV:supported-calendar-component-set`: `<cal:comp name="VEVENT"/>`….
    case componentSet([String])
    /// `DAV:acl`: the ACEs (RFC 3744 §5.5).
    case acl([AccessControlEntry])
    /// `DAV:supported-privilege-set` (RFC 3744 §5.3).
    case supportedPrivileges([SupportedPrivilege])
    /// `DAV:lockdiscovery` (RFC 4918 §15.8).
    case lockDiscovery([ActiveLock])
    /// `DAV:supportedlock` listing exclusive and shared write locks (RFC 4918 §15.10).
    case supportedLock
    /// `DAV:share-access` (draft-pot-webdav-resource-sharing §4.4.1).
    case shareAccess(ShareAccess)
    /// `DAV:invite`: the sharees of a shared resource (draft-pot-webdav-resource-sharing §4.4.2).
    case invite([ShareeInfo])
    /// `CS:invite`: organizer and sharees in CalendarServer's format.
    case calendarServerInvite(organizer: ShareeInfo?, sharees: [ShareeInfo])
    /// `CS:allowed-sharing-modes`: `<cs:can-be-shared/>` and/or `<cs:can-be-published/>`.
    case allowedSharingModes(canBeShared: Bool, canBePublished: Bool)
    /// Nested responses, as expand-property returns them in place of hrefs (RFC 3253 §3.8).
    case responses([MultistatusResponse])
    /// The whole property element as built or parsed (attributes, text and children), written as-is under its own name.
    case element(XMLElement)
}

/// One name/value pair in a propstat.
public struct DAVProperty: Hashable, Sendable {
    /// The property name.
    public var name: PropertyName
    /// Its value.
    public var value: PropertyValue

    /// Creates a property.
    public init(_ name: PropertyName, _ value: PropertyValue) {
        self.name = name
        self.value = value
    }

    /// A property given as a whole element (e.g. a dead property read back from storage).
    public init(_ element: XMLElement) {
        self.name = element.name
        self.value = .element(element)
    }
}

/// A node of `DAV:supported-privilege-set` (RFC 3744 §5.3).
public struct SupportedPrivilege: Hashable, Sendable {
    /// The privilege, e.g. `.read`.
    public var privilege: PropertyName
    /// `DAV:abstract`: cannot be granted on its own.
    public var isAbstract: Bool
    /// `DAV:description`.
    public var description: String?
    /// Aggregated privileges.
    public var children: [SupportedPrivilege]

    /// Creates a node.
    public init(_ privilege: PropertyName, isAbstract: Bool = false, description: String? = nil, children: [SupportedPrivilege] = []) {
        self.privilege = privilege
        self.isAbstract = isAbstract
        self.description = description
        self.children = children
    }
}

/// An active lock, for `DAV:lockdiscovery` and LOCK responses (RFC 4918 §14.1).
public struct ActiveLock: Hashable, Sendable {
    /// Exclusive or shared.
    public var scope: LockScope
    /// Depth infinity (true) or 0.
    public var depthInfinity: Bool
    /// The owner element the client sent.
    public var owner: XMLElement?
    /// Seconds left; nil means `Infinite`.
    public var timeoutSeconds: Int?
    /// The lock token URI, e.g. `opaquelocktoken:…`.
    public var token: String
    /// The lock root href.
    public var root: String

    /// Creates a lock description.
    public init(scope: LockScope, depthInfinity: Bool, owner: XMLElement?, timeoutSeconds: Int?, token: String, root: String) {
        self.scope = scope
        self.depthInfinity = depthInfinity
        self.owner = owner
        self.timeoutSeconds = timeoutSeconds
        self.token = token
        self.root = root
    }
}

/// A sharee (or the sharer) as listed in `DAV:invite` / `CS:invite`.
public struct ShareeInfo: Hashable, Sendable {
    /// Principal URL or `mailto:` address.
    public var href: String
    /// Access level.
    public var access: ShareAccess
    /// Invitation status.
    public var status: InviteStatus
    /// Display name (`DAV:displayname` / `CS:common-name`).
    public var commonName: String?
    /// Comment (`DAV:comment` / `CS:summary`).
    public var comment: String?

    /// Creates a sharee entry.
    public init(href: String, access: ShareAccess, status: InviteStatus = .noResponse, commonName: String? = nil, comment: String? = nil) {
        self.href = href
        self.access = access
        self.status = status
        self.commonName = commonName
        self.comment = comment
    }
}

/// A `DAV:propstat`: properties sharing one status (RFC 4918 §14.22).
public struct Propstat: Hashable, Sendable {
    /// HTTP status code, e.g. 200, 403, 404, 424.
    public var status: Int
    /// The properties (values are ignored by clients for non-200 statuses; pass `.empty`).
    public var properties: [DAVProperty]
    /// A precondition element for `DAV:error`, e.g. `.cannotModifyProtectedProperty`.
    public var error: PropertyName?
    /// `DAV:responsedescription`.
    public var description: String?

    /// Creates a propstat.
    public init(status: Int, properties: [DAVProperty], error: PropertyName? = nil, description: String? = nil) {
        self.status = status
        self.properties = properties
        self.error = error
        self.description = description
    }

    /// A propstat of whole property elements.
    public init(status: Int, elements: [XMLElement], error: PropertyName? = nil) {
        self.init(status: status, properties: elements.map { DAVProperty($0) }, error: error)
    }

    /// A propstat of names with empty values, e.g. the 404 group.
    public init(status: Int, names: [PropertyName], error: PropertyName? = nil) {
        self.init(status: status, properties: names.map { DAVProperty($0, .empty) }, error: error)
    }
}

/// A `DAV:response`: an href with propstats, or with a single status (RFC 4918 §14.24).
public struct MultistatusResponse: Hashable, Sendable {
    /// The percent-encoded href.
    public var href: String
    /// Propstat groups (empty when `status` is set).
    public var propstats: [Propstat]
    /// Response-level status, e.g. 404 for a sync-collection deletion.
    public var status: Int?
    /// A precondition element for a response-level `DAV:error`.
    public var error: PropertyName?
    /// `DAV:responsedescription`.
    public var description: String?

    /// A response with propstats.
    public init(href: String, propstats: [Propstat], description: String? = nil) {
        self.href = href
        self.propstats = propstats
        self.status = nil
        self.error = nil
        self.description = description
    }

    /// A response with a status only.
    public init(href: String, status: Int, error: PropertyName? = nil, description: String? = nil) {
        self.href = href
        self.propstats = []
        self.status = status
        self.error = error
        self.description = description
    }
}
