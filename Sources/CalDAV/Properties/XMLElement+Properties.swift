import DAVXML

extension XMLElement {
    /// `<name><d:href>…</d:href>…</name>`.
    static func hrefs(_ name: PropertyName, _ hrefs: [String]) -> XMLElement {
        XMLElement(name, children: hrefs.map { XMLElement(.href, text: $0) })
    }

    /// `<name>text</name>`.
    static func text(_ name: PropertyName, _ text: String) -> XMLElement {
        XMLElement(name, text: text)
    }
}
