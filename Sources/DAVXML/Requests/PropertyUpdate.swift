/// One instruction of a PROPPATCH, MKCALENDAR or extended MKCOL (RFC 4918 §14.23, §14.26).
public enum PropertyOperation: Hashable, Sendable {
    /// Set the property; the element is the property itself (its name, attributes, children, text).
    case set(XMLElement)
    /// Remove the property.
    case remove(PropertyName)

    /// The property this operation touches.
    public var name: PropertyName {
        switch self {
        case .set(let element): return element.name
        case .remove(let name): return name
        }
    }
}

/// The body of PROPPATCH: set and remove instructions in document order (RFC 4918 §9.2, §14.19).
public struct PropertyUpdate: Hashable, Sendable {
    /// The instructions, in the order the client wrote them (they apply in that order).
    public var operations: [PropertyOperation]

    /// Creates an update.
    public init(operations: [PropertyOperation]) {
        self.operations = operations
    }

    /// Parses a PROPPATCH body (`DAV:propertyupdate`).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> PropertyUpdate {
        let root = try XMLElement.parse(bytes, limits: limits)
        try root.expect(.propertyUpdate)
        return PropertyUpdate(operations: operations(in: root))
    }

    /// The set/remove instructions among the children of `element`.
    static func operations(in element: XMLElement) -> [PropertyOperation] {
        var operations: [PropertyOperation] = []
        for child in element.children where child.name.namespace == .dav {
            guard let prop = child.child(.prop) else { continue }
            if child.name.local == "set" {
                for property in prop.children { operations.append(.set(property)) }
            } else if child.name.local == "remove" {
                for property in prop.children { operations.append(.remove(property.name)) }
            }
        }
        return operations
    }
}
