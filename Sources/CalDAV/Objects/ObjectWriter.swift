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
        /// The Schedule-Tag of a scheduling object resource (RFC 6638 §3.2.10).
        var scheduleTag: String? = nil
    }

    /// Stores `object` (sent as `body`) at `uri` in `instance` on behalf of `actor`; `existing` is the object there now, if any.
    ///
    /// Checks CALDAV:no-uid-conflict (RFC 4791 §5.3.2.1) against every other object of the calendar.
    func put(
        _ object: ValidatedObject, body: String, uri: String, in instance: CalendarInstance,
        existing: StoredObject?, actor: AuthenticatedUser, now: Int64, scheduler: Scheduler<Store>? = nil,
        keepScheduleTag: String? = nil
    ) throws -> Result {
        // A replace that keeps its UID introduces no conflict: skip the lookup (one statement less).
        if existing?.index.uid != object.uid,
            let holder = try store.objectURI(forUID: object.uid, in: instance.calendarID), holder != uri
        {
            let href = urls.href(.calendarObject(ownerName(instance), instance.uri, holder))
            throw DAVError(403, .noUIDConflict(href: href), "UID \(object.uid) is already used by \(holder)")
        }
        // Scheduling (RFC 6638 §3.2.1–3.2.2): deliveries first, then the object with SCHEDULE-STATUS.
        var stored = body
        var index = IndexFields.compute(object)
        var scheduled: ScheduledObject?
        if let scheduler {
            let outcome = try scheduler.prepareWrite(object.calendar, existing: existing, in: instance)
            if outcome.calendar != object.calendar {
                stored = outcome.calendar.serialized()
                index = IndexFields.compute(
                    ValidatedObject(calendar: outcome.calendar, componentType: object.componentType, uid: object.uid))
            }
            scheduled = outcome
        }
        let bytes = Array(stored.utf8)
        let etag = MD5.hex(bytes)
        var tag = keepScheduleTag
        if let scheduled {
            if !scheduled.isSchedulingObject {
                tag = nil
            } else if let existing, !scheduled.changesScheduleTag {
                tag = ScheduleTag.current(of: existing) ?? existing.etag
            } else {
                tag = etag
            }
        }
        let write = ObjectWrite(
            uri: uri, data: stored, etag: etag, size: bytes.count, lastModified: now, index: index, scheduleTag: tag)
        // `existing` is the row locked in this transaction (objectForUpdate), or nil when absent.
        let created = try store.putObject(write, in: instance.calendarID, exists: existing != nil)
        return Result(created: created, etag: etag, storedAsSent: stored == body, scheduleTag: tag)
    }

    /// Deletes `existing` from `instance` on behalf of `actor`.
    func delete(
        _ existing: StoredObject, in instance: CalendarInstance, actor: AuthenticatedUser,
        scheduler: Scheduler<Store>? = nil
    ) throws {
        // An organizer's delete cancels the meeting, an attendee's declines it (RFC 6638 §3.2.1.3, §3.2.2.3).
        try scheduler?.prepareDelete(existing, in: instance)
        try store.deleteObject(named: existing.uri, in: instance.calendarID)
    }

    /// `NAME` of `principals/NAME`.
    private func ownerName(_ instance: CalendarInstance) -> String {
        String(instance.principalURI.split(separator: "/").last ?? "")
    }
}
