/// A `CalendarStore` held in memory, with sabre's row semantics, for engine tests.
///
/// Behaves like the MariaDB store on the sabre tables: synctokens start at 1,
/// every object change logs (uri, token, op) then bumps the token, sharee and
/// owner rows live in one instance table. `transaction` snapshots the whole
/// state and restores it when the body throws. One value per thread, like the
/// database store.
public final class InMemoryStore: CalendarStore {
    var rows = InMemoryState()
    var transactionDepth = 0
    /// How many `forEachObject` bodies are running now.
    var streamingDepth = 0

    /// Every store call goes through here; calling the store from inside a `forEachObject` body traps,
    /// because the MariaDB store streams those rows over the request's only connection.
    var state: InMemoryState {
        get {
            precondition(streamingDepth == 0, "store called inside forEachObject")
            return rows
        }
        _modify {
            precondition(streamingDepth == 0, "store called inside forEachObject")
            yield &rows
        }
    }

    /// Creates an empty store.
    public init() {}

    /// Runs `body`; restores the state it found when `body` throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if streamingDepth > 0 { throw StorageError.backend("store called inside forEachObject") }
        let snapshot = state
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            return try body()
        } catch {
            if transactionDepth == 1 { state = snapshot }
            throw error
        }
    }

    /// Number of `calendarchanges` rows of a calendar (for tests).
    public func changeLogCount(of calendar: CalendarID) -> Int {
        state.changes.filter { $0.calendarID == calendar }.count
    }

    // MARK: PrincipalStore

    /// The `users` row for a login name.
    public func user(named username: String) throws -> UserRecord? {
        state.users.first { $0.username == username }
    }

    /// Every user, by name.
    public func users() throws -> [UserRecord] {
        state.users.sorted { $0.username < $1.username }
    }

    /// Creates a `users` row.
    public func createUser(username: String, digestA1: String) throws {
        guard !state.users.contains(where: { $0.username == username }) else {
            throw StorageError.conflict("user \(username)")
        }
        state.users.append(UserRecord(id: state.nextID(), username: username, digestA1: digestA1))
    }

    /// Replaces a user's digest.
    public func setDigest(username: String, digestA1: String) throws {
        guard let index = state.users.firstIndex(where: { $0.username == username }) else {
            throw StorageError.notFound("user \(username)")
        }
        state.users[index].digestA1 = digestA1
    }

    /// Deletes a `users` row.
    public func deleteUser(username: String) throws {
        state.users.removeAll { $0.username == username }
    }

    /// A principal by uri.
    public func principal(uri: String) throws -> PrincipalRecord? {
        state.principals.first { $0.uri == uri }
    }

    /// A principal by email, case-insensitively.
    public func principal(email: String) throws -> PrincipalRecord? {
        let lower = email.lowercased()
        return state.principals.first { $0.email?.lowercased() == lower }
    }

    /// Every principal whose uri starts with `prefix`, by uri.
    public func principals(withPrefix prefix: String) throws -> [PrincipalRecord] {
        state.principals.filter { $0.uri.hasPrefix(prefix) }.sorted { $0.uri < $1.uri }
    }

    /// Creates a principal row and returns it.
    @discardableResult
    public func createPrincipal(uri: String, email: String?, displayName: String?) throws -> PrincipalRecord {
        guard !state.principals.contains(where: { $0.uri == uri }) else {
            throw StorageError.conflict("principal \(uri)")
        }
        let record = PrincipalRecord(id: PrincipalID(state.nextID()), uri: uri, email: email, displayName: displayName)
        state.principals.append(record)
        return record
    }

    /// Updates email and display name.
    public func updatePrincipal(_ principal: PrincipalRecord) throws {
        guard let index = state.principals.firstIndex(where: { $0.id == principal.id }) else {
            throw StorageError.notFound("principal \(principal.uri)")
        }
        state.principals[index].email = principal.email
        state.principals[index].displayName = principal.displayName
    }

    /// Deletes a principal row and its `groupmembers` rows.
    public func deletePrincipal(uri: String) throws {
        guard let record = state.principals.first(where: { $0.uri == uri }) else { return }
        state.principals.removeAll { $0.id == record.id }
        state.groupMembers.removeAll { $0.group == record.id || $0.member == record.id }
    }

    /// Members of a group principal.
    public func members(of group: PrincipalID) throws -> [PrincipalRecord] {
        let ids = Set(state.groupMembers.filter { $0.group == group }.map(\.member))
        return state.principals.filter { ids.contains($0.id) }.sorted { $0.uri < $1.uri }
    }

    /// Groups a principal belongs to.
    public func memberships(of member: PrincipalID) throws -> [PrincipalRecord] {
        let ids = Set(state.groupMembers.filter { $0.member == member }.map(\.group))
        return state.principals.filter { ids.contains($0.id) }.sorted { $0.uri < $1.uri }
    }

    /// Replaces the member set of a group.
    public func setMembers(of group: PrincipalID, to members: [PrincipalID]) throws {
        state.groupMembers.removeAll { $0.group == group }
        for member in Set(members).sorted() { state.groupMembers.append((group, member)) }
    }

    // MARK: PropertyStore

    /// Every dead property stored for one path.
    public func deadProperties(path: String) throws -> [DeadProperty] {
        state.properties.filter { $0.path == path }
    }

    /// Dead properties of several paths at once.
    public func deadProperties(paths: [String]) throws -> [DeadProperty] {
        let wanted = Set(paths)
        return state.properties.filter { wanted.contains($0.path) }
    }

    /// Inserts or replaces one property.
    public func setDeadProperty(_ property: DeadProperty) throws {
        if let index = state.properties.firstIndex(where: { $0.path == property.path && $0.name == property.name }) {
            state.properties[index] = property
        } else {
            state.properties.append(property)
        }
    }

    /// Removes one property.
    public func removeDeadProperty(path: String, name: String) throws {
        state.properties.removeAll { $0.path == path && $0.name == name }
    }

    /// Removes every property of a path and the paths below it.
    public func removeDeadProperties(pathPrefix: String) throws {
        state.properties.removeAll { $0.path == pathPrefix || $0.path.hasPrefix(pathPrefix + "/") }
    }

    // MARK: InboxStore

    /// Items in a principal's inbox.
    public func inboxItems(ofPrincipal principalURI: String, withData: Bool) throws -> [InboxItem] {
        state.inbox.filter { $0.principalURI == principalURI }.map { item in
            var copy = item
            if !withData { copy.data = nil }
            return copy
        }
    }

    /// One item with its body.
    public func inboxItem(ofPrincipal principalURI: String, named uri: String) throws -> InboxItem? {
        state.inbox.first { $0.principalURI == principalURI && $0.uri == uri }
    }

    /// Inserts an item.
    public func putInboxItem(
        principalURI: String, uri: String, data: String, etag: String, size: Int, lastModified: Int64
    ) throws {
        state.inbox.append(
            InboxItem(
                id: state.nextID(), principalURI: principalURI, uri: uri, data: data, etag: etag, size: size,
                lastModified: lastModified))
    }

    /// Deletes an item.
    public func deleteInboxItem(ofPrincipal principalURI: String, named uri: String) throws {
        state.inbox.removeAll { $0.principalURI == principalURI && $0.uri == uri }
    }

    // MARK: LockStore

    /// Locks on `uri`, on its ancestors with depth infinity, and optionally below it.
    public func locks(for uri: String, includeChildren: Bool, now: Int64) throws -> [LockRecord] {
        state.locks.filter { lock in
            guard lock.timeout == 0 || lock.created + lock.timeout > now else { return false }
            if lock.uri == uri { return true }
            if lock.depth != 0 && uri.hasPrefix(lock.uri + "/") { return true }
            return includeChildren && lock.uri.hasPrefix(uri + "/")
        }
    }

    /// Creates or refreshes a lock.
    public func putLock(_ lock: LockRecord) throws {
        state.locks.removeAll { $0.token == lock.token }
        state.locks.append(lock)
    }

    /// Removes a lock by token.
    public func removeLock(token: String, uri: String) throws {
        state.locks.removeAll { $0.token == token && $0.uri == uri }
    }

    // MARK: MailQueueStore

    /// Queues a mail.
    public func enqueueMail(
        sender: String, recipient: String, message: String, principalURI: String?, uid: String?, now: Int64
    ) throws {
        state.mails.append(
            QueuedMail(
                id: state.nextID(), sender: sender, recipient: recipient, message: message,
                principalURI: principalURI, uid: uid, attempts: 0, nextAttempt: now))
    }

    /// Mails due at `now`, by next attempt, then oldest first.
    public func dueMails(now: Int64, limit: Int) throws -> [QueuedMail] {
        Array(
            state.mails.filter { $0.nextAttempt <= now }.sorted { ($0.nextAttempt, $0.id) < ($1.nextAttempt, $1.id) }
                .prefix(limit))
    }

    /// Claims due mails by moving their next attempt to `leaseUntil`.
    public func claimDueMails(now: Int64, limit: Int, leaseUntil: Int64) throws -> [QueuedMail] {
        let claimed = try dueMails(now: now, limit: limit)
        for mail in claimed {
            if let index = state.mails.firstIndex(where: { $0.id == mail.id }) {
                state.mails[index].nextAttempt = leaseUntil
            }
        }
        return claimed
    }

    /// Removes a mail that was delivered.
    public func markMailSent(_ id: Int64) throws {
        state.mails.removeAll { $0.id == id }
    }

    /// Records a failed attempt.
    public func markMailFailed(_ id: Int64, error: String, retryAt: Int64?) throws {
        guard let index = state.mails.firstIndex(where: { $0.id == id }) else { return }
        if let retryAt {
            state.mails[index].attempts += 1
            state.mails[index].nextAttempt = retryAt
        } else {
            state.mails.remove(at: index)
        }
    }
}
