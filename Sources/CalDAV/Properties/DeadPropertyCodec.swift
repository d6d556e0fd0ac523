import DAVXML
import Storage

/// Dead properties to and from `propertystorage` rows, in sabre's three value types.
///
/// 1 = plain string (the element's text), 2 = inner XML with namespace
/// declarations repeated on every element, 3 = PHP `serialize()` of a sabre
/// property object, of which we read the small subset sabre writes.
enum DeadPropertyCodec {
    /// The property element a row stands for; nil when the name is not Clark notation.
    static func element(_ row: DeadProperty) -> XMLElement? {
        guard let name = PropertyName(clark: row.name) else { return nil }
        let text = String(decoding: row.value, as: UTF8.self)
        switch row.valueType {
        case 2:
            guard let parsed = try? XMLElement.parse(name: name, innerXML: text) else {
                return XMLElement(name, text: text)
            }
            return XMLElement(name, children: parsed.children, text: parsed.children.isEmpty ? parsed.text : "")
        case 3:
            return PHPSerialized.element(name, text)
        default:
            return XMLElement(name, text: text)
        }
    }

    /// The row for setting `element` on `path`: valuetype 1 for text only, else 2.
    static func row(path: String, element: XMLElement) -> DeadProperty {
        if element.children.isEmpty && element.attributes.isEmpty {
            return DeadProperty(path: path, name: element.name.clark, valueType: 1, value: Array(element.text.utf8))
        }
        return DeadProperty(
            path: path, name: element.name.clark, valueType: 2, value: Array(element.innerXML.utf8))
    }
}
