/// The WebDAV `If` request header (RFC 4918 §10.4): lists of state-token and entity-tag
/// conditions, untagged (about the request URI) or tagged with the resource they are about.
///
/// The header is true when any list is true; a list is true when all its conditions are.
struct IfHeader: Equatable {
    /// One condition: a state token (`<opaquelocktoken:…>`) or an entity tag (`["…"]`), maybe negated.
    struct Condition: Equatable {
        enum Kind: Equatable {
            /// A Coded-URL: a lock token URI such as `opaquelocktoken:…` or `DAV:no-lock`.
            case stateToken(String)
            /// An entity tag as sent, quotes included (`"abc"`, `W/"abc"`).
            case entityTag(String)
        }
        var negated: Bool
        var kind: Kind
    }

    /// One parenthesised list, with the resource tag it follows (nil for an untagged list).
    struct List: Equatable {
        var resource: String?
        var conditions: [Condition]
    }

    var lists: [List]

    /// Every state token in the header: RFC 4918 §10.4.1 counts all of them as submitted, negated or not.
    var stateTokens: [String] {
        lists.flatMap(\.conditions).compactMap {
            if case .stateToken(let token) = $0.kind { return token }
            return nil
        }
    }

    /// Parses the header; nil when it is malformed (the request then gets 400).
    init?(_ text: String) {
        var lists: [List] = []
        var scanner = Substring(text)
        var currentTag: String? = nil
        var sawUntagged = false
        func skipSpace() {
            while let first = scanner.first, first == " " || first == "\t" || first == "\r" || first == "\n" {
                scanner.removeFirst()
            }
        }
        func readUntil(_ end: Character) -> String? {
            guard let close = scanner.firstIndex(of: end) else { return nil }
            let value = String(scanner[..<close])
            scanner = scanner[scanner.index(after: close)...]
            return value
        }
        skipSpace()
        while !scanner.isEmpty {
            if scanner.first == "<" {
                // A resource tag; lists after it are about that resource. Mixing tagged and untagged is invalid.
                if sawUntagged { return nil }
                scanner.removeFirst()
                guard let tag = readUntil(">"), !tag.isEmpty else { return nil }
                currentTag = tag
                skipSpace()
                guard scanner.first == "(" else { return nil }
                continue
            }
            guard scanner.first == "(" else { return nil }
            if currentTag == nil { sawUntagged = true }
            scanner.removeFirst()
            var conditions: [Condition] = []
            while true {
                skipSpace()
                guard let first = scanner.first else { return nil }
                if first == ")" {
                    scanner.removeFirst()
                    break
                }
                var negated = false
                if scanner.lowercased().hasPrefix("not") {
                    negated = true
                    scanner = scanner.dropFirst(3)
                    skipSpace()
                }
                switch scanner.first {
                case "<":
                    scanner.removeFirst()
                    guard let token = readUntil(">"), !token.isEmpty else { return nil }
                    conditions.append(Condition(negated: negated, kind: .stateToken(token)))
                case "[":
                    scanner.removeFirst()
                    guard let tag = readUntil("]"), !tag.isEmpty else { return nil }
                    conditions.append(Condition(negated: negated, kind: .entityTag(tag.trimmingSpaces())))
                default:
                    return nil
                }
            }
            guard !conditions.isEmpty else { return nil }
            lists.append(List(resource: currentTag, conditions: conditions))
            skipSpace()
        }
        guard !lists.isEmpty else { return nil }
        self.lists = lists
    }

    /// Whether two entity tags name the same entity, ignoring weakness (RFC 7232 §2.3.2 weak comparison).
    static func sameEntityTag(_ a: String, _ b: String) -> Bool {
        func strip(_ tag: String) -> String {
            var text = Substring(tag)
            if text.hasPrefix("W/") { text = text.dropFirst(2) }
            if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 { text = text.dropFirst().dropLast() }
            return String(text)
        }
        return strip(a) == strip(b)
    }
}
