import CalDAV
import Foundation
import ICalendar
import IMIP
import Storage
import Synchronization

@testable import almanac

/// An in-memory server with users alice, bob (and frank@example.net, the organizer of the
/// IMIP fixtures), each with a calendar `default`.
final class MailTestServer {
    let store = InMemoryStore()
    var clock: Int64 = 1_795_000_000
    var configuration = ServerConfiguration(trustRemoteUser: true, digestSecret: "test")
    var counter = 0

    init() {
        for (user, email) in [
            ("alice", "alice@example.com"), ("bob", "bob@example.com"), ("frank", "frank@example.net"),
        ] {
            try! store.createUser(username: user, digestA1: "x")
            try! store.createPrincipal(uri: "principals/\(user)", email: email, displayName: user.capitalized)
            try! store.createCalendar(
                principalURI: "principals/\(user)", uri: "default", properties: CalendarProperties(),
                components: ["VEVENT", "VTODO"])
        }
    }

    func server() -> CalDAVServer<InMemoryStore> {
        CalDAVServer(
            store: store, configuration: configuration, now: { [unowned self] in self.clock },
            makeID: { [unowned self] in
                self.counter += 1
                return "id-\(self.counter)"
            })
    }

    /// PUT through the engine as `user` (REMOTE_USER trusted).
    @discardableResult
    func put(_ user: String, _ name: String, _ body: String) -> Int {
        let request = DAVRequest(
            method: "PUT", uri: "/calendars/\(user)/default/\(name)", headers: ["Content-Type": "text/calendar"],
            body: Array(body.utf8), remoteUser: user)
        return server().handle(request).status
    }

    func object(_ user: String, uid: String) -> String? {
        let calendar = try! store.calendar(ofPrincipal: "principals/\(user)", named: "default")!.calendarID
        guard let uri = try! store.objectURI(forUID: uid, in: calendar) else { return nil }
        return try! store.object(named: uri, in: calendar)?.data
    }

    func inbox(_ user: String) -> [InboxItem] {
        try! store.inboxItems(ofPrincipal: "principals/\(user)", withData: true)
    }
}

/// A parameter of the ATTENDEE (or ORGANIZER) `address` in the first component of `body`.
func parameter(_ body: String?, _ address: String, _ name: String, property: String = "ATTENDEE") -> String? {
    guard let body, let calendar = try? ICalComponent.parse(body) else { return nil }
    for component in calendar.components where component.name == "VEVENT" || component.name == "VTODO" {
        for candidate in component.properties(named: property)
        where candidate.rawValue.lowercased() == address.lowercased() {
            return candidate[parameter: name]
        }
    }
    return nil
}

/// A transport that records what it is given and answers from a script (default: accept).
final class RecordingTransport: MailTransport {
    private let state = Mutex<(sent: [(from: String, to: [String], message: String)], script: [MailTransportError?])>(
        ([], []))

    /// The answers of the next sends, in order: nil accepts, an error refuses.
    func script(_ answers: [MailTransportError?]) { state.withLock { $0.script = answers } }

    var sent: [(from: String, to: [String], message: String)] { state.withLock { $0.sent } }

    func send(_ message: String, from sender: String, to recipients: [String]) throws(MailTransportError) {
        let answer: MailTransportError? = state.withLock { state in
            let next = state.script.isEmpty ? nil : state.script.removeFirst()
            if next == nil { state.sent.append((sender, recipients, message)) }
            return next
        }
        if let answer { throw answer }
    }
}

/// An invitation from `organizer` to `attendees` (addresses without mailto:).
func invitation(
    uid: String, organizer: String = "alice@example.com", attendees: [String], sequence: Int = 0,
    language: String? = nil
) -> String {
    var lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "BEGIN:VEVENT", "UID:\(uid)",
        "DTSTAMP:20261125T080000Z", "SUMMARY:Planning", "DTSTART:20270301T100000Z", "DTEND:20270301T110000Z",
        "SEQUENCE:\(sequence)", "ORGANIZER;CN=Organizer:mailto:\(organizer)",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:\(organizer)",
    ]
    for attendee in attendees {
        lines.append(
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE\(language.map { ";LANGUAGE=\($0)" } ?? ""):mailto:\(attendee)")
    }
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return lines.joined(separator: "\r\n") + "\r\n"
}

/// The IMIP test fixtures (Tests/IMIPTests/Fixtures).
func fixture(_ name: String) throws -> [UInt8] {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("IMIPTests/Fixtures")
    return [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
}
