import CalDAV
import Dispatch
import Foundation
import MariaDBStore
import Storage
import Testing

/// The CalDAV engine over a real MariaDB with a second connection writing at the same
/// time: read-modify-write paths lock the row, so no update is lost.
@Suite struct EngineOnMariaDBTests {
    /// A database with users alice and bob (password = name), each with a calendar `default`.
    private static func setUp() throws -> MariaDBConfiguration {
        let configuration = try TestDatabase.freshDatabase()
        let store = MariaDBStore(configuration: configuration)
        for user in ["alice", "bob"] {
            try store.createUser(username: user, digestA1: MD5.hex("\(user):SabreDAV:\(user)"))
            try store.createPrincipal(uri: "principals/\(user)", email: "\(user)@example.com", displayName: user)
            try store.createCalendar(
                principalURI: "principals/\(user)", uri: "default", properties: CalendarProperties(displayName: "D"),
                components: ["VEVENT", "VTODO"])
        }
        return configuration
    }

    /// Holds the row of `uri` locked on another connection, then replaces its body with
    /// `change(body)` and commits; returns once the lock is held.
    private static func concurrentWriter(
        _ configuration: MariaDBConfiguration, uri: String, in calendar: CalendarID, newScheduleTag: String? = nil,
        change: @escaping @Sendable (String) -> String
    ) -> DispatchSemaphore {
        let locked = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { finished.signal() }
            let other = MariaDBStore(configuration: configuration)
            try? other.transaction {
                let current = try other.objectForUpdate(named: uri, in: calendar)
                locked.signal()
                usleep(400_000)  // the request arrives now and must wait for this commit
                guard let current, let data = current.data else { return }
                let body = change(data)
                try other.putObject(
                    ObjectWrite(
                        uri: uri, data: body, etag: MD5.hex(Array(body.utf8)), size: body.utf8.count,
                        lastModified: 1_795_000_001, index: current.index,
                        scheduleTag: newScheduleTag ?? current.scheduleTag),
                    in: calendar)
            }
        }
        _ = locked.wait(timeout: .now() + 10)
        return finished
    }

    private static func server(_ store: MariaDBStore) -> CalDAVServer<MariaDBStore> {
        CalDAVServer(
            store: store, configuration: ServerConfiguration(digestSecret: "test-secret"), now: { 1_795_000_000 },
            makeID: { UUID().uuidString.lowercased() })
    }

    private static func send(
        _ server: CalDAVServer<MariaDBStore>, _ method: String, _ uri: String, as user: String = "alice",
        headers: [String: String] = [:], body: String = ""
    ) -> DAVResponse {
        var all = headers
        all["Authorization"] = "Basic " + Data("\(user):\(user)".utf8).base64EncodedString()
        return server.handle(DAVRequest(method: method, uri: uri, headers: all, body: Array(body.utf8)))
    }

    private static func event(uid: String, summary: String = "Meeting") -> String {
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:\(uid)\r\n"
            + "DTSTAMP:20261125T082437Z\r\nSUMMARY:\(summary)\r\nDTSTART:20270203T150000Z\r\n"
            + "DTEND:20270203T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    /// Bob's reply is merged into alice's copy while another writer changes that copy:
    /// the merge must start from the other writer's commit, not overwrite it (RFC 6638 §3.2.2).
    @Test func replyMergeKeepsAConcurrentChangeToTheOrganizerCopy() throws {
        let configuration = try Self.setUp()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        let server = Self.server(store)
        let meeting = Self.event(uid: "meet").replacingOccurrences(
            of: "DTEND:20270203T160000Z\r\n",
            with: "DTEND:20270203T160000Z\r\nORGANIZER:mailto:alice@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com\r\n"
                + "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com\r\n")
        #expect(Self.send(server, "PUT", "/calendars/alice/default/meet.ics", body: meeting).status == 201)
        let alice = try #require(try store.calendar(ofPrincipal: "principals/alice", named: "default")).calendarID
        let bob = try #require(try store.calendar(ofPrincipal: "principals/bob", named: "default")).calendarID
        let bobURI = try #require(try store.objectURI(forUID: "meet", in: bob))
        let bobCopy = try #require(try store.object(named: bobURI, in: bob)?.data)
        #expect(bobCopy.contains("PARTSTAT=NEEDS-ACTION"))

        let finished = Self.concurrentWriter(configuration, uri: "meet.ics", in: alice) {
            $0.replacingOccurrences(of: "SUMMARY:Meeting", with: "SUMMARY:Changed elsewhere")
        }
        let accepted = bobCopy.replacingOccurrences(of: "PARTSTAT=NEEDS-ACTION", with: "PARTSTAT=ACCEPTED")
        let reply = Self.send(server, "PUT", "/calendars/bob/default/" + bobURI, as: "bob", body: accepted)
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(reply.status == 204)
        let merged = try #require(try MariaDBStore(configuration: configuration).object(named: "meet.ics", in: alice))
        #expect(merged.data?.contains("Changed elsewhere") == true, "the concurrent change survives the merge")
        let unfolded = merged.data?.replacingOccurrences(of: "\r\n ", with: "") ?? ""
        #expect(unfolded.contains("PARTSTAT=ACCEPTED") && !unfolded.contains("PARTSTAT=NEEDS-ACTION"))
    }

    /// The organizer edits with If-Schedule-Tag-Match while the server (another connection)
    /// changes the copy and its Schedule-Tag: the tag is judged on the committed row (RFC 6638 §3.2.10).
    @Test func scheduleTagMatchIsCheckedOnTheLockedRow() throws {
        let configuration = try Self.setUp()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        let server = Self.server(store)
        let meeting = Self.event(uid: "tagged").replacingOccurrences(
            of: "DTEND:20270203T160000Z\r\n",
            with: "DTEND:20270203T160000Z\r\nORGANIZER:mailto:alice@example.com\r\n"
                + "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com\r\n"
                + "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com\r\n")
        let created = Self.send(server, "PUT", "/calendars/alice/default/tagged.ics", body: meeting)
        #expect(created.status == 201)
        let tag = try #require(Self.header(created, "Schedule-Tag"))
        let alice = try #require(try store.calendar(ofPrincipal: "principals/alice", named: "default")).calendarID
        let finished = Self.concurrentWriter(configuration, uri: "tagged.ics", in: alice, newScheduleTag: "other-tag") {
            $0.replacingOccurrences(of: "SUMMARY:Meeting", with: "SUMMARY:Changed elsewhere")
        }
        let edit = Self.send(
            server, "PUT", "/calendars/alice/default/tagged.ics", headers: ["If-Schedule-Tag-Match": tag],
            body: meeting.replacingOccurrences(of: "SUMMARY:Meeting", with: "SUMMARY:Mine"))
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(edit.status == 412)
        let stored = try #require(try MariaDBStore(configuration: configuration).object(named: "tagged.ics", in: alice))
        #expect(stored.data?.contains("Changed elsewhere") == true)
    }

    private static func header(_ response: DAVResponse, _ name: String) -> String? {
        response.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Another connection changes the object while a conditional request is on its way: the
    /// request must wait for that writer and judge If-Match against what it committed.
    @Test(arguments: ["PUT", "DELETE"]) func conditionalWriteSeesAConcurrentCommit(method: String) throws {
        let configuration = try Self.setUp()
        defer { TestDatabase.drop(configuration) }
        let store = MariaDBStore(configuration: configuration)
        let server = Self.server(store)
        let uri = "/calendars/alice/default/race.ics"
        let created = Self.send(server, "PUT", uri, body: Self.event(uid: "race"))
        #expect(created.status == 201)
        let etag = try #require(Self.header(created, "ETag"))
        let calendar = try #require(try store.calendar(ofPrincipal: "principals/alice", named: "default")).calendarID

        let locked = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            defer { finished.signal() }
            let other = MariaDBStore(configuration: configuration)
            try? other.transaction {
                _ = try other.objectForUpdate(named: "race.ics", in: calendar)
                locked.signal()
                usleep(400_000)  // the request arrives now and must wait for this commit
                let body = Self.event(uid: "race", summary: "Changed elsewhere")
                try other.putObject(
                    ObjectWrite(
                        uri: "race.ics", data: body, etag: MD5.hex(Array(body.utf8)), size: body.utf8.count,
                        lastModified: 1_795_000_001,
                        index: ObjectIndex(
                            uid: "race", componentType: "VEVENT", firstOccurrence: nil, lastOccurrence: nil)),
                    in: calendar)
            }
        }
        #expect(locked.wait(timeout: .now() + 10) == .success)
        let body = method == "PUT" ? Self.event(uid: "race", summary: "Mine") : ""
        let response = Self.send(server, method, uri, headers: ["If-Match": etag], body: body)
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(response.status == 412, "the stale If-Match must fail, not overwrite the other commit")
        let check = MariaDBStore(configuration: configuration)
        let stored = try #require(try check.object(named: "race.ics", in: calendar))
        #expect(stored.data?.contains("Changed elsewhere") == true)
    }
}
