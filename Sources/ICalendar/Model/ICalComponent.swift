/// A component: VCALENDAR, VEVENT, VTODO, VALARM, VTIMEZONE… (RFC 5545 §3.6).
///
/// A value type: copy, change, and hand back. Unknown components and
/// properties are kept as they came.
public struct ICalComponent: Hashable, Sendable {
    /// Upper-cased component name, e.g. `VEVENT`.
    public var name: String
    /// Properties in their original order.
    public var properties: [ICalProperty]
    /// Sub-components in their original order.
    public var components: [ICalComponent]

    /// Creates a component.
    public init(_ name: String, properties: [ICalProperty] = [], components: [ICalComponent] = []) {
        self.name = name.uppercased()
        self.properties = properties
        self.components = components
    }

    /// Creates a component whose name is already upper-cased (parser fast path).
    init(uncheckedName name: String) {
        self.name = name
        self.properties = []
        self.components = []
    }

    /// The first property called `name`.
    public func property(_ name: String) -> ICalProperty? {
        let upper = name.uppercased()
        return properties.first { $0.name == upper }
    }

    /// Every property called `name`, in order.
    public func properties(named name: String) -> [ICalProperty] {
        let upper = name.uppercased()
        return properties.filter { $0.name == upper }
    }

    /// Every direct sub-component called `name`, in order.
    public func components(named name: String) -> [ICalComponent] {
        let upper = name.uppercased()
        return components.filter { $0.name == upper }
    }

    /// Replaces every property called `property.name` with `property`.
    public mutating func setProperty(_ property: ICalProperty) {
        if let index = properties.firstIndex(where: { $0.name == property.name }) {
            properties[index] = property
            var seen = false
            properties.removeAll { candidate in
                guard candidate.name == property.name else { return false }
                if !seen { seen = true; return false }
                return true
            }
        } else {
            properties.append(property)
        }
    }

    /// Removes every property called `name`.
    public mutating func removeProperties(named name: String) {
        let upper = name.uppercased()
        properties.removeAll { $0.name == upper }
    }

    /// Appends a property.
    public mutating func addProperty(_ property: ICalProperty) {
        properties.append(property)
    }

    /// The raw value of the first property called `name`.
    public subscript(raw name: String) -> String? {
        property(name)?.rawValue
    }
}
