/// TEXT value escaping: `\\` `\;` `\,` `\n` (RFC 5545 §3.3.11).
public enum ICalText {
    /// Escapes text for a TEXT value; CRLF and CR become `\n`.
    public static func escape(_ text: String) -> String {
        var needs = false
        for b in text.utf8 where b == 0x5C || b == 0x3B || b == 0x2C || b == 0x0A || b == 0x0D {
            needs = true
            break
        }
        guard needs else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for b in text.utf8 {
            switch b {
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x3B: out.append(0x5C); out.append(0x3B)
            case 0x2C: out.append(0x5C); out.append(0x2C)
            case 0x0D: out.append(0x5C); out.append(0x6E)
            case 0x0A: if !previousCR { out.append(0x5C); out.append(0x6E) }
            default: out.append(b)
            }
            previousCR = b == 0x0D
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes TEXT escaping; an unknown escape keeps its backslash.
    public static func unescape(_ raw: some StringProtocol) -> String {
        var needs = false
        for b in raw.utf8 where b == 0x5C {
            needs = true
            break
        }
        guard needs else { return String(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.utf8.count)
        var escaping = false
        for b in raw.utf8 {
            if escaping {
                switch b {
                case 0x6E, 0x4E: out.append(0x0A)
                case 0x5C, 0x3B, 0x2C: out.append(b)
                default: out.append(0x5C); out.append(b)
                }
                escaping = false
            } else if b == 0x5C {
                escaping = true
            } else {
                out.append(b)
            }
        }
        if escaping { out.append(0x5C) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a raw multi-valued TEXT at unescaped commas and unescapes each (e.g. CATEGORIES).
    public static func splitList(_ raw: some StringProtocol) -> [String] {
        var pieces: [String] = []
        var current: [UInt8] = []
        var escaping = false
        for b in raw.utf8 {
            if escaping {
                current.append(b)
                escaping = false
            } else if b == 0x5C {
                current.append(b)
                escaping = true
            } else if b == 0x2C {
                pieces.append(unescape(String(decoding: current, as: UTF8.self)))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b)
            }
        }
        pieces.append(unescape(String(decoding: current, as: UTF8.self)))
        return pieces
    }
}
