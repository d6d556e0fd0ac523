import DAVXML

/// The subset of PHP `serialize()` output sabre stores for property objects.
enum PHPSerialized {
    /// Reads `O:…:"Class":n:{…}` into a property element.
    ///
    /// ScheduleCalendarTransp becomes `<cal:opaque/>` / `<cal:transparent/>`,
    /// Href-like classes become `<d:href>` children, anything else the text of
    /// its last string value.
    static func element(_ name: PropertyName, _ text: String) -> XMLElement {
        let strings = stringValues(text)
        if text.contains("ScheduleCalendarTransp") {
            let value = strings.last ?? "opaque"
            return XMLElement(name, children: [XMLElement(value == "transparent" ? .transparent : .opaque)])
        }
        if text.contains("\\Href") || text.contains("Href\"") {
            let hrefs = strings.filter { $0.hasPrefix("/") || $0.contains(":") }.filter { !$0.contains("\0") }
            return XMLElement(name, children: hrefs.map { XMLElement(.href, text: $0) })
        }
        if text.hasPrefix("s:") { return XMLElement(name, text: strings.first ?? "") }
        return XMLElement(name, text: strings.last ?? "")
    }

    /// Every `s:N:"…";` value, in order (N counts bytes).
    static func stringValues(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var values: [String] = []
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "s"), bytes[index + 1] == UInt8(ascii: ":"),
                index == 0 || [UInt8(ascii: "{"), UInt8(ascii: ";"), UInt8(ascii: "}")].contains(bytes[index - 1])
            {
                var cursor = index + 2
                var length = 0
                while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
                    length = length * 10 + Int(bytes[cursor] - 48)
                    cursor += 1
                }
                if cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: ":"), bytes[cursor + 1] == UInt8(ascii: "\"")
                {
                    let start = cursor + 2
                    let end = start + length
                    if end <= bytes.count {
                        values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                        index = end + 2
                        continue
                    }
                }
            }
            index += 1
        }
        return values
    }
}
