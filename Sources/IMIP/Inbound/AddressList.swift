/// Reads mailboxes from address header fields such as From and To (RFC 5322 §3.4).
enum AddressList {
    /// Every mailbox in a header value; display names RFC 2047-decoded, comments dropped.
    static func parse(_ value: String) -> [MailAddress] {
        var result: [MailAddress] = []
        for item in splitTopLevel(value) {
            if let mailbox = mailbox(item) { result.append(mailbox) }
        }
        return result
    }

    /// Splits at commas outside quotes, comments and angle brackets; a group's
    /// `name:` and `;` are dropped.
    private static func splitTopLevel(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var quoted = false, escaped = false
        var comment = 0, angle = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && (quoted || comment > 0) { current.append(character); escaped = true; continue }
            if character == "\"" && comment == 0 { quoted.toggle() }
            if !quoted {
                if character == "(" { comment += 1 }
                if character == ")" && comment > 0 { comment -= 1 }
                if character == "<" && comment == 0 { angle = true }
                if character == ">" && comment == 0 { angle = false }
                if comment == 0 && !angle {
                    if character == "," || character == ";" { items.append(current); current = ""; continue }
                    if character == ":" { current = ""; continue }  // group display name
                }
            }
            current.append(character)
        }
        items.append(current)
        return items.filter { !$0.trimmingSpaces.isEmpty }
    }

    private static func mailbox(_ item: String) -> MailAddress? {
        if let open = item.lastIndex(of: "<"), let close = item[open...].firstIndex(of: ">") {
            let address = item[item.index(after: open)..<close].trimmingSpaces
            let name = displayName(String(item[..<open]))
            guard !address.isEmpty else { return nil }
            return MailAddress(address, name: name.isEmpty ? nil : name)
        }
        // A bare addr-spec, maybe with a trailing comment: `bob@example.org (Bob)`.
        let withoutComments = stripComments(item).trimmingSpaces
        guard withoutComments.contains("@"), !withoutComments.contains(" ") else { return nil }
        return MailAddress(withoutComments)
    }

    private static func displayName(_ raw: String) -> String {
        var text = stripComments(raw).trimmingSpaces
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 {
            text = String(text.dropFirst().dropLast())
            var unescaped = ""
            var escaped = false
            for character in text {
                if escaped { unescaped.append(character); escaped = false } else if character == "\\" { escaped = true } else { unescaped.append(character) }
            }
            text = unescaped
        }
        return EncodedWord.decode(text).trimmingSpaces
    }

    private static func stripComments(_ text: String) -> String {
        var out = ""
        var depth = 0
        var quoted = false
        for character in text {
            if character == "\"" && depth == 0 { quoted.toggle() }
            if !quoted && character == "(" { depth += 1; continue }
            if !quoted && character == ")" && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(character) }
        }
        return out
    }
}
