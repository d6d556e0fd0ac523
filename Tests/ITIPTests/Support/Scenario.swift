import Foundation
import ICalendar
@testable import ITIP

/// One golden scenario: a directory under Fixtures/Scenarios with `scenario.txt`
/// ("frank PUTs new.ics over old.ics, expect a REQUEST to grace…") and .ics files.
struct Scenario {
    var name: String
    var directory: URL
    var fields: [(key: String, value: String)]

    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("Scenarios")
    }

    /// The fixture folder in the source tree, for re-recording (`ITIP_RECORD=1`).
    static var sourceRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Scenarios")
    }

    static func all() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    init(named name: String) throws {
        self.name = name
        directory = Scenario.root.appendingPathComponent(name)
        let text = try String(contentsOf: directory.appendingPathComponent("scenario.txt"), encoding: .utf8)
        fields = text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { return nil }
            return (String(trimmed[..<colon]), trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    func value(_ key: String) -> String? { fields.first { $0.key == key }?.value }
    func values(_ key: String) -> [String] { fields.filter { $0.key == key }.map(\.value) }

    func calendar(_ key: String) throws -> ICalComponent? {
        guard let file = value(key), file != "-" else { return nil }
        return try TestICS.parse(String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
    }

    var actor: CalendarUser { CalendarUser(addresses: values("actor")) }

    var now: Int64 {
        let text = value("now") ?? "20261125T090000Z"
        let dt = ICalDateTime(parsing: text, tzid: nil)!
        return dt.local.secondsSinceEpoch
    }

    var options: SchedulingOptions {
        var options = SchedulingOptions()
        for option in values("option") {
            if option == "schedule-reply-f" { options.suppressReply = true }
            if option == "keep-answers" { options.resetParticipationOnReschedule = false }
        }
        return options
    }

    struct Outcome {
        var stored: ICalComponent?
        var messages: [ITIPMessage]
        var changesScheduleTag: Bool
        var isStale: Bool = false
    }

    /// Runs the engine as the scenario says.
    func run() throws -> Outcome {
        switch value("kind") ?? "plan" {
        case "plan":
            let plan = try ITIPEngine.plan(
                old: calendar("old"), new: calendar("new"), actingUser: actor, now: now, options: options)
            return Outcome(stored: plan.object, messages: plan.messages, changesScheduleTag: plan.changesScheduleTag)
        case "apply-request":
            let r = try ITIPEngine.apply(request: calendar("message")!, to: calendar("old"), recipient: actor)
            return Outcome(stored: r.object, messages: r.messages, changesScheduleTag: r.changesScheduleTag, isStale: r.isStale)
        case "apply-cancel":
            let r = try ITIPEngine.apply(cancel: calendar("message")!, to: calendar("old"))
            return Outcome(stored: r.object, messages: r.messages, changesScheduleTag: r.changesScheduleTag, isStale: r.isStale)
        case "apply-reply":
            let r = try ITIPEngine.apply(reply: calendar("message")!, to: calendar("old")!, organizer: actor, now: now)
            return Outcome(stored: r.object, messages: r.messages, changesScheduleTag: r.changesScheduleTag, isStale: r.isStale)
        case let other:
            throw TestICS.ParseError(description: "unknown kind \(other)")
        }
    }

    static func describe(_ message: ITIPMessage) -> String {
        "\(message.method.rawValue) \(message.change.rawValue) \(message.sender.lowercased()) -> \(message.recipient.lowercased())"
    }

    /// Rewrites the expectations from what the engine does now (review the diff before committing).
    func record(_ outcome: Outcome) throws {
        let dir = Scenario.sourceRoot.appendingPathComponent(name)
        var kept = fields.filter { !$0.key.hasPrefix("expect") }.map { "\($0.key): \($0.value)" }
        let header = (try? String(contentsOf: dir.appendingPathComponent("scenario.txt"), encoding: .utf8))?
            .split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init) ?? []
        if let stored = outcome.stored {
            try TestICS.serialize(stored).write(to: dir.appendingPathComponent("expected-stored.ics"), atomically: true, encoding: .utf8)
            kept.append("expect-stored: expected-stored.ics")
        } else {
            kept.append("expect-stored: none")
        }
        kept.append("expect-tag: \(outcome.changesScheduleTag ? "changes" : "keeps")")
        if outcome.isStale { kept.append("expect-stale: yes") }
        var used = Set<String>()
        for message in outcome.messages {
            let who = message.recipient.lowercased().replacingOccurrences(of: "mailto:", with: "").split(separator: "@").first ?? "x"
            var file = "out-\(message.method.rawValue.lowercased())-\(who).ics"
            var n = 2
            while used.contains(file) { file = "out-\(message.method.rawValue.lowercased())-\(who)-\(n).ics"; n += 1 }
            used.insert(file)
            try TestICS.serialize(message.calendar).write(to: dir.appendingPathComponent(file), atomically: true, encoding: .utf8)
            kept.append("expect-message: \(Scenario.describe(message)) \(file)")
        }
        try (header + kept).joined(separator: "\n").appending("\n")
            .write(to: dir.appendingPathComponent("scenario.txt"), atomically: true, encoding: .utf8)
    }
}
