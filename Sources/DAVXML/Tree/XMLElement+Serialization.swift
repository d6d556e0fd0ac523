extension XMLElement {
    /// The element's content (text and children) as standalone XML: every namespace is declared where first used,
    /// so the text can be stored as a dead property value and parsed back alone (sabre's valuetype 2 idea).
    public var innerXML: String {
        var writer = XMLWriter(capacity: 128, fragment: true)
        writer.text(text)
        for child in children { writer.write(child) }
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The whole element as standalone XML (namespaces declared inside).
    public var outerXML: String {
        var writer = XMLWriter(capacity: 128, fragment: true)
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Rebuilds a property element from its name and stored inner XML (the inverse of `innerXML`).
    ///
    /// The common prefixes (`d`, `cal`, `cs`, `ical` and the `D`, `C`, `CS`, `A` clients use) are
    /// pre-declared so text stored by other servers without declarations still parses.
    public static func parse(name: PropertyName, innerXML: String, limits: XMLLimits = .default) throws(DAVXMLError) -> XMLElement {
        var document = "<almanac-value xmlns:d=\"DAV:\" xmlns:D=\"DAV:\""
        document += " xmlns:cal=\"urn:ietf:params:xml:ns:caldav\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\""
        document += " xmlns:cs=\"http://calendarserver.org/ns/\" xmlns:CS=\"http://calendarserver.org/ns/\""
        document += " xmlns:ical=\"http://apple.com/ns/ical/\" xmlns:A=\"http://apple.com/ns/ical/\">"
        document += innerXML
        document += "</almanac-value>"
        var wrapper = try XMLElement.parse(Array(document.utf8), limits: limits)
        wrapper.name = name
        return wrapper
    }
}
