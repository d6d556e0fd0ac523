extension InMemoryStore {
    // MARK: CalendarCollectionStore

    /// The instances in a principal's calendar home, by calendarorder.
    public func calendars(ofPrincipal principalURI: String) throws -> [CalendarInstance] {
        state.instances.filter { $0.principalURI == principalURI }
            .sorted { ($0.properties.order, $0.id) < ($1.properties.order, $1.id) }
            .map(state.joined)
    }

    /// One instance by principal and collection name.
    public func calendar(ofPrincipal principalURI: String, named uri: String) throws -> CalendarInstance? {
        state.instances.first { $0.principalURI == principalURI && $0.uri == uri }.map(state.joined)
    }

    /// Every instance of one calendar (owner first, then sharees).
    public func instances(of calendar: CalendarID) throws -> [CalendarInstance] {
        state.instances.filter { $0.calendarID == calendar }
            .sorted { ($0.access == .owner ? 0 : 1, $0.id) < ($1.access == .owner ? 0 : 1, $1.id) }
            .map(state.joined)
    }

    /// Creates `calendars` + an owner `calendarinstances` row.
    @discardableResult
    public func createCalendar(
        principalURI: String, uri: String, properties: CalendarProperties, components: [String]
    ) throws -> CalendarInstance {
        guard !state.instances.contains(where: { $0.principalURI == principalURI && $0.uri == uri }) else {
            throw StorageError.conflict("calendar \(principalURI)/\(uri)")
        }
        let calendarID = CalendarID(state.nextID())
        state.calendars.append(.init(id: calendarID, syncToken: 1, components: components))
        let instance = CalendarInstance(
            id: CalendarInstanceID(state.nextID()), calendarID: calendarID, principalURI: principalURI, uri: uri,
            access: .owner, properties: properties, syncToken: 1, components: components)
        state.instances.append(instance)
        return instance
    }

    /// Writes the column-mapped properties and records a change (empty uri, op 2).
    public func updateCalendar(_ instance: CalendarInstanceID, properties: CalendarProperties) throws {
        guard let index = state.instances.firstIndex(where: { $0.id == instance }) else {
            throw StorageError.notFound("calendar instance \(instance.rawValue)")
        }
        state.instances[index].properties = properties
        state.recordChange("", .modified, in: state.instances[index].calendarID)
    }

    /// Deletes an instance; the owner's takes the calendar, objects, changes and sharees along.
    public func deleteCalendar(_ instance: CalendarInstanceID) throws {
        guard let row = state.instances.first(where: { $0.id == instance }) else {
            throw StorageError.notFound("calendar instance \(instance.rawValue)")
        }
        if row.access == .owner {
            let calendar = row.calendarID
            state.instances.removeAll { $0.calendarID == calendar }
            state.calendars.removeAll { $0.id == calendar }
            state.objects.removeAll { $0.calendarID == calendar }
            state.changes.removeAll { $0.calendarID == calendar }
        } else {
            state.instances.removeAll { $0.id == instance }
        }
    }

    /// Inserts a sharee row; returns it.
    @discardableResult
    public func addSharee(
        to calendar: CalendarID, principalURI: String?, uri: String, access: CalendarAccess,
        properties: CalendarProperties, shareHref: String, shareDisplayName: String?, inviteStatus: Int
    ) throws -> CalendarInstance {
        guard state.calendars.contains(where: { $0.id == calendar }) else {
            throw StorageError.notFound("calendar \(calendar.rawValue)")
        }
        if state.instances.contains(where: { $0.calendarID == calendar && $0.shareHref == shareHref }) {
            throw StorageError.conflict("sharee \(shareHref)")
        }
        let instance = CalendarInstance(
            id: CalendarInstanceID(state.nextID()), calendarID: calendar, principalURI: principalURI ?? "",
            uri: uri, access: access, properties: properties, shareHref: shareHref,
            shareDisplayName: shareDisplayName, shareInviteStatus: inviteStatus, syncToken: 1, components: [])
        state.instances.append(instance)
        return state.joined(instance)
    }

    /// Removes the sharee row of `shareHref`.
    public func removeSharee(from calendar: CalendarID, shareHref: String) throws {
        state.instances.removeAll { $0.calendarID == calendar && $0.shareHref == shareHref && $0.access != .owner }
    }

    // MARK: CalendarObjectStore

    /// One object with its body.
    public func object(named uri: String, in calendar: CalendarID) throws -> StoredObject? {
        state.objects.first { $0.calendarID == calendar && $0.uri == uri }
    }

    /// One object with its body (one thread per store: nothing else can write meanwhile).
    public func objectForUpdate(named uri: String, in calendar: CalendarID) throws -> StoredObject? {
        try object(named: uri, in: calendar)
    }

    /// Several objects with their bodies; missing names are absent.
    public func objects(named uris: [String], in calendar: CalendarID) throws -> [StoredObject] {
        let wanted = Set(uris)
        return state.objects.filter { $0.calendarID == calendar && wanted.contains($0.uri) }.sorted { $0.uri < $1.uri }
    }

    /// Streams objects in uri order, prefiltered by component type and occurrence range.
    public func forEachObject(
        in calendar: CalendarID, componentType: String?, overlapping range: (start: Int64?, end: Int64?)?,
        withData: Bool, _ body: (StoredObject) throws -> Bool
    ) throws {
        let rows = state.objects.filter { $0.calendarID == calendar }.sorted { $0.uri < $1.uri }
        streamingDepth += 1
        defer { streamingDepth -= 1 }
        for row in rows {
            if let componentType, row.index.componentType != componentType { continue }
            if let range {
                if let end = range.end, let first = row.index.firstOccurrence, first >= end { continue }
                if let start = range.start, let last = row.index.lastOccurrence, last <= start { continue }
            }
            var copy = row
            if !withData { copy.data = nil }
            if try !body(copy) { return }
        }
    }

    /// The uri of the object with this UID in a calendar, if any.
    public func objectURI(forUID uid: String, in calendar: CalendarID) throws -> String? {
        state.objects.first { $0.calendarID == calendar && $0.index.uid == uid }?.uri
    }

    /// Inserts or replaces an object, records the change and bumps the synctoken.
    @discardableResult
    public func putObject(_ write: ObjectWrite, in calendar: CalendarID) throws -> Bool {
        guard state.calendars.contains(where: { $0.id == calendar }) else {
            throw StorageError.notFound("calendar \(calendar.rawValue)")
        }
        if let index = state.objects.firstIndex(where: { $0.calendarID == calendar && $0.uri == write.uri }) {
            state.objects[index].data = write.data
            state.objects[index].etag = write.etag
            state.objects[index].size = write.size
            state.objects[index].lastModified = write.lastModified
            state.objects[index].index = write.index
            state.objects[index].scheduleTag = write.scheduleTag
            state.recordChange(write.uri, .modified, in: calendar)
            return false
        }
        state.objects.append(
            StoredObject(
                id: ObjectID(state.nextID()), calendarID: calendar, uri: write.uri, data: write.data,
                etag: write.etag, size: write.size, lastModified: write.lastModified, index: write.index,
                scheduleTag: write.scheduleTag))
        state.recordChange(write.uri, .added, in: calendar)
        return true
    }

    /// Inserts (`exists` false) or replaces (`exists` true) an object; a wrong `exists` throws, as in SQL.
    @discardableResult
    public func putObject(_ write: ObjectWrite, in calendar: CalendarID, exists: Bool) throws -> Bool {
        let present = state.objects.contains { $0.calendarID == calendar && $0.uri == write.uri }
        if exists && !present { throw StorageError.notFound("object \(write.uri)") }
        if !exists && present { throw StorageError.conflict("object \(write.uri)") }
        return try putObject(write, in: calendar)
    }

    /// Deletes an object, records the change (3) and bumps the synctoken.
    public func deleteObject(named uri: String, in calendar: CalendarID) throws {
        guard let index = state.objects.firstIndex(where: { $0.calendarID == calendar && $0.uri == uri }) else {
            throw StorageError.notFound("object \(uri)")
        }
        state.objects.remove(at: index)
        state.recordChange(uri, .deleted, in: calendar)
    }

    /// Changes since `token` (inclusive), last per uri, in token order.
    ///
    /// A `limit` caps the change rows read (as a SQL LIMIT would); when it cuts
    /// the log, `newToken` is one past the last row read, so a client resuming
    /// from it misses nothing.
    public func changes(in calendar: CalendarID, since token: Int64, limit: Int?) throws -> ChangeSet? {
        guard let row = state.calendars.first(where: { $0.id == calendar }) else {
            throw StorageError.notFound("calendar \(calendar.rawValue)")
        }
        guard token >= 1, token <= row.syncToken else { return nil }
        var rows = state.changes.filter { $0.calendarID == calendar && $0.syncToken >= token && $0.syncToken < row.syncToken }
        var newToken = row.syncToken
        if let limit, rows.count >= limit {
            rows = Array(rows.prefix(max(limit, 0)))
            if let last = rows.last { newToken = last.syncToken + 1 }
        }
        var order: [String] = []
        var last: [String: ChangeOperation] = [:]
        for change in rows {
            if last[change.uri] != nil { order.removeAll { $0 == change.uri } }
            order.append(change.uri)
            last[change.uri] = change.operation
        }
        return ChangeSet(changes: order.map { ($0, last[$0]!) }, newToken: newToken)
    }
}
