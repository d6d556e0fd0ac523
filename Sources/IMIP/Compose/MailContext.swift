import ICalendar

/// The values templates see (documented in Templates/README.md).
///
/// Keys with no value are left out, so `{{#location}}…{{/location}}` renders
/// only when there is a location.
enum MailContext {
    /// Attendees listed by name; the rest are counted (`moreAttendees`).
    static let maxAttendeesShown = 25

    static func build(
        _ outgoing: IMIPOutgoing, details: EventDetails, previous: EventDetails?, configuration: IMIPConfiguration,
        language: String
    ) -> [String: Any] {
        var context: [String: Any] = ["language": language, "productName": configuration.productName]
        let method = outgoing.method
        let isUpdate = method == .request && (outgoing.isUpdate ?? (previous != nil || details.sequence > 0))
        context["isInvitation"] = (method == .request && !isUpdate) || method == .add || method == .publish
        context["isUpdate"] = isUpdate
        context["isCancel"] = method == .cancel
        context["isReply"] = method == .reply
        context["isCounter"] = method == .counter
        context["isDeclineCounter"] = method == .declineCounter
        context["isRefresh"] = method == .refresh
        context["method"] = method.rawValue

        context["summary"] = details.summary
        context["summaryUnderline"] = String(repeating: "=", count: max(3, min(details.summary.count, 72)))
        put(&context, "location", details.location)
        put(&context, "description", details.description)
        put(&context, "descriptionLines", details.description.map { lines($0) })
        put(&context, "comment", details.comment)
        put(&context, "commentLines", details.comment.map { lines($0) })
        put(&context, "when", details.when)
        put(&context, "occurrence", details.occurrence)
        put(&context, "url", details.url.flatMap { safeURL($0) })
        context["isRecurring"] = details.isRecurring
        context["uid"] = details.uid ?? ""

        context["originatorName"] = displayName(outgoing.originator)
        context["originatorEmail"] = outgoing.originator.address
        context["recipientName"] = displayName(outgoing.recipient)
        context["recipientEmail"] = outgoing.recipient.address
        if let organizer = details.organizer {
            context["organizer"] = ["name": displayName(organizer), "email": organizer.address]
        }
        // A mail to a large meeting lists the first few; the .ics carries them all.
        context["attendees"] = details.attendees.prefix(maxAttendeesShown).map { attendee(attendee: $0) }
        context["hasAttendees"] = !details.attendees.isEmpty
        if details.attendees.count > maxAttendeesShown {
            context["moreAttendees"] = details.attendees.count - maxAttendeesShown
        }

        if !method.isSentByOrganizer {
            // The replying attendee's answer (RFC 5546 §3.2.3): their own ATTENDEE line.
            let mine = details.attendees.first { MailAddress.sameAddress($0.address.address, outgoing.originator.address) }
                ?? details.attendees.first
            let partstat = mine?.partstat ?? "NEEDS-ACTION"
            context["accepted"] = partstat == "ACCEPTED"
            context["declined"] = partstat == "DECLINED"
            context["tentative"] = partstat == "TENTATIVE"
            context["delegated"] = partstat == "DELEGATED"
            context["noAnswer"] = !["ACCEPTED", "DECLINED", "TENTATIVE", "DELEGATED"].contains(partstat)
        }

        if let previous {
            var changes: [String: Any] = [:]
            if previous.summary != details.summary {
                changes["summaryChange"] = ["old": previous.summary, "new": details.summary]
            }
            if previous.when != details.when {
                changes["timeChange"] = ["old": previous.when ?? "–", "new": details.when ?? "–"]
            }
            if previous.location != details.location {
                changes["locationChange"] = ["old": previous.location ?? "–", "new": details.location ?? "–"]
            }
            if !changes.isEmpty {
                context["changes"] = changes
            }
        }
        return context
    }

    private static func attendee(attendee: EventDetails.Attendee) -> [String: Any] {
        [
            "name": displayName(attendee.address), "email": attendee.address.address,
            "hasName": !(attendee.address.name ?? "").trimmingSpaces.isEmpty,
            "accepted": attendee.partstat == "ACCEPTED", "declined": attendee.partstat == "DECLINED",
            "tentative": attendee.partstat == "TENTATIVE", "delegated": attendee.partstat == "DELEGATED",
            "noAnswer": !["ACCEPTED", "DECLINED", "TENTATIVE", "DELEGATED"].contains(attendee.partstat),
            "optional": attendee.role == "OPT-PARTICIPANT" || attendee.role == "NON-PARTICIPANT",
            "chair": attendee.role == "CHAIR",
        ]
    }

    private static func put(_ context: inout [String: Any], _ key: String, _ value: Any?) {
        if let value { context[key] = value }
    }

    /// The name to show: CN with control characters removed, else the address.
    static func displayName(_ address: MailAddress) -> String {
        let name = HeaderText.sanitized(address.name ?? "", maxLength: 120)
        return name.isEmpty ? address.address : name
    }

    private static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).filter { !($0.asciiValue.map { $0 < 0x20 && $0 != 0x09 } ?? false) } }
    }

    /// Only http(s) links become clickable; anything else (javascript:, data:) is dropped.
    private static func safeURL(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
            !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
        else { return nil }
        return trimmed
    }
}
