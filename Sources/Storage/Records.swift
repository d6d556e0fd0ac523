/// A row of `users`: login name and `md5(username:realm:password)`.
public struct UserRecord: Hashable, Sendable {
    public var id: Int64
    public var username: String
    public var digestA1: String
    public init(id: Int64, username: String, digestA1: String) {
        self.id = id
        self.username = username
        self.digestA1 = digestA1
    }
}

/// A row of `principals`; `uri` is `principals/NAME` (no slashes around it).
public struct PrincipalRecord: Hashable, Sendable {
    public var id: PrincipalID
    public var uri: String
    public var email: String?
    public var displayName: String?
    public init(id: PrincipalID, uri: String, email: String?, displayName: String?) {
        self.id = id
        self.uri = uri
        self.email = email
        self.displayName = displayName
    }
}

/// `calendarinstances.access`: 1 owner, 2 read, 3 read-write (sabre's values).
public enum CalendarAccess: Int, Hashable, Sendable {
    case owner = 1
    case read = 2
    case readWrite = 3
}

/// The properties of one calendar instance that live in `calendarinstances` columns.
public struct CalendarProperties: Hashable, Sendable {
    public var displayName: String?
    public var description: String?
    public var order: Int
    public var color: String?
    public var timezone: String?
    /// `schedule-calendar-transp`: true = transparent.
    public var transparent: Bool
    public init(
        displayName: String? = nil, description: String? = nil, order: Int = 0, color: String? = nil,
        timezone: String? = nil, transparent: Bool = false
    ) {
        self.displayName = displayName
        self.description = description
        self.order = order
        self.color = color
        self.timezone = timezone
        self.transparent = transparent
    }
}

/// A calendar as one principal sees it: a `calendarinstances` row joined with its `calendars` row.
public struct CalendarInstance: Hashable, Sendable {
    public var id: CalendarInstanceID
    public var calendarID: CalendarID
    /// `principals/NAME` of the principal this instance belongs to.
    public var principalURI: String
    /// The collection's name inside the principal's calendar home.
    public var uri: String
    public var access: CalendarAccess
    public var properties: CalendarProperties
    /// `share_href` (sharee rows only), e.g. `mailto:bob@example.com`.
    public var shareHref: String?
    public var shareDisplayName: String?
    /// 1 no response, 2 accepted, 3 declined, 4 invalid (sabre's values).
    public var shareInviteStatus: Int
    /// `calendars.synctoken`: the token the next change will carry.
    public var syncToken: Int64
    /// `calendars.components`, e.g. `["VEVENT", "VTODO"]`.
    public var components: [String]

    public init(
        id: CalendarInstanceID, calendarID: CalendarID, principalURI: String, uri: String, access: CalendarAccess,
        properties: CalendarProperties, shareHref: String? = nil, shareDisplayName: String? = nil,
        shareInviteStatus: Int = 2, syncToken: Int64, components: [String]
    ) {
        self.id = id
        self.calendarID = calendarID
        self.principalURI = principalURI
        self.uri = uri
        self.access = access
        self.properties = properties
        self.shareHref = shareHref
        self.shareDisplayName = shareDisplayName
        self.shareInviteStatus = shareInviteStatus
        self.syncToken = syncToken
        self.components = components
    }
}

/// The index columns of `calendarobjects`, computed by the engine from the iCalendar body.
public struct ObjectIndex: Hashable, Sendable {
    public var uid: String?
    public var componentType: String?
    public var firstOccurrence: Int64?
    public var lastOccurrence: Int64?
    public init(uid: String?, componentType: String?, firstOccurrence: Int64?, lastOccurrence: Int64?) {
        self.uid = uid
        self.componentType = componentType
        self.firstOccurrence = firstOccurrence
        self.lastOccurrence = lastOccurrence
    }
}

/// A row of `calendarobjects`. `data` is nil when the caller asked for metadata only.
public struct StoredObject: Hashable, Sendable {
    public var id: ObjectID
    public var calendarID: CalendarID
    public var uri: String
    public var data: String?
    /// md5 hex of the body, unquoted.
    public var etag: String
    public var size: Int
    public var lastModified: Int64
    public var index: ObjectIndex
    /// Almanac's additive schedule tag (RFC 6638 §3.2.10); nil when never set.
    public var scheduleTag: String?

    public init(
        id: ObjectID, calendarID: CalendarID, uri: String, data: String?, etag: String, size: Int,
        lastModified: Int64, index: ObjectIndex, scheduleTag: String? = nil
    ) {
        self.id = id
        self.calendarID = calendarID
        self.uri = uri
        self.data = data
        self.etag = etag
        self.size = size
        self.lastModified = lastModified
        self.index = index
        self.scheduleTag = scheduleTag
    }
}

/// What the engine hands storage to write an object: body plus everything derived from it.
public struct ObjectWrite: Hashable, Sendable {
    public var uri: String
    public var data: String
    public var etag: String
    public var size: Int
    public var lastModified: Int64
    public var index: ObjectIndex
    public var scheduleTag: String?
    public init(
        uri: String, data: String, etag: String, size: Int, lastModified: Int64, index: ObjectIndex,
        scheduleTag: String? = nil
    ) {
        self.uri = uri
        self.data = data
        self.etag = etag
        self.size = size
        self.lastModified = lastModified
        self.index = index
        self.scheduleTag = scheduleTag
    }
}

/// `calendarchanges.operation`.
public enum ChangeOperation: Int, Hashable, Sendable {
    case added = 1
    case modified = 2
    case deleted = 3
}

/// The result of reading changes since a sync token (RFC 6578).
public struct ChangeSet: Hashable, Sendable {
    /// Last operation per uri, in token order.
    public var changes: [(uri: String, operation: ChangeOperation)]
    /// The token the client should use next (the calendar's current synctoken).
    public var newToken: Int64
    /// Uris whose first change in the window is an add: they did not exist at the token (RFC 6578 §3.5.2).
    public var created: Set<String>
    public init(changes: [(uri: String, operation: ChangeOperation)], newToken: Int64, created: Set<String> = []) {
        self.changes = changes
        self.newToken = newToken
        self.created = created
    }
    public static func == (a: ChangeSet, b: ChangeSet) -> Bool {
        a.newToken == b.newToken && a.changes.map(\.uri) == b.changes.map(\.uri)
            && a.changes.map(\.operation) == b.changes.map(\.operation) && a.created == b.created
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(newToken)
        for change in changes { hasher.combine(change.uri) }
    }
}

/// A row of `propertystorage`. valuetype 1 = string, 2 = inner XML, 3 = PHP serialize().
public struct DeadProperty: Hashable, Sendable {
    public var path: String
    /// Clark notation `{namespace}local`.
    public var name: String
    public var valueType: Int
    public var value: [UInt8]
    public init(path: String, name: String, valueType: Int, value: [UInt8]) {
        self.path = path
        self.name = name
        self.valueType = valueType
        self.value = value
    }
}

/// A row of `schedulingobjects` (an item in a schedule inbox).
public struct InboxItem: Hashable, Sendable {
    public var id: Int64
    public var principalURI: String
    public var uri: String
    public var data: String?
    public var etag: String
    public var size: Int
    public var lastModified: Int64
    public init(
        id: Int64, principalURI: String, uri: String, data: String?, etag: String, size: Int, lastModified: Int64
    ) {
        self.id = id
        self.principalURI = principalURI
        self.uri = uri
        self.data = data
        self.etag = etag
        self.size = size
        self.lastModified = lastModified
    }
}

/// A row of `locks` (token without the `opaquelocktoken:` prefix).
public struct LockRecord: Hashable, Sendable {
    public var owner: String?
    public var timeout: Int64
    public var created: Int64
    public var token: String
    /// 1 shared, 2 exclusive.
    public var scope: Int
    /// 0 or -1 (infinity).
    public var depth: Int
    public var uri: String
    public init(owner: String?, timeout: Int64, created: Int64, token: String, scope: Int, depth: Int, uri: String) {
        self.owner = owner
        self.timeout = timeout
        self.created = created
        self.token = token
        self.scope = scope
        self.depth = depth
        self.uri = uri
    }
}

/// An outgoing iMIP mail waiting in Almanac's additive queue table.
public struct QueuedMail: Hashable, Sendable {
    public var id: Int64
    /// Envelope sender and recipient (bare addresses).
    public var sender: String
    public var recipient: String
    /// The complete RFC 5322 message.
    public var message: String
    /// Which organizer copy to stamp with SCHEDULE-STATUS afterwards: `principals/NAME` + object uid.
    public var principalURI: String?
    public var uid: String?
    public var attempts: Int
    /// Unix time of the next attempt.
    public var nextAttempt: Int64
    public init(
        id: Int64, sender: String, recipient: String, message: String, principalURI: String?, uid: String?,
        attempts: Int, nextAttempt: Int64
    ) {
        self.id = id
        self.sender = sender
        self.recipient = recipient
        self.message = message
        self.principalURI = principalURI
        self.uid = uid
        self.attempts = attempts
        self.nextAttempt = nextAttempt
    }
}
