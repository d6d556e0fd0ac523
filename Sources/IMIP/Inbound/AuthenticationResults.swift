/// Reads `Authentication-Results` header fields (RFC 8601) to tell whether the
/// From domain was authenticated by our own MTA (DMARC, or aligned DKIM/SPF, RFC 7489 §3.1).
enum AuthenticationResults {
    /// One `method=result` statement with its properties (`header.d` → `example.net`).
    struct Result: Equatable {
        var method: String
        var result: String
        var properties: [String: String]
    }

    /// The results in header fields whose authserv-id is `authservID`; others are ignored,
    /// since only our MTA's own fields can be trusted (RFC 8601 §5).
    static func results(in headers: [(name: String, value: String)], authservID: String) -> [Result] {
        headers.filter { $0.name.lowercased() == "authentication-results" }.flatMap { header -> [Result] in
            let statements = stripComments(header.value).split(separator: ";").map { $0.trimmingSpaces }
            guard let first = statements.first,
                first.split(separator: " ").first.map({ $0.lowercased() == authservID.lowercased() }) == true
            else { return [] }
            return statements.dropFirst().compactMap(parse)
        }
    }

    private static func parse(_ statement: String) -> Result? {
        let words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let head = words.first, let equals = head.firstIndex(of: "=") else { return nil }
        var properties: [String: String] = [:]
        for word in words.dropFirst() {
            guard let sign = word.firstIndex(of: "=") else { continue }
            properties[word[..<sign].lowercased()] = String(word[word.index(after: sign)...]).trimmingCharacters(in: "\"")
        }
        return Result(
            method: head[..<equals].lowercased(), result: head[head.index(after: equals)...].lowercased(), properties: properties)
    }

    /// Whether `fromDomain` passed DMARC, or DKIM or SPF for an aligned domain (relaxed alignment).
    static func authenticates(_ results: [Result], fromDomain: String) -> Bool {
        let from = fromDomain.lowercased()
        func aligned(_ domain: String?) -> Bool {
            guard var domain = domain?.lowercased(), !domain.isEmpty else { return false }
            if let at = domain.lastIndex(of: "@") { domain = String(domain[domain.index(after: at)...]) }
            return from == domain || from.hasSuffix("." + domain) || domain.hasSuffix("." + from)
        }
        return results.contains { result in
            guard result.result == "pass" else { return false }
            switch result.method {
            case "dmarc": return result.properties["header.from"].map(aligned) ?? true
            case "dkim": return aligned(result.properties["header.d"] ?? result.properties["header.i"])
            case "spf": return aligned(result.properties["smtp.mailfrom"])
            default: return false
            }
        }
    }

    private static func stripComments(_ text: String) -> String {
        var out = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1; continue }
            if character == ")" && depth > 0 { depth -= 1; continue }
            if depth == 0 { out.append(character) }
        }
        return out
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
