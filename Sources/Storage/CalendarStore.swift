/// Errors every store reports the same way, so the engine maps them once.
public enum StorageError: Error, Equatable, Sendable {
    /// A unique key would be violated (e.g. uri exists already).
    case conflict(String)
    /// The row the call names does not exist.
    case notFound(String)
    /// The database could not be reached or answered an error.
    case backend(String)
}

/// Users and principals (`users`, `principals`, `groupmembers`).
public protocol PrincipalStore {
    /// The `users` row for a login name.
    func user(named username: String) throws -> UserRecord?
    /// Every user, by name.
    func users() throws -> [UserRecord]
    /// Creates a `users` row.
    func createUser(username: String, digestA1: String) throws
    /// Replaces a user's digest.
    func setDigest(username: String, digestA1: String) throws
    /// Deletes a `users` row.
    func deleteUser(username: String) throws

    /// A principal by uri (`principals/alice`, `principals/alice/calendar-proxy-read`).
    func principal(uri: String) throws -> PrincipalRecord?
    /// A principal by email, case-insensitively.
    func principal(email: String) throws -> PrincipalRecord?
    /// Every principal whose uri starts with `prefix` (`principals/`), by uri.
    func principals(withPrefix prefix: String) throws -> [PrincipalRecord]
    /// Creates a principal row and returns it.
    @discardableResult
    func createPrincipal(uri: String, email: String?, displayName: String?) throws -> PrincipalRecord
    /// Updates email and display name.
    func updatePrincipal(_ principal: PrincipalRecord) throws
    /// Deletes a principal row and its `groupmembers` rows.
    func deletePrincipal(uri: String) throws

    /// Members of a group principal (`groupmembers.principal_id` = group).
    func members(of group: PrincipalID) throws -> [PrincipalRecord]
    /// Groups a principal belongs to (`groupmembers.member_id` = principal).
    func memberships(of member: PrincipalID) throws -> [PrincipalRecord]
    /// Replaces the member set of a group.
    func setMembers(of group: PrincipalID, to members: [PrincipalID]) throws
}

/// Calendar collections (`calendars`, `calendarinstances`).
public protocol CalendarCollectionStore {
    /// The instances in a principal's calendar home, by calendarorder.
    func calendars(ofPrincipal principalURI: String) throws -> [CalendarInstance]
    /// One instance by principal and collection name.
    func calendar(ofPrincipal principalURI: String, named uri: String) throws -> CalendarInstance?
    /// Every instance of one calendar (owner first, then sharees).
    func instances(of calendar: CalendarID) throws -> [CalendarInstance]
    /// Creates `calendars` + an owner `calendarinstances` row.
    @discardableResult
    func createCalendar(
        principalURI: String, uri: String, properties: CalendarProperties, components: [String]
    ) throws -> CalendarInstance
    /// Writes the column-mapped properties of an instance and records a change (empty uri, op 2).
    func updateCalendar(_ instance: CalendarInstanceID, properties: CalendarProperties) throws
    /// Deletes an instance; deleting the owner's deletes the calendar, its objects, changes and sharee rows.
    func deleteCalendar(_ instance: CalendarInstanceID) throws
    /// Inserts a sharee row (sharing); returns it.
    @discardableResult
    func addSharee(
        to calendar: CalendarID, principalURI: String?, uri: String, access: CalendarAccess, properties: CalendarProperties,
        shareHref: String, shareDisplayName: String?, inviteStatus: Int
    ) throws -> CalendarInstance
    /// Removes the sharee row of `shareHref`.
    func removeSharee(from calendar: CalendarID, shareHref: String) throws
}

/// Calendar objects and their change log (`calendarobjects`, `calendarchanges`).
public protocol CalendarObjectStore {
    /// One object with its body.
    func object(named uri: String, in calendar: CalendarID) throws -> StoredObject?
    /// One object with its body, read as last committed and locked against other writers
    /// until the transaction ends (`SELECT … FOR UPDATE`): every read-modify-write (PUT,
    /// DELETE, MOVE, scheduling deliveries and reply merges, iMIP status stamps) reads this
    /// way, and checks If-Match / If-Schedule-Tag-Match on it, so no concurrent change is lost.
    func objectForUpdate(named uri: String, in calendar: CalendarID) throws -> StoredObject?
    /// Several objects with their bodies (one round trip); missing names are absent.
    func objects(named uris: [String], in calendar: CalendarID) throws -> [StoredObject]
    /// Streams objects of a calendar in uri order. `componentType` and the
    /// [start, end) range (unix seconds, on firstoccurence/lastoccurence; NULLs
    /// always pass) prefilter in the database. `withData` false leaves `data`
    /// nil. Return false from `body` to stop early.
    ///
    /// `body` must not call the store (not even `transaction`): the MariaDB store streams
    /// the rows over the request's only connection, so any statement issued before the
    /// last row is read breaks it (the request fails with 503). Collect what you need and
    /// query after the call returns. `InMemoryStore` traps on such a call so tests find it.
    func forEachObject(
        in calendar: CalendarID, componentType: String?, overlapping range: (start: Int64?, end: Int64?)?,
        withData: Bool, _ body: (StoredObject) throws -> Bool
    ) throws
    /// The uri of the object with this UID in a calendar, if any.
    func objectURI(forUID uid: String, in calendar: CalendarID) throws -> String?
    /// Inserts or replaces an object, records the change (1 add / 2 modify) and bumps the synctoken.
    /// Returns true when the object was created.
    @discardableResult
    func putObject(_ write: ObjectWrite, in calendar: CalendarID) throws -> Bool
    /// `putObject(_:in:)` for a caller that read the row with `objectForUpdate` in this
    /// transaction: `exists` is what that read found, so the store skips its own lookup.
    /// Throws `notFound` (exists but gone) or `conflict` (new but present) when it was wrong.
    @discardableResult
    func putObject(_ write: ObjectWrite, in calendar: CalendarID, exists: Bool) throws -> Bool
    /// Deletes an object, records the change (3) and bumps the synctoken.
    func deleteObject(named uri: String, in calendar: CalendarID) throws
    /// Changes since `token` (inclusive, sabre's rule), last per uri; nil when
    /// the token is older than the log or larger than the current one.
    func changes(in calendar: CalendarID, since token: Int64, limit: Int?) throws -> ChangeSet?
}

/// Dead properties (`propertystorage`).
public protocol PropertyStore {
    /// Every dead property stored for one path (no leading/trailing slash).
    func deadProperties(path: String) throws -> [DeadProperty]
    /// Dead properties of several paths at once (e.g. all children of a collection).
    func deadProperties(paths: [String]) throws -> [DeadProperty]
    /// Inserts or replaces one property.
    func setDeadProperty(_ property: DeadProperty) throws
    /// Removes one property.
    func removeDeadProperty(path: String, name: String) throws
    /// Removes every property of a path and the paths below it.
    func removeDeadProperties(pathPrefix: String) throws
}

/// The schedule inbox (`schedulingobjects`).
public protocol InboxStore {
    /// Items in a principal's inbox, metadata only unless `withData`.
    func inboxItems(ofPrincipal principalURI: String, withData: Bool) throws -> [InboxItem]
    /// One item with its body.
    func inboxItem(ofPrincipal principalURI: String, named uri: String) throws -> InboxItem?
    /// Inserts an item.
    func putInboxItem(principalURI: String, uri: String, data: String, etag: String, size: Int, lastModified: Int64) throws
    /// Deletes an item.
    func deleteInboxItem(ofPrincipal principalURI: String, named uri: String) throws
}

/// WebDAV locks (`locks`).
public protocol LockStore {
    /// Locks on `uri`, on its ancestors with depth infinity, and (if `includeChildren`) below it; expired ones excluded at `now`.
    func locks(for uri: String, includeChildren: Bool, now: Int64) throws -> [LockRecord]
    /// Creates or refreshes a lock (by token).
    func putLock(_ lock: LockRecord) throws
    /// Removes a lock by token.
    func removeLock(token: String, uri: String) throws
}

/// Almanac's additive iMIP outbox table.
public protocol MailQueueStore {
    /// Queues a mail (in the caller's transaction).
    func enqueueMail(
        sender: String, recipient: String, message: String, principalURI: String?, uid: String?, now: Int64
    ) throws
    /// Mails due at `now`, oldest first.
    func dueMails(now: Int64, limit: Int) throws -> [QueuedMail]
    /// Claims up to `limit` mails due at `now` for one sender: atomically moves their next
    /// attempt to `leaseUntil`, so other responders on the same database skip them until the
    /// lease runs out (a crashed sender's mails come back then). Returns them as they were.
    func claimDueMails(now: Int64, limit: Int, leaseUntil: Int64) throws -> [QueuedMail]
    /// Removes a mail that was delivered.
    func markMailSent(_ id: Int64) throws
    /// Records a failed attempt; the mail is retried at `retryAt`, or dropped when `retryAt` is nil.
    func markMailFailed(_ id: Int64, error: String, retryAt: Int64?) throws
}

/// Everything the engine needs from storage, on one connection.
///
/// One store value belongs to one worker thread; it is not shared.
public protocol CalendarStore: PrincipalStore, CalendarCollectionStore, CalendarObjectStore, PropertyStore,
    InboxStore, LockStore, MailQueueStore
{
    /// Runs `body` in one transaction: commits when it returns, rolls back when
    /// it throws. A deadlock (MariaDB 1213) re-runs `body` a few times, so
    /// `body` must only touch the store. Nested calls join the outer one.
    func transaction<T>(_ body: () throws -> T) throws -> T
}
