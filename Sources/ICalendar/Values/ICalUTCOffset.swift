/// A UTC-OFFSET value: `+hhmm`, `-hhmm` or `±hhmmss` (RFC 5545 §3.3.14).
public struct ICalUTCOffset: Hashable, Sendable, CustomStringConvertible {
    /// Seconds east of UTC.
    public var seconds: Int

    /// Creates an offset of `seconds` east of UTC.
    public init(seconds: Int) { self.seconds = seconds }

    /// Parses the text form; nil when malformed or beyond ±24 h.
    public init?(parsing text: some StringProtocol) {
        var bytes: [UInt8] = []
        for b in text.utf8 where b != 0x20 && b != 0x09 && b != 0x3A { bytes.append(b) }
        guard bytes.count == 5 || bytes.count == 7, bytes[0] == 0x2B || bytes[0] == 0x2D else { return nil }
        var parts: [Int] = []
        var k = 1
        while k < bytes.count {
            let a = bytes[k], b = bytes[k + 1]
            guard a >= 0x30, a <= 0x39, b >= 0x30, b <= 0x39 else { return nil }
            parts.append(Int(a - 0x30) * 10 + Int(b - 0x30))
            k += 2
        }
        guard parts[0] < 24, parts[1] < 60, parts.count < 3 || parts[2] < 60 else { return nil }
        let magnitude = parts[0] * 3600 + parts[1] * 60 + (parts.count > 2 ? parts[2] : 0)
        self.seconds = bytes[0] == 0x2D ? -magnitude : magnitude
    }

    /// The text form, with seconds only when non-zero (`+0100`, `-0430`, `+005328`).
    public var description: String {
        let magnitude = abs(seconds)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var s = (seconds < 0 ? "-" : "+") + two(magnitude / 3600) + two((magnitude % 3600) / 60)
        if magnitude % 60 != 0 { s += two(magnitude % 60) }
        return s
    }
}
