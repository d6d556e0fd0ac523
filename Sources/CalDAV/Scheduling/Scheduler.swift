import DAVXML
import ICalendar
import ITIP
import Storage

/// The server side of implicit scheduling (RFC 6638 §3–4): who a calendar user is,
/// which principal an address names, and delivery of iTIP messages into schedule
/// inboxes and recipients' calendars. Every call runs inside the caller's transaction.
struct Scheduler<Store: CalendarStore> {
    let store: Store
    let urls: URLPath
    let configuration: ServerConfiguration
    /// Unix seconds of the request.
    let now: Int64
    let makeID: () -> String
    /// Switches of this write (`Schedule-Reply: F`…).
    var options = SchedulingOptions()
    /// Set when `If-Schedule-Tag-Match` matched an object the server changed since:
    /// other attendees' answers are kept from the stored copy (RFC 6638 §3.2.10).
    var mergeInconsequentialChanges = false
    /// Lookups repeated within one scheduling operation (shared by copies of this value).
    let memo = SchedulerMemo()

    /// `NAME` of `principals/NAME`.
    static func name(of principal: PrincipalRecord) -> String {
        String(principal.uri.split(separator: "/").last ?? "")
    }

    /// Every address of a principal: `mailto:` + email and the principal URL (RFC 6638 §2.4.1).
    func addresses(of principal: PrincipalRecord) -> [String] {
        var result: [String] = []
        if let email = principal.email, !email.isEmpty { result.append("mailto:" + email) }
        result.append(urls.href(.principal(Self.name(of: principal))))
        return result
    }

    /// The principal as an ITIP calendar user.
    func calendarUser(_ principal: PrincipalRecord) -> CalendarUser {
        CalendarUser(addresses: addresses(of: principal))
    }

    /// The local user an address names: by email (case-insensitively) or by principal URL; nil when remote.
    func localPrincipal(for address: String) throws -> PrincipalRecord? {
        let normalized = CalendarAddress(address).normalized
        var found: PrincipalRecord?
        if normalized.hasPrefix("mailto:") {
            let email = String(normalized.dropFirst("mailto:".count))
            guard !email.isEmpty else { return nil }
            found = try store.principal(email: email)
        } else if case .principal(let name) = urls.resolve(address.trimmingSpaces()) {
            found = try store.principal(uri: "principals/" + name)
        }
        guard let found, found.uri.split(separator: "/").count == 2 else { return nil }
        return found
    }

    /// The owner of a calendar: the principal of its owner instance (a sharee or proxy acts as the owner).
    func owner(of instance: CalendarInstance) throws -> PrincipalRecord {
        var uri = instance.principalURI
        if instance.access != .owner,
            let ownerInstance = try store.instances(of: instance.calendarID).first(where: { $0.access == .owner })
        {
            uri = ownerInstance.principalURI
        }
        guard let principal = try store.principal(uri: uri) else {
            throw DAVError(409, nil, "the calendar's owner \(uri) has no principal")
        }
        return principal
    }

    /// The calendars a principal owns (not those shared with it).
    func ownedCalendars(of principal: PrincipalRecord) throws -> [CalendarInstance] {
        if let known = memo.ownedCalendars[principal.uri] { return known }
        let owned = try store.calendars(ofPrincipal: principal.uri).filter { $0.access == .owner }
        memo.ownedCalendars[principal.uri] = owned
        return owned
    }

    /// The object with `uid` among `principal`'s own calendars (sabre's rule for finding a copy).
    func copy(uid: String, of principal: PrincipalRecord, excluding: CalendarID? = nil) throws
        -> (CalendarInstance, StoredObject)?
    {
        for instance in try ownedCalendars(of: principal) where instance.calendarID != excluding {
            if let uri = try store.objectURI(forUID: uid, in: instance.calendarID),
                let object = try store.objectForUpdate(named: uri, in: instance.calendarID)
            {
                return (instance, object)
            }
        }
        return nil
    }

    /// Where new copies go (RFC 6638 §9.2): the inbox's schedule-default-calendar-URL when it
    /// names an owned calendar accepting `componentType`, else the first owned calendar that does.
    func defaultCalendar(of principal: PrincipalRecord, componentType: String) throws -> CalendarInstance? {
        let calendars = try ownedCalendars(of: principal)
        if let chosen = try chosenDefaultCalendar(of: principal, among: calendars),
            chosen.components.contains(componentType)
        {
            return chosen
        }
        return calendars.first { $0.components.contains(componentType) }
    }

    /// The calendar named by the stored schedule-default-calendar-URL dead property, if it still exists.
    func chosenDefaultCalendar(of principal: PrincipalRecord, among calendars: [CalendarInstance]) throws
        -> CalendarInstance?
    {
        let name = Self.name(of: principal)
        let rows = try store.deadProperties(path: ResourcePath.inbox(name).storagePath)
        guard let row = rows.first(where: { $0.name == PropertyName.scheduleDefaultCalendarURL.clark }),
            let element = DeadPropertyCodec.element(row)
        else { return nil }
        let href = element.children(.href).first?.trimmedText ?? element.trimmedText
        guard case .calendar(let owner, let calendarName) = urls.resolve(href), owner == name else { return nil }
        return calendars.first { $0.uri == calendarName }
    }

    /// Writes a server-made version of an object (a delivered copy or a merged reply),
    /// keeping its Schedule-Tag unless `changesScheduleTag` (RFC 6638 §3.3).
    func writeServerCopy(
        _ calendar: ICalComponent, uri: String, in instance: CalendarInstance, existing: StoredObject?,
        changesScheduleTag: Bool
    ) throws {
        let body = calendar.serialized()
        let bytes = Array(body.utf8)
        let etag = MD5.hex(bytes)
        let tag: String
        if let existing, !changesScheduleTag {
            tag = ScheduleTag.current(of: existing) ?? existing.etag
        } else {
            tag = etag
        }
        let index = ObjectIndexer.index(of: calendar)
        let write = ObjectWrite(
            uri: uri, data: body, etag: etag, size: bytes.count, lastModified: now,
            index: Storage.ObjectIndex(
                uid: index.uid, componentType: index.componentType, firstOccurrence: index.firstOccurrence,
                lastOccurrence: index.lastOccurrence),
            scheduleTag: tag)
        // `existing` comes from `copy(uid:of:)`, a locked read in this transaction (nil: a new name).
        try store.putObject(write, in: instance.calendarID, exists: existing != nil)
    }
}

/// Per-request memo of the scheduler's lookups: finding a recipient's copy and then its
/// default calendar would otherwise list the same calendar home twice. Calendar homes do
/// not change during one scheduling operation (objects do, and are never memoized).
final class SchedulerMemo {
    var ownedCalendars: [String: [CalendarInstance]] = [:]
}
