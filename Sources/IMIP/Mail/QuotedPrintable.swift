/// Quoted-printable transfer encoding (RFC 2045 §6.7).
enum QuotedPrintable {
    /// Encodes text with CRLF line breaks; encoded lines are at most 76 characters.
    ///
    /// A leading `.` and a leading `From ` are encoded too, so neither SMTP
    /// dot-stuffing nor mbox quoting can alter the part.
    static func encode(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            out.append(contentsOf: encodeLine(Array(line.utf8)))
        }
        return out.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var current = ""
        for index in bytes.indices {
            let isLast = index == bytes.count - 1
            var token = self.token(bytes, index, atLineStart: current.isEmpty, isLast: isLast)
            // Leave room for the soft break "=" unless this is the line's last token.
            if current.count + token.count > (isLast ? 76 : 75) {
                lines.append(current + "=")
                current = ""
                token = self.token(bytes, index, atLineStart: true, isLast: isLast)
            }
            current += token
        }
        lines.append(current)
        return lines
    }

    private static func token(_ bytes: [UInt8], _ index: Int, atLineStart: Bool, isLast: Bool) -> String {
        let byte = bytes[index]
        if atLineStart && (byte == 0x2E || (byte == 0x46 && bytes[index...].starts(with: Array("From ".utf8)))) {
            return hex(byte)
        }
        switch byte {
        case 0x21...0x3C, 0x3E...0x7E: return String(UnicodeScalar(byte))
        case 0x20, 0x09: return isLast ? hex(byte) : String(UnicodeScalar(byte))
        default: return hex(byte)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }

    /// Decodes quoted-printable bytes; soft line breaks vanish, bad escapes stay literal.
    static func decode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x3D {  // "="
                // Soft break: "=" followed by optional white space and a line break.
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j < bytes.count, bytes[j] == 0x0D || bytes[j] == 0x0A {
                    if bytes[j] == 0x0D, j + 1 < bytes.count, bytes[j + 1] == 0x0A { j += 1 }
                    i = j + 1
                    continue
                }
                if j == bytes.count { i = j; continue }
                if i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
