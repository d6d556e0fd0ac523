/// The `auth-param` list of a Digest Authorization header (RFC 7616 §3.4).
enum DigestCredentials {
    /// Parameters by lower-cased name; quoted values unquoted (`\x` → `x`).
    static func parse(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        func skip(_ set: Set<Character>) {
            while index < text.endIndex, set.contains(text[index]) { index = text.index(after: index) }
        }
        while index < text.endIndex {
            skip([" ", ",", "\t"])
            let nameStart = index
            while index < text.endIndex, text[index] != "=", text[index] != "," { index = text.index(after: index) }
            let name = text[nameStart..<index].trimmingSpaces().lowercased()
            guard index < text.endIndex, text[index] == "=" else { continue }
            index = text.index(after: index)
            skip([" "])
            var value = ""
            if index < text.endIndex, text[index] == "\"" {
                index = text.index(after: index)
                while index < text.endIndex, text[index] != "\"" {
                    if text[index] == "\\" { index = text.index(after: index) }
                    if index < text.endIndex {
                        value.append(text[index])
                        index = text.index(after: index)
                    }
                }
                if index < text.endIndex { index = text.index(after: index) }
            } else {
                let start = index
                while index < text.endIndex, text[index] != "," { index = text.index(after: index) }
                value = String(text[start..<index]).trimmingSpaces()
            }
            if !name.isEmpty { result[name] = value }
        }
        return result
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
