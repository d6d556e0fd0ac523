import CalDAV
import Dispatch
import Foundation
import MariaDBStore
import Storage
import Testing

/// Concurrent writers into the same calendars, each on its own connection, as the FastCGI
/// workers run them: no request may fail with a deadlock (503), and the sync log stays whole.
@Suite struct ConcurrentWriteTests {
    /// Counters and results shared by the writer threads (guarded by the lock).
    private final class Shared: @unchecked Sendable {
        // @unchecked: every field is read and written under `lock`.
        let lock = NSLock()
        var attempts: [Int] = [0, 0]
        var statuses: [Int] = []
        var errors: [String] = []
        var retries = 0

        func add(status: Int) {
            lock.lock()
            statuses.append(status)
            lock.unlock()
        }
    }

    private static func write(_ uri: String) -> ObjectWrite {
        ObjectWrite(
            uri: uri, data: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", etag: "e", size: 31, lastModified: 1,
            index: ObjectIndex(uid: uri, componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil))
    }

    /// Two PUTs of new names into one calendar, the second arriving while the first holds its
    /// locked read: the second must wait for the first instead of both taking the same gap
    /// lock and then deadlocking on their INSERTs (or on the synctoken bump).
    @Test func twoNewNamesInOneCalendarDoNotDeadlock() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let calendar = try MariaDBStore(configuration: configuration).createCalendar(
            principalURI: "principals/a", uri: "one", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        let shared = Shared()
        let firstLocked = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let store = MariaDBStore(configuration: configuration)
                if index == 1 { _ = firstLocked.wait(timeout: .now() + 10) }
                do {
                    try store.transaction {
                        shared.lock.lock()
                        shared.attempts[index] += 1
                        let firstAttempt = shared.attempts[index] == 1
                        shared.lock.unlock()
                        let name = "new-\(index).ics"
                        let existing = try store.objectForUpdate(named: name, in: calendar)
                        if index == 0 && firstAttempt {
                            firstLocked.signal()
                            usleep(300_000)  // the other request reads its own new name now
                        }
                        try store.putObject(Self.write(name), in: calendar, exists: existing != nil)
                    }
                } catch {
                    shared.lock.lock()
                    shared.errors.append("\(error)")
                    shared.lock.unlock()
                }
            }
        }
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(shared.errors == [])
        #expect(shared.attempts == [1, 1], "no transaction was a deadlock victim")
        let check = MariaDBStore(configuration: configuration)
        #expect(try check.changes(in: calendar, since: 1, limit: nil)?.changes.count == 2)
        #expect(try check.calendars(ofPrincipal: "principals/a").map(\.syncToken) == [3])
    }

    /// Two transactions lock two calendars in opposite order and each swallows the error of
    /// its second write (`try?`): InnoDB has rolled the victim back, so committing what is left
    /// would silently lose its first write. `transaction` must re-run it instead.
    @Test func swallowedDeadlockIsRerunNotCommitted() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let setup = MariaDBStore(configuration: configuration)
        let calendars = try ["one", "two"].map {
            try setup.createCalendar(
                principalURI: "principals/a", uri: $0, properties: CalendarProperties(), components: ["VEVENT"]
            ).calendarID
        }
        let shared = Shared()
        let locked = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let done = DispatchGroup()
        for index in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let store = MariaDBStore(configuration: configuration)
                let mine = calendars[index]
                let theirs = calendars[1 - index]
                do {
                    try store.transaction {
                        shared.lock.lock()
                        shared.attempts[index] += 1
                        let firstAttempt = shared.attempts[index] == 1
                        shared.lock.unlock()
                        try store.putObject(Self.write("t\(index)-a.ics"), in: mine)
                        if firstAttempt {
                            locked[index].signal()
                            _ = locked[1 - index].wait(timeout: .now() + 5)
                            if index == 1 { usleep(200_000) }  // let the other block on our row first
                        }
                        _ = try? store.putObject(Self.write("t\(index)-b.ics"), in: theirs)
                    }
                } catch {
                    shared.lock.lock()
                    shared.errors.append("\(error)")
                    shared.lock.unlock()
                }
            }
        }
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(shared.errors == [])
        #expect(shared.attempts.reduce(0, +) >= 3, "the victim ran its body again")
        let check = MariaDBStore(configuration: configuration)
        for calendar in calendars {
            let names = try check.changes(in: calendar, since: 1, limit: nil)?.changes.map(\.uri).sorted()
            #expect(names?.count == 2, "both transactions' writes into calendar \(calendar.rawValue): \(names ?? [])")
        }
    }

    /// Users u0…u11 (password = name), each with a calendar `default`.
    private static func setUp(users: Int) throws -> MariaDBConfiguration {
        let configuration = try TestDatabase.freshDatabase()
        let store = MariaDBStore(configuration: configuration)
        for index in 0..<users {
            let user = "u\(index)"
            try store.createUser(username: user, digestA1: MD5.hex("\(user):SabreDAV:\(user)"))
            try store.createPrincipal(uri: "principals/\(user)", email: "\(user)@example.com", displayName: user)
            try store.createCalendar(
                principalURI: "principals/\(user)", uri: "default", properties: CalendarProperties(displayName: "D"),
                components: ["VEVENT", "VTODO"])
        }
        return configuration
    }

    private static func event(uid: String, organizer: String? = nil, attendees: [String] = []) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:20261125T082437Z", "SUMMARY:Load", "DTSTART:20270203T150000Z", "DTEND:20270203T160000Z",
        ]
        if let organizer {
            lines.append("ORGANIZER:mailto:\(organizer)@example.com")
            lines.append("ATTENDEE;PARTSTAT=ACCEPTED:mailto:\(organizer)@example.com")
            lines += attendees.map { "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:\($0)@example.com" }
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Runs `threads` workers, each with its own connection and engine, each sending the PUTs
    /// `requests(thread)` lists as (user, path, body); returns every status.
    private static func run(
        _ configuration: MariaDBConfiguration, threads: Int,
        requests: @escaping @Sendable (Int) -> [(user: String, path: String, body: String)]
    ) -> (statuses: [Int], retries: Int, finished: Bool) {
        let shared = Shared()
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for thread in 0..<threads {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let store = MariaDBStore(configuration: configuration)
                let server = CalDAVServer(
                    store: store, configuration: ServerConfiguration(digestSecret: "s"), now: { 1_795_000_000 },
                    makeID: { UUID().uuidString.lowercased() })
                _ = try? store.connection.connect()
                start.wait()
                for request in requests(thread) {
                    let credentials = Data("\(request.user):\(request.user)".utf8).base64EncodedString()
                    let response = server.handle(
                        DAVRequest(
                            method: "PUT", uri: request.path,
                            headers: ["Authorization": "Basic " + credentials, "Content-Type": "text/calendar"],
                            body: Array(request.body.utf8)))
                    shared.add(status: response.status)
                }
                shared.lock.lock()
                shared.retries += store.connection.deadlockRetries
                shared.lock.unlock()
            }
        }
        for _ in 0..<threads { start.signal() }
        let finished = done.wait(timeout: .now() + 300) == .success
        shared.lock.lock()
        defer { shared.lock.unlock() }
        return (shared.statuses, shared.retries, finished)
    }

    /// Every calendar's sync log is whole: one change per token from 1 to synctoken - 1,
    /// and every stored object has a change (none lost to a duplicated token).
    private static func expectConsistentSyncLogs(_ configuration: MariaDBConfiguration) throws {
        let connection = MariaDBConnection(configuration: configuration)
        for calendar in try connection.query("SELECT id, synctoken FROM calendars ORDER BY id") {
            let id = calendar[0].int ?? 0
            let token = calendar[1].int ?? 0
            let tokens = try connection.query(
                "SELECT synctoken FROM calendarchanges WHERE calendarid = ? ORDER BY synctoken", [.int(id)]
            ).map { $0[0].int ?? 0 }
            #expect(tokens == Array(1..<max(token, 1)), "calendar \(id): changes \(tokens), synctoken \(token)")
            let unlogged = try connection.query(
                "SELECT COUNT(*) FROM calendarobjects o WHERE o.calendarid = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM calendarchanges c WHERE c.calendarid = o.calendarid AND c.uri = o.uri)",
                [.int(id)])
            #expect(unlogged.first?[0].int == 0, "calendar \(id): objects without a change")
        }
    }

    /// Eight workers PUT new events into one calendar at once (bench's seeding): all 201.
    @Test func concurrentPutsIntoOneCalendarAllSucceed() throws {
        let configuration = try Self.setUp(users: 1)
        defer { TestDatabase.drop(configuration) }
        let perThread = 15
        let result = Self.run(configuration, threads: 8) { thread in
            (0..<perThread).map { index in
                let uid = "t\(thread)-\(index)"
                return ("u0", "/calendars/u0/default/\(uid).ics", Self.event(uid: uid))
            }
        }
        #expect(result.finished)
        #expect(result.statuses.count == 8 * perThread)
        #expect(result.statuses.filter { $0 != 201 } == [])
        #expect(result.retries == 0, "writers of one calendar queue on its row instead of deadlocking")
        let store = MariaDBStore(configuration: configuration)
        let calendar = try #require(try store.calendar(ofPrincipal: "principals/u0", named: "default"))
        #expect(calendar.syncToken == Int64(1 + 8 * perThread))
        try Self.expectConsistentSyncLogs(configuration)
    }

    /// Plain PUTs into u0's calendar while four organizers each invite ten local users whose
    /// calendars overlap (each other and u0 included): every request is stored (201).
    @Test func concurrentSchedulingPutsAllSucceed() throws {
        let users = 12
        let configuration = try Self.setUp(users: users)
        defer { TestDatabase.drop(configuration) }
        let result = Self.run(configuration, threads: 8) { thread in
            if thread < 4 {
                return (0..<6).map { index in
                    let uid = "plain-\(thread)-\(index)"
                    return ("u0", "/calendars/u0/default/\(uid).ics", Self.event(uid: uid))
                }
            }
            let organizer = thread - 3  // u1…u4
            let attendees = (0..<users).filter { $0 != organizer }.prefix(10).map { "u\($0)" }
            return (0..<3).map { index in
                let uid = "meeting-\(organizer)-\(index)"
                return (
                    "u\(organizer)", "/calendars/u\(organizer)/default/\(uid).ics",
                    Self.event(uid: uid, organizer: "u\(organizer)", attendees: Array(attendees))
                )
            }
        }
        #expect(result.finished)
        #expect(result.statuses.count == 4 * 6 + 4 * 3)
        #expect(result.statuses.filter { $0 != 201 } == [])
        try Self.expectConsistentSyncLogs(configuration)
        // Every attendee got every meeting: ten invitations per organizer's three meetings.
        let connection = MariaDBConnection(configuration: configuration)
        let copies = try connection.query("SELECT COUNT(*) FROM calendarobjects WHERE uid LIKE 'meeting-%'")
        #expect(copies.first?[0].int == Int64(4 * 3 * 11))
        let inbox = try connection.query("SELECT COUNT(*) FROM schedulingobjects")
        #expect(inbox.first?[0].int == Int64(4 * 3 * 10))
    }
}
