import Foundation

/// RFC 2047 encoded-words for non-ASCII text in headers, both directions.
enum EncodedWord {
    /// Bytes of UTF-8 per encoded-word: 45 bytes → 60 base64 characters, so
    /// `=?UTF-8?B?…?=` stays within the 75-character limit (RFC 2047 §2).
    static let bytesPerWord = 45

    /// A display name as a phrase: an atom run, a quoted-string, or encoded-words (RFC 5322 §3.2.5).
    static func phrase(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let specials = "()<>[]:;@\\,.\""
            if text.unicodeScalars.contains(where: { specials.unicodeScalars.contains($0) }) || text.contains("=?") {
                let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                return "\"\(escaped)\""
            }
            return text
        }
        return encodedWords(text).joined(separator: " ")
    }

    /// Unstructured text (Subject): as-is when plain ASCII, else encoded-words (RFC 2047 §5 (1)).
    static func unstructured(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) && !text.contains("=?") {
            return text
        }
        return encodedWords(text).joined(separator: " ")
    }

    /// `=?UTF-8?B?…?=` words, each whole characters only, each at most 75 characters.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > bytesPerWord, !chunk.isEmpty {
                words.append(word(chunk))
                chunk = []
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Decodes every encoded-word in a header value; white space between two
    /// adjacent encoded-words is dropped (RFC 2047 §6.2).
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var result = ""
        var pendingSpace = ""
        var lastWasWord = false
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let (decoded, length) = decodeWord(rest) {
                if !lastWasWord { result += pendingSpace }
                pendingSpace = ""
                result += decoded
                rest = rest.dropFirst(length)
                lastWasWord = true
                continue
            }
            let c = rest.first!
            if c.isWhitespace {
                pendingSpace.append(c == "\t" || c == " " ? c : " ")
            } else {
                result += pendingSpace
                pendingSpace = ""
                result.append(c)
                lastWasWord = false
            }
            rest = rest.dropFirst()
        }
        return result + pendingSpace
    }

    /// One `=?charset?enc?text?=` at the start of `text`: its decoded text and length.
    private static func decodeWord(_ text: Substring) -> (String, Int)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("="), !parts[2].contains(" ") else { return nil }
        var charset = parts[0].lowercased()
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }  // RFC 2231 §5 language
        let encoding = parts[1].uppercased()
        let payload = String(parts[2])
        let bytes: [UInt8]
        switch encoding {
        case "B":
            var padded = payload
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded) else { return nil }
            bytes = Array(data)
        case "Q":
            bytes = QuotedPrintable.decode(Array(payload.replacingOccurrences(of: "_", with: " ").utf8))
        default:
            return nil
        }
        let length = 2 + parts[0].count + 1 + parts[1].count + 1 + parts[2].count + 2
        return (Charset.decode(bytes, charset: charset), length)
    }
}
