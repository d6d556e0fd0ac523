import Testing
@testable import ICalendar

/// Seeded random rules, including nonsense combinations: expansion always
/// terminates under limits, never traps, and yields strictly increasing valid times.
@Suite struct RecurrenceFuzzTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
        }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    }

    @Test func randomRulesBehave() throws {
        var g = Generator(state: 5545)
        let freqs = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]
        let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        var failures: [String] = []
        for _ in 0..<400 {
            var parts = ["FREQ=" + freqs[g.int(0...6)]]
            func list(_ name: String, _ range: ClosedRange<Int>, signed: Bool) {
                guard g.chance(35) else { return }
                let values = (0..<g.int(1...4)).map { _ -> String in
                    let v = g.int(range)
                    return String(signed && g.chance(30) ? -v : v)
                }
                parts.append(name + "=" + values.joined(separator: ","))
            }
            if g.chance(30) { parts.append("INTERVAL=\(g.int(1...400))") }
            if g.chance(30) { parts.append("COUNT=\(g.int(1...50))") }
            list("BYSECOND", 0...60, signed: false)
            list("BYMINUTE", 0...59, signed: false)
            list("BYHOUR", 0...23, signed: false)
            list("BYMONTHDAY", 1...31, signed: true)
            list("BYYEARDAY", 1...366, signed: true)
            list("BYWEEKNO", 1...53, signed: true)
            list("BYMONTH", 1...12, signed: false)
            list("BYSETPOS", 1...366, signed: true)
            if g.chance(40) {
                let entries = (0..<g.int(1...3)).map { _ in
                    (g.chance(40) ? String(g.int(-53...53)).replacingOccurrences(of: "0", with: "1") : "") + days[g.int(0...6)]
                }
                parts.append("BYDAY=" + entries.joined(separator: ","))
            }
            if g.chance(20) { parts.append("WKST=" + days[g.int(0...6)]) }
            guard let rule = try? RecurrenceRule(parsing: parts.joined(separator: ";")) else { continue }
            if (try? RecurrenceRule(parsing: rule.text)) != rule { failures.append("round trip of \(rule.text)") }
            let start = LocalDateTime(
                year: g.int(1990...2040), month: g.int(1...12), day: g.int(1...28), hour: g.int(0...23),
                minute: g.int(0...59), second: g.int(0...59))
            var it = RecurrenceIterator(
                rule: rule, start: start, isDateOnly: g.chance(10),
                limits: RecurrenceLimits(maxInstances: 200, maxIterationsWithoutMatch: 2000))
            var previous: LocalDateTime?
            var n = 0
            while let next = it.next() {
                if !next.isValid || (previous.map { !($0 < next) } ?? false) { failures.append("\(rule.text) from \(start)") }
                previous = next
                n += 1
                if n > 200 { break }
            }
            if n > 200 { failures.append("limit ignored by \(rule.text)") }
        }
        #expect(failures == [])
    }

    @Test func garbageNeverTraps() {
        var g = Generator(state: 1)
        let alphabet = Array("FREQ=DAILYWEEKLYBYSETPOSMONTHDAY;,-+0123456789UNTILZT")
        for _ in 0..<3000 {
            let text = String((0..<g.int(0...60)).map { _ in alphabet[g.int(0...(alphabet.count - 1))] })
            _ = try? RecurrenceRule(parsing: text)
        }
    }
}
