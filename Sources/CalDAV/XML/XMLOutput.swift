import DAVXML

/// Writes XML for responses (XML 1.0): common namespaces declared once on the root, others per element.
///
/// TEMPORARY until DAVXML's writers are merged; only this folder knows the output syntax.
struct XMLOutput {
    private(set) var text = ""

    /// The UTF-8 bytes written so far.
    var bytes: [UInt8] { Array(text.utf8) }

    mutating func raw(_ string: String) { text += string }

    /// An opening tag; the root declares `d`, `cal`, `cs`, `ical`.
    mutating func open(_ name: PropertyName, declaringCommon: Bool = false) {
        text += "<" + qualified(name)
        if declaringCommon {
            for namespace in DAVNamespace.common { text += " xmlns:\(namespace.prefix!)=\"\(namespace.uri)\"" }
        } else if name.namespace.prefix == nil {
            text += namespaceDeclaration(name)
        }
        text += ">"
    }

    mutating func close(_ name: PropertyName) { text += "</" + qualified(name) + ">" }

    /// A whole element with attributes, children and text.
    mutating func element(_ element: XMLElement) {
        text += "<" + qualified(element.name)
        if element.name.namespace.prefix == nil { text += namespaceDeclaration(element.name) }
        for key in element.attributes.keys.sorted() {
            text += " \(key)=\"\(XMLText.escape(element.attributes[key] ?? ""))\""
        }
        if element.children.isEmpty && element.text.isEmpty {
            text += "/>"
            return
        }
        text += ">"
        text += XMLText.escape(element.text)
        for child in element.children { self.element(child) }
        text += "</" + qualified(element.name) + ">"
    }

    private func qualified(_ name: PropertyName) -> String {
        if let prefix = name.namespace.prefix { return prefix + ":" + name.local }
        return name.namespace.uri.isEmpty ? name.local : "x:" + name.local
    }

    private func namespaceDeclaration(_ name: PropertyName) -> String {
        name.namespace.uri.isEmpty ? "" : " xmlns:x=\"\(XMLText.escape(name.namespace.uri))\""
    }

    /// `HTTP/1.1 200 OK`.
    static func statusLine(_ status: Int) -> String {
        let reasons: [Int: String] = [
            200: "OK", 201: "Created", 204: "No Content", 403: "Forbidden", 404: "Not Found", 409: "Conflict",
            412: "Precondition Failed", 422: "Unprocessable Entity", 424: "Failed Dependency",
            507: "Insufficient Storage", 400: "Bad Request", 500: "Internal Server Error",
        ]
        return "HTTP/1.1 \(status) \(reasons[status] ?? "Status")"
    }

    /// Inner XML of an element (its text and children), each child declaring the namespaces it uses.
    ///
    /// The form of `propertystorage` valuetype 2: self-contained, so it reads back without context.
    static func innerXML(_ element: XMLElement) -> String {
        var out = XMLText.escape(element.text)
        for child in element.children { out += standalone(child) }
        return out
    }

    private static func standalone(_ element: XMLElement) -> String {
        var out = "<"
        let uri = element.name.namespace.uri
        out += uri.isEmpty ? element.name.local : "x:" + element.name.local + " xmlns:x=\"\(XMLText.escape(uri))\""
        for key in element.attributes.keys.sorted() {
            out += " \(key)=\"\(XMLText.escape(element.attributes[key] ?? ""))\""
        }
        if element.children.isEmpty && element.text.isEmpty { return out + "/>" }
        out += ">" + XMLText.escape(element.text)
        for child in element.children { out += standalone(child) }
        return out + "</" + (uri.isEmpty ? element.name.local : "x:" + element.name.local) + ">"
    }
}
