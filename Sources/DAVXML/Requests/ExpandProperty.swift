/// One `DAV:property` of an expand-property REPORT, with the properties to fetch from the resources it points at (RFC 3253 §3.8).
public struct ExpandPropertyItem: Hashable, Sendable {
    /// The property to return.
    public var name: PropertyName
    /// If non-empty, the property's hrefs are replaced by responses holding these properties.
    public var children: [ExpandPropertyItem]

    /// Creates an item.
    public init(name: PropertyName, children: [ExpandPropertyItem] = []) {
        self.name = name
        self.children = children
    }

    init(element: XMLElement) throws(DAVXMLError) {
        guard let local = element.attribute("name"), !local.isEmpty else {
            throw .invalidValue(element: element.name, value: "")
        }
        let namespace = element.attribute("namespace") ?? "DAV:"
        self.init(name: PropertyName(namespace: namespace, local: local), children: try ExpandPropertyItem.items(in: element))
    }

    static func items(in element: XMLElement) throws(DAVXMLError) -> [ExpandPropertyItem] {
        var items: [ExpandPropertyItem] = []
        for child in element.children where child.name == .property {
            items.append(try ExpandPropertyItem(element: child))
        }
        return items
    }
}

/// The `DAV:expand-property` REPORT (RFC 3253 §3.8), used by iOS/macOS for proxy discovery.
public struct ExpandProperty: Hashable, Sendable {
    /// The top-level properties.
    public var properties: [ExpandPropertyItem]

    /// Creates a request.
    public init(properties: [ExpandPropertyItem]) {
        self.properties = properties
    }

    /// Parses an expand-property body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> ExpandProperty {
        try ExpandProperty(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `expand-property` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.expandProperty)
        self.init(properties: try ExpandPropertyItem.items(in: element))
    }
}
