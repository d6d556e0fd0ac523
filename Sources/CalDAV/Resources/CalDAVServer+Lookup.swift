import Storage

extension CalDAVServer {
    /// The calendar `name` in `owner`'s home, or 404.
    func calendarInstance(owner: String, name: String) throws -> CalendarInstance {
        guard let instance = try store.calendar(ofPrincipal: "principals/" + owner, named: name) else {
            throw DAVError.notFound("no calendar \(owner)/\(name)")
        }
        return instance
    }

    /// The principal row of `principals/NAME`, or 404.
    func principalRecord(_ name: String) throws -> PrincipalRecord {
        guard let record = try store.principal(uri: "principals/" + name) else {
            throw DAVError.notFound("no principal \(name)")
        }
        return record
    }

    /// Object writes go through this.
    var objectWriter: ObjectWriter<Store> { ObjectWriter(store: store, urls: urls, makeID: makeID) }
}
