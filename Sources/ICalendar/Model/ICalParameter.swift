/// One parameter of a content line, e.g. `PARTSTAT=ACCEPTED` or `MEMBER="a","b"` (RFC 5545 §3.2).
public struct ICalParameter: Hashable, Sendable {
    /// Upper-cased parameter name (names are case-insensitive, RFC 5545 §2).
    public var name: String
    /// Values with surrounding quotes removed; a list parameter has several.
    public var values: [String]

    /// Creates a parameter; the name is upper-cased.
    public init(_ name: String, _ values: [String]) {
        self.name = name.uppercased()
        self.values = values
    }

    /// Creates a parameter whose name is already upper-cased (parser fast path).
    init(uncheckedName name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    /// Creates a single-valued parameter.
    public init(_ name: String, _ value: String) {
        self.init(name, [value])
    }

    /// The first value, or the empty string.
    public var value: String { values.first ?? "" }
}
