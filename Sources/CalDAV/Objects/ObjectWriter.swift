import ICalendar
import Storage

/// The one way calendar objects are written or deleted, inside the caller's storage transaction.
///
/// Every PUT, DELETE, COPY and MOVE of a calendar object goes through here, so
/// the scheduling steps (RFC 6638 §3.2: organizer and attendee changes turned
/// into iTIP messages, inbox deliveries and SCHEDULE-STATUS updates) slot in at
/// the marked places and share the transaction with the write itself.
struct ObjectWriter<Store: CalendarStore> {
    let store: Store
    let urls: URLPath
    /// New resource names (inbox items and attendee copies the scheduling steps will create).
    let makeID: () -> String

    /// What a write did.
    struct Result {
        /// True when the object did not exist before.
        var created: Bool
        /// md5 hex of the stored body.
        var etag: String
        /// False when the server stored a body other than the one sent (then no ETag goes back, RFC 4791 §5.3.4).
        var storedAsSent: Bool
    }

    /// Stores `object` (sent as `body`) at `uri` in `instance` on behalf of `actor`; `existing` is the object there now, if any.
    ///
    /// Checks CALDAV:no-uid-conflict (RFC 4791 §5.3.2.1) against every other object of the calendar.
    func put(
        _ object: ValidatedObject, body: String, uri: String, in instance: CalendarInstance,
        existing: StoredObject?, actor: AuthenticatedUser, now: Int64
    ) throws -> Result {
        if let holder = try store.objectURI(forUID: object.uid, in: instance.calendarID), holder != uri {
            let href = urls.href(.calendarObject(ownerName(instance), instance.uri, holder))
            throw DAVError(403, .noUIDConflict(href: href), "UID \(object.uid) is already used by \(holder)")
        }
        // Scheduling slot (RFC 6638 §3.2.1–3.2.2): compare `existing` with `object`
        // as organizer or attendee, deliver iTIP messages to inboxes / the mail
        // queue, and return the body to store (with SCHEDULE-STATUS) here.
        let stored = body
        let bytes = Array(stored.utf8)
        let etag = MD5.hex(bytes)
        let write = ObjectWrite(
            uri: uri, data: stored, etag: etag, size: bytes.count, lastModified: now,
            index: IndexFields.compute(object))
        let created = try store.putObject(write, in: instance.calendarID)
        return Result(created: created, etag: etag, storedAsSent: stored == body)
    }

    /// Deletes `existing` from `instance` on behalf of `actor`.
    func delete(_ existing: StoredObject, in instance: CalendarInstance, actor: AuthenticatedUser) throws {
        // Scheduling slot (RFC 6638 §3.2.1.3 / §3.2.2.3): an organizer's delete
        // cancels the meeting, an attendee's declines it; runs here, before the row goes.
        try store.deleteObject(named: existing.uri, in: instance.calendarID)
    }

    /// `NAME` of `principals/NAME`.
    private func ownerName(_ instance: CalendarInstance) -> String {
        String(instance.principalURI.split(separator: "/").last ?? "")
    }
}
