/// A parsed XML element: the generic tree under typed request bodies and the value of dead properties (RFC 4918 §4.3).
///
/// Text directly inside the element is concatenated into `text`; for elements with
/// children, whitespace-only text is dropped and the order of text between children is not
/// kept (WebDAV property values do not use mixed content).
public struct XMLElement: Hashable, Sendable {
    /// The expanded name.
    public var name: PropertyName
    /// Attributes by name as written (`name`, `collation`, or `prefix:local` for qualified ones); no `xmlns` declarations.
    public var attributes: [String: String]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// Character data directly inside this element.
    public var text: String

    /// Creates an element.
    public init(_ name: PropertyName, attributes: [String: String] = [:], children: [XMLElement] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child with this name.
    @inlinable
    public func child(_ name: PropertyName) -> XMLElement? {
        for child in children where child.name == name { return child }
        return nil
    }

    /// All children with this name.
    @inlinable
    public func children(_ name: PropertyName) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// Whether a child with this name exists.
    @inlinable
    public func has(_ name: PropertyName) -> Bool {
        child(name) != nil
    }

    /// The names of the children, e.g. the property names inside `DAV:prop`.
    public var childNames: [PropertyName] { children.map(\.name) }

    /// The text with leading and trailing XML whitespace removed.
    public var trimmedText: String { text.trimmingXMLWhitespace() }

    /// An attribute value.
    @inlinable
    public func attribute(_ name: String) -> String? { attributes[name] }
}

extension String {
    /// The string without leading/trailing space, tab, CR, LF.
    func trimmingXMLWhitespace() -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start].isXMLWhitespace { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)].isXMLWhitespace { end = utf8.index(before: end) }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
        return String(self[start..<end])
    }

    /// Whether every character is XML whitespace.
    var isXMLWhitespace: Bool { utf8.allSatisfy(\.isXMLWhitespace) }
}

extension UInt8 {
    /// Space, tab, CR or LF.
    @inlinable
    var isXMLWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
