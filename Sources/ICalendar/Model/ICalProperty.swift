/// A property (content line) of a component (RFC 5545 §3.1).
///
/// The value is kept as the exact text found on the unfolded content line
/// (`rawValue`), so that a value nobody touched serializes byte for byte as it
/// came in. Typed accessors decode on demand (see `ICalProperty+Values.swift`).
public struct ICalProperty: Hashable, Sendable {
    /// Upper-cased property name.
    public var name: String
    /// Parameters in their original order.
    public var parameters: [ICalParameter]
    /// The value exactly as written after unfolding (still escaped for TEXT).
    public var rawValue: String

    /// Creates a property from its raw (already escaped) value text.
    public init(_ name: String, rawValue: String, parameters: [ICalParameter] = []) {
        self.name = name.uppercased()
        self.rawValue = rawValue
        self.parameters = parameters
    }

    /// Creates a property whose name is already upper-cased (parser fast path).
    init(uncheckedName name: String, parameters: [ICalParameter], rawValue: String) {
        self.name = name
        self.parameters = parameters
        self.rawValue = rawValue
    }

    /// The first value of parameter `name`, if present.
    public subscript(parameter name: String) -> String? {
        get {
            let upper = name.uppercased()
            return parameters.first { $0.name == upper }?.values.first
        }
        set {
            let upper = name.uppercased()
            if let newValue {
                if let index = parameters.firstIndex(where: { $0.name == upper }) {
                    parameters[index].values = [newValue]
                } else {
                    parameters.append(ICalParameter(upper, newValue))
                }
            } else {
                parameters.removeAll { $0.name == upper }
            }
        }
    }

    /// All values of parameter `name` (empty when absent).
    public func parameterValues(_ name: String) -> [String] {
        let upper = name.uppercased()
        return parameters.first { $0.name == upper }?.values ?? []
    }

    /// Whether parameter `name` is present.
    public func hasParameter(_ name: String) -> Bool {
        let upper = name.uppercased()
        return parameters.contains { $0.name == upper }
    }
}
