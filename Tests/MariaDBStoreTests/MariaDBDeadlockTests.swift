import Dispatch
import Foundation
import MariaDBStore
import Storage
import Testing

/// Two transactions that lock two calendars in opposite order: InnoDB kills one, and
/// `transaction` must re-run the victim's body so both writes land.
@Suite struct MariaDBDeadlockTests {
    private static func write(_ uri: String) -> ObjectWrite {
        ObjectWrite(
            uri: uri, data: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", etag: "e", size: 31, lastModified: 1,
            index: ObjectIndex(uid: uri, componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil))
    }

    /// Counters shared by the two threads (guarded by the lock).
    private final class Shared: @unchecked Sendable {
        // @unchecked: every field is read and written under `lock`.
        let lock = NSLock()
        var attempts = [0, 0]
        var errors: [String] = []
    }

    @Test func deadlockVictimIsRetried() throws {
        let configuration = try TestDatabase.freshDatabase()
        defer { TestDatabase.drop(configuration) }
        let setup = MariaDBStore(configuration: configuration)
        let first = try setup.createCalendar(
            principalURI: "principals/a", uri: "one", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        let second = try setup.createCalendar(
            principalURI: "principals/a", uri: "two", properties: CalendarProperties(), components: ["VEVENT"]
        ).calendarID
        // Existing rows, so the transactions take record locks (no gap locks on an empty index).
        for (uri, calendar) in [("t0-a.ics", first), ("t1-b.ics", first), ("t1-a.ics", second), ("t0-b.ics", second)] {
            try setup.putObject(Self.write(uri), in: calendar)
        }
        let shared = Shared()
        let aLocked = DispatchSemaphore(value: 0)
        let bLocked = DispatchSemaphore(value: 0)
        let done = DispatchGroup()

        func run(_ index: Int, _ mine: CalendarID, _ theirs: CalendarID) {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                let store = MariaDBStore(configuration: configuration)
                do {
                    try store.transaction {
                        shared.lock.lock()
                        shared.attempts[index] += 1
                        let firstAttempt = shared.attempts[index] == 1
                        shared.lock.unlock()
                        try store.putObject(Self.write("t\(index)-a.ics"), in: mine)
                        if firstAttempt {
                            if index == 0 {
                                aLocked.signal()
                                _ = bLocked.wait(timeout: .now() + 5)
                            } else {
                                bLocked.signal()
                                _ = aLocked.wait(timeout: .now() + 5)
                                usleep(200_000)  // let the other block on our row first
                            }
                        }
                        try store.putObject(Self.write("t\(index)-b.ics"), in: theirs)
                    }
                } catch {
                    shared.lock.lock()
                    shared.errors.append("\(error)")
                    shared.lock.unlock()
                }
            }
        }
        run(0, first, second)
        run(1, second, first)
        #expect(done.wait(timeout: .now() + 60) == .success)
        #expect(shared.errors == [])
        #expect(shared.attempts.reduce(0, +) >= 3, "one side ran its body again")
        let check = MariaDBStore(configuration: configuration)
        #expect(try check.changes(in: first, since: 3, limit: nil)?.changes.map(\.operation) == [.modified, .modified])
        #expect(try check.calendars(ofPrincipal: "principals/a").map(\.syncToken) == [5, 5])
    }
}
