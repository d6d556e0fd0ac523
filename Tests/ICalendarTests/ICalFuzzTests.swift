import Testing

@testable import ICalendar

/// SplitMix64: a tiny seeded generator so fuzz runs are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Never crash on any bytes; whatever parses re-serializes to something that parses to the same tree.
struct ICalFuzzTests {
    /// Bytes that matter to the grammar, plus UTF-8 fragments, weighted toward structure.
    static let alphabet: [[UInt8]] = [
        Array("BEGIN:".utf8), Array("END:".utf8), Array("VCALENDAR".utf8), Array("VEVENT".utf8),
        Array("\r\n".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n ".utf8), Array(" ".utf8), Array("\t".utf8),
        Array(";".utf8), Array(":".utf8), Array(",".utf8), Array("=".utf8), Array("\"".utf8), Array("^".utf8),
        Array("^n".utf8), Array("\\".utf8), Array("X-A".utf8), Array("TZID".utf8), Array("a".utf8), Array("0".utf8),
        [0xC3], [0xBC], [0xF0, 0x9F], [0x98, 0x80], [0xFF], [0x00], [0xEF, 0xBB, 0xBF],
    ]

    static func checkRoundTrip(_ bytes: [UInt8]) {
        guard let parsed = try? ICalComponent.parse(bytes) else { return }
        let written = parsed.serializedBytes()
        let again: ICalComponent
        do {
            again = try ICalComponent.parse(written)
        } catch {
            Issue.record("re-parse failed: \(error) for input \(bytes)")
            return
        }
        #expect(again == parsed, "input \(bytes)")
        #expect(again.serializedBytes() == written)
    }

    @Test func randomTokenSoupNeverCrashes() {
        var rng = SeededGenerator(seed: 0xA1_3A_4C)
        var accepted = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            if Bool.random(using: &rng) { bytes += Array("BEGIN:VCALENDAR\r\n".utf8) }
            for _ in 0..<Int.random(in: 0..<60, using: &rng) {
                bytes += Self.alphabet.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) { bytes += Array("\r\nEND:VCALENDAR\r\n".utf8) }
            if (try? ICalComponent.parse(bytes)) != nil { accepted += 1 }
            Self.checkRoundTrip(bytes)
        }
        #expect(accepted > 10)  // the generator does reach the accepting paths
    }

    @Test func randomBytesNeverCrash() {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            Self.checkRoundTrip(bytes)
        }
    }

    @Test(arguments: FixtureLoader.clientFiles) func mutatedClientObjectsNeverCrash(name: String) {
        var rng = SeededGenerator(seed: UInt64(name.utf8.count) &* 7919)
        let original = FixtureLoader.bytes(name)
        var accepted = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !bytes.isEmpty else { break }
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.insert(contentsOf: Self.alphabet.randomElement(using: &rng)!, at: at)
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
                case 3: bytes.insert(contentsOf: [0x0D, 0x0A, 0x20], at: at)  // a fold anywhere, even inside UTF-8
                case 4:
                    let end = min(bytes.count, at + Int.random(in: 1...80, using: &rng))
                    bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0..<bytes.count, using: &rng))
                default: bytes.removeSubrange(at..<bytes.count)
                }
            }
            if (try? ICalComponent.parse(bytes)) != nil { accepted += 1 }
            Self.checkRoundTrip(bytes)
        }
        #expect(accepted > 0)
    }

    @Test func valueAccessorsNeverCrashOnGarbage() {
        var rng = SeededGenerator(seed: 7)
        let pieces = ["2026", "01", "T", "Z", "P", "W", "D", "H", "M", "S", "-", "+", "/", ",", "1", "99", "\\", "n", ";"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let property = ICalProperty("X", rawValue: text, parameters: [ICalParameter("TZID", "Europe/Berlin")])
            _ = property.dateTimeValue
            _ = property.dateTimeValues
            _ = property.periodValues
            _ = property.utcOffsetValue
            _ = property.integerValue
            if let duration = property.durationValue {
                #expect(ICalDuration(parsing: duration.description)?.seconds == duration.seconds)
            }
            #expect(ICalText.unescape(ICalText.escape(text)) == text)
        }
    }
}
