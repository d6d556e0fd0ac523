/// Comparing components by meaning rather than by bytes (RFC 5545 §3.6: order carries no meaning).
extension ICalComponent {
    /// Properties whose values change on every write and carry no meaning for comparison.
    public static let volatileProperties: Set<String> = ["DTSTAMP", "PRODID"]

    /// A canonical copy: `ignoring` properties removed, parameters and their
    /// values sorted, properties and sub-components in a fixed order, names
    /// of enumerated values left as written. Two components mean the same
    /// when their canonical copies are equal.
    public func canonicalized(ignoring: Set<String> = ICalComponent.volatileProperties) -> ICalComponent {
        var copy = ICalComponent(uncheckedName: name)
        copy.properties = properties.compactMap { property -> ICalProperty? in
            if ignoring.contains(property.name) { return nil }
            var p = property
            p.parameters = p.parameters.map { ICalParameter(uncheckedName: $0.name, values: $0.values.sorted()) }
                .sorted { ($0.name, $0.values.joined(separator: ",")) < ($1.name, $1.values.joined(separator: ",")) }
            return p
        }
        .sorted { Self.sortKey($0) < Self.sortKey($1) }
        let children = components.map { $0.canonicalized(ignoring: ignoring) }
        copy.components = children.map { ($0.serialized(), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        return copy
    }

    /// Whether two components mean the same, ignoring order and `ignoring` properties.
    public func isEquivalent(to other: ICalComponent, ignoring: Set<String> = ICalComponent.volatileProperties) -> Bool {
        canonicalized(ignoring: ignoring) == other.canonicalized(ignoring: ignoring)
    }

    private static func sortKey(_ property: ICalProperty) -> String {
        var serializer = ICalSerializer()
        serializer.write(property)
        return String(decoding: serializer.bytes, as: UTF8.self)
    }
}
