import Foundation
import ICalendar
import Testing
@testable import ITIP

/// Golden scenarios under Fixtures/Scenarios: (old, new, acting user) → stored object and messages,
/// compared by meaning (DTSTAMP and PRODID ignored).
@Suite struct ScenarioTests {
    @Test(arguments: Scenario.all())
    func scenario(_ name: String) throws {
        let scenario = try Scenario(named: name)
        if let error = scenario.value("expect-error") {
            do {
                _ = try scenario.run()
                Issue.record("expected error \(error)")
            } catch let failure as ITIPError {
                #expect(failure.precondition == error)
            }
            return
        }
        let outcome = try scenario.run()
        if ProcessInfo.processInfo.environment["ITIP_RECORD"] == "1" {
            try scenario.record(outcome)
            return
        }
        let expectedStored = scenario.value("expect-stored")
        if expectedStored == "none" {
            #expect(outcome.stored == nil)
        } else {
            let expected = try #require(try scenario.calendar("expect-stored"))
            let actual = try #require(outcome.stored)
            #expect(TestICS.canonical(actual) == TestICS.canonical(expected))
        }
        if let tag = scenario.value("expect-tag") {
            #expect(outcome.changesScheduleTag == (tag == "changes"))
        }
        #expect(outcome.isStale == (scenario.value("expect-stale") == "yes"))
        let expectedMessages = scenario.values("expect-message")
        #expect(outcome.messages.count == expectedMessages.count)
        for (message, line) in zip(outcome.messages, expectedMessages) {
            let parts = line.split(separator: " ")
            let file = String(parts.last!)
            let summary = parts.dropLast().joined(separator: " ")
            #expect(Scenario.describe(message) == summary)
            let text = try String(contentsOf: scenario.directory.appendingPathComponent(file), encoding: .utf8)
            #expect(TestICS.canonical(message.calendar) == TestICS.canonical(try TestICS.parse(text)), "\(file)")
        }
    }
}
