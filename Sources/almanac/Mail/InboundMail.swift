import CalDAV
import ICalendar
import IMIP
import Storage

/// What became of one received mail; the `sysexits.h` code an MTA acts on
/// (0 delivered, 65 bounce as bad data, 67 bounce as unknown user, 75 try again later).
struct InboundResult: Equatable {
    /// The exit status of `almanac imip receive`.
    enum Status: Int32, Equatable {
        case applied = 0
        case dataError = 65  // EX_DATAERR
        case noUser = 67  // EX_NOUSER
        case tempFail = 75  // EX_TEMPFAIL
    }

    var status: Status
    /// One line for the log.
    var summary: String
}

/// Applies one iMIP mail (RFC 6047 §3) to the local calendar users it is for, through the
/// engine's own delivery steps (RFC 6638 §4.1): a REPLY to the organizer's copy and inbox,
/// a REQUEST or CANCEL to each local attendee's. All or nothing, in one transaction.
struct InboundMail<Store: CalendarStore> {
    let server: CalDAVServer<Store>
    let receiver: IMIPReceiver

    var store: Store { server.store }

    private struct Rejection: Error {
        var status: InboundResult.Status
        var reason: String
    }

    /// Reads, checks and applies `bytes`; `envelopeRecipients` are the addresses the MTA
    /// delivered to (they pick among several local attendees before To and Cc do).
    func apply(_ bytes: [UInt8], envelopeRecipients: [String] = []) -> InboundResult {
        let incoming: IMIPIncoming
        do {
            incoming = try receiver.receive(bytes)
        } catch {
            return InboundResult(status: .dataError, summary: "rejected: \(Self.describe(error))")
        }
        let what = "\(incoming.method.rawValue) uid=\(incoming.uid) from=\(incoming.speaksFor)"
        do {
            let targets = try store.transaction { () throws -> [String] in
                var calendar = incoming.calendar
                let targets: [String]
                if incoming.method.isSentByOrganizer {
                    targets = try localAttendees(of: incoming, envelopeRecipients: envelopeRecipients)
                } else {
                    let (principal, organizer) = try organizerPrincipal(of: incoming)
                    calendar = Self.withOrganizer(organizer, in: calendar)
                    targets = [principal]
                }
                for target in targets {
                    let status = try server.applyExternalMessage(
                        calendar, from: "mailto:" + incoming.speaksFor, to: target)
                    if status == .invalidUser {
                        throw Rejection(status: .noUser, reason: "\(target) is not a local user")
                    }
                }
                return targets
            }
            return InboundResult(status: .applied, summary: "applied \(what) to \(targets.joined(separator: ", "))")
        } catch let rejection as Rejection {
            return InboundResult(status: rejection.status, summary: "rejected \(what): \(rejection.reason)")
        } catch let error as StorageError {
            return InboundResult(status: .tempFail, summary: "deferred \(what): storage: \(error)")
        } catch {
            return InboundResult(status: .dataError, summary: "rejected \(what): \(error)")
        }
    }

    /// The local users among the ATTENDEEs of what an organizer sent: those the mail was
    /// addressed to (envelope, then To/Cc), or all of them when the headers name none
    /// (Bcc, alias rewriting).
    private func localAttendees(of incoming: IMIPIncoming, envelopeRecipients: [String]) throws -> [String] {
        let organizer = incoming.organizer.map { $0.lowercased() }
        var local: [(address: String, uri: String)] = []
        for component in incoming.calendar.components where component.name == "VEVENT" || component.name == "VTODO" {
            for attendee in component.properties(named: "ATTENDEE") {
                let address = MailAddress.bareAddress(attendee.rawValue).lowercased()
                guard address != organizer, !local.contains(where: { $0.address == address }),
                    let principal = try localPrincipal(email: address)
                else { continue }
                local.append((address, principal.uri))
            }
        }
        guard !local.isEmpty else { throw Rejection(status: .noUser, reason: "no attendee is a local user") }
        for named in [
            envelopeRecipients.map { MailAddress.bareAddress($0).lowercased() },
            incoming.recipients.map { $0.address.lowercased() },
        ] {
            let chosen = local.filter { named.contains($0.address) }
            if !chosen.isEmpty { return chosen.map(\.uri) }
        }
        return local.map(\.uri)
    }

    /// The organizer's principal and ORGANIZER value for what an attendee sent. Without an
    /// ORGANIZER (Outlook's replies) the organizer is the local user whose own copy of the
    /// UID lists the replying attendee.
    private func organizerPrincipal(of incoming: IMIPIncoming) throws -> (String, String) {
        if let organizer = incoming.organizer {
            guard let principal = try localPrincipal(email: organizer) else {
                throw Rejection(status: .noUser, reason: "organizer \(organizer) is not a local user")
            }
            return (principal.uri, "mailto:" + organizer)
        }
        guard let found = try server.organizerCopy(uid: incoming.uid, attendee: incoming.speaksFor) else {
            throw Rejection(status: .noUser, reason: "no local organizer has \(incoming.uid) with this attendee")
        }
        return (found.principalURI, found.organizer)
    }

    /// A user principal (`principals/NAME`, not a proxy group) with this email.
    private func localPrincipal(email: String) throws -> PrincipalRecord? {
        guard let principal = try store.principal(email: email), principal.uri.split(separator: "/").count == 2 else {
            return nil
        }
        return principal
    }

    /// The calendar with ORGANIZER added to every scheduled component that lacks it.
    static func withOrganizer(_ organizer: String, in calendar: ICalComponent) -> ICalComponent {
        var result = calendar
        for index in result.components.indices
        where ["VEVENT", "VTODO"].contains(result.components[index].name)
            && result.components[index].property("ORGANIZER") == nil
        {
            result.components[index].addProperty(ICalProperty("ORGANIZER", rawValue: organizer))
        }
        return result
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? IMIPError else { return "\(error)" }
        switch error {
        case .noITIPPart: return "no iTIP part (text/calendar with METHOD)"
        case .senderMismatch(let sender, let expected):
            return "sender \(sender) does not speak for \(expected.joined(separator: ", "))"
        case .senderNotAuthenticated(let sender): return "sender \(sender) not authenticated by our MTA"
        case .malformed(let why): return "malformed: \(why)"
        case .invalidAddress(let address): return "invalid address \(address)"
        case .noComponent: return "no VEVENT or VTODO"
        case .template(let why): return "template: \(why)"
        }
    }
}
