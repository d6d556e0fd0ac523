/// Builds the answer to the `DAV:principal-search-property-set` REPORT (RFC 3744 §9.5).
public enum PrincipalSearchPropertySetWriter {
    /// One `DAV:principal-search-property` per searchable property, with an English description.
    public static func body(_ properties: [(name: PropertyName, description: String)]) -> [UInt8] {
        var writer = XMLWriter(capacity: 256 + properties.count * 160)
        writer.startDocument(root: .principalSearchPropertySet)
        for property in properties {
            writer.open(.principalSearchProperty)
            writer.open(.prop)
            writer.empty(property.name)
            writer.close(.prop)
            writer.write(XMLElement(.description, attributes: ["xml:lang": "en"], text: property.description))
            writer.close(.principalSearchProperty)
        }
        writer.endDocument(root: .principalSearchPropertySet)
        writer.append("\n")
        return writer.bytes
    }
}
