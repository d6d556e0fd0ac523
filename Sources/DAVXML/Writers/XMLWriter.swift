/// A fast append-only XML byte builder with escaping and namespace prefixes; the base of every writer here.
///
/// In document mode the four common namespaces are declared once on the root with fixed
/// prefixes; other namespaces are declared on the element that first uses them (`x1`, `x2`…).
/// In fragment mode (dead property values) every namespace is declared where first used, so
/// the text stands alone.
struct XMLWriter {
    private(set) var bytes: [UInt8]
    private let commonDeclared: Bool
    private var depth = 0
    private var scopes: [(uri: String, prefix: String, depth: Int)] = []
    private var counter = 0

    /// A writer whose root element will declare the common namespaces.
    init(capacity: Int = 2048, fragment: Bool = false) {
        bytes = []
        bytes.reserveCapacity(capacity)
        commonDeclared = !fragment
    }

    /// Starts a document: XML declaration and the root element with the common namespace declarations.
    mutating func startDocument(root: PropertyName) {
        append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<")
        append(root.namespace.prefix ?? "d")
        append(":")
        append(root.local)
        for namespace in DAVNamespace.common {
            append(" xmlns:")
            append(namespace.prefix ?? "")
            append("=\"")
            append(namespace.uri)
            append("\"")
        }
        append(">")
        depth = 1
    }

    /// Ends the document started with `startDocument`.
    mutating func endDocument(root: PropertyName) {
        close(root)
    }

    @inline(__always)
    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text with `&`, `<`, `>`, `"` and CR escaped and other C0 controls replaced by U+FFFD (safe in attributes too).
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { buffer in
            var specials = 0
            for byte in buffer where byte.needsEscape { specials += 1 }
            if specials == 0 {
                bytes.append(contentsOf: buffer)
                return
            }
            // One write of the escaped form: many small appends cost more than the copy.
            let escaped = [UInt8](unsafeUninitializedCapacity: buffer.count + specials * 5) { output, count in
                var cursor = 0
                for byte in buffer {
                    guard byte.needsEscape else {
                        output[cursor] = byte
                        cursor += 1
                        continue
                    }
                    let replacement: StaticString
                    switch byte {
                    case UInt8(ascii: "&"): replacement = "&amp;"
                    case UInt8(ascii: "<"): replacement = "&lt;"
                    case UInt8(ascii: ">"): replacement = "&gt;"
                    case UInt8(ascii: "\""): replacement = "&quot;"
                    case UInt8(ascii: "\r"): replacement = "&#13;"
                    default: replacement = "\u{FFFD}"  // a control character XML 1.0 cannot carry
                    }
                    replacement.withUTF8Buffer { entity in
                        for entityByte in entity {
                            output[cursor] = entityByte
                            cursor += 1
                        }
                    }
                }
                count = cursor
            }
            bytes.append(contentsOf: escaped)
        }
    }

    /// Writes the qualified name, declaring its namespace here if needed; returns nothing, leaves the tag open.
    private mutating func name(_ name: PropertyName) {
        if commonDeclared, let prefix = name.namespace.qualifyingPrefix {
            append(prefix)
            append(name.local)
            return
        }
        let uri = name.namespace.uri
        if uri.isEmpty {
            append(name.local)
            return
        }
        if let scope = scopes.last(where: { $0.uri == uri }) {
            append(scope.prefix)
            append(":")
            append(name.local)
            return
        }
        let prefix: String
        if let known = name.namespace.prefix, !scopes.contains(where: { $0.prefix == known }) {
            prefix = known
        } else {
            counter += 1
            prefix = "x\(counter)"
        }
        scopes.append((uri, prefix, depth))
        append(prefix)
        append(":")
        append(name.local)
        append(" xmlns:")
        append(prefix)
        append("=\"")
        text(uri)
        append("\"")
    }

    /// `<name attr="value">`.
    mutating func open(_ element: PropertyName, attributes: [String: String] = [:]) {
        append("<")
        name(element)
        self.attributes(attributes)
        append(">")
        depth += 1
    }

    /// `</name>`, dropping namespace declarations made inside.
    mutating func close(_ element: PropertyName) {
        depth -= 1
        append("</")
        writeClosingName(element)
        append(">")
        while let last = scopes.last, last.depth >= depth { scopes.removeLast() }
    }

    /// `<name attr="value"/>`.
    mutating func empty(_ element: PropertyName, attributes: [String: String] = [:]) {
        append("<")
        name(element)
        self.attributes(attributes)
        append("/>")
        while let last = scopes.last, last.depth >= depth { scopes.removeLast() }
    }

    /// `<name>text</name>`, or `<name/>` for empty text.
    mutating func element(_ element: PropertyName, text value: String) {
        if value.isEmpty {
            empty(element)
            return
        }
        open(element)
        text(value)
        close(element)
    }

    private mutating func writeClosingName(_ name: PropertyName) {
        if commonDeclared, let prefix = name.namespace.qualifyingPrefix {
            append(prefix)
        } else if !name.namespace.uri.isEmpty, let scope = scopes.last(where: { $0.uri == name.namespace.uri }) {
            append(scope.prefix)
            append(":")
        }
        append(name.local)
    }

    private mutating func attributes(_ attributes: [String: String]) {
        guard !attributes.isEmpty else { return }
        if attributes.count == 1, let (key, value) = attributes.first {
            attribute(key, value)
            return
        }
        for key in attributes.keys.sorted() { attribute(key, attributes[key] ?? "") }
    }

    private mutating func attribute(_ key: String, _ value: String) {
        // Qualified attributes other than xml:* would need their prefix declared; we do not keep their URI.
        guard !key.contains(":") || key.hasPrefix("xml:") else { return }
        append(" ")
        append(key)
        append("=\"")
        text(value)
        append("\"")
    }

    /// Writes a parsed element and everything below it.
    mutating func write(_ element: XMLElement) {
        if element.children.isEmpty && element.text.isEmpty {
            empty(element.name, attributes: element.attributes)
            return
        }
        open(element.name, attributes: element.attributes)
        text(element.text)
        for child in element.children { write(child) }
        close(element.name)
    }

    /// `<d:href>…</d:href>`.
    mutating func href(_ value: String) {
        append("<")
        name(.href)
        append(">")
        text(value)
        append("</")
        writeClosingName(.href)
        append(">")
    }

    /// `<d:status>HTTP/1.1 404 Not Found</d:status>`.
    mutating func status(_ code: Int) {
        open(.status)
        append("HTTP/1.1 ")
        append(HTTPStatus.line(code))
        close(.status)
    }
}

extension UInt8 {
    /// `&`, `<`, `>`, `"`, CR or another control character except tab and LF: bytes `XMLWriter.text` replaces.
    @inline(__always)
    fileprivate var needsEscape: Bool {
        // One bit per byte below 64: C0 controls but tab and LF, `"` (0x22), `&` (0x26), `<` (0x3C), `>` (0x3E).
        let mask: UInt64 = 0x5000_0044_FFFF_F9FF
        return self < 64 && (mask >> UInt64(self)) & 1 == 1
    }
}

extension DAVNamespace {
    /// `d:`, `cal:`, `cs:`, `ical:` for the common namespaces.
    @inline(__always)
    fileprivate var qualifyingPrefix: StaticString? {
        switch self {
        case .dav: return "d:"
        case .calDAV: return "cal:"
        case .calendarServer: return "cs:"
        case .appleICal: return "ical:"
        case .other: return nil
        }
    }
}
