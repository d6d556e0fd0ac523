/// Builds `DAV:error` bodies naming the failed precondition (RFC 4918 §16, RFC 3744 §7.1.1, RFC 4791 §1.3).
public enum ErrorWriter {
    /// `<d:error><condition>text or children</condition></d:error>`, e.g. `body(.validCalendarData, text: "…")`.
    public static func body(_ condition: PropertyName, children: [XMLElement] = [], text: String = "") -> [UInt8] {
        var writer = XMLWriter(capacity: 256)
        writer.startDocument(root: .error)
        writer.write(XMLElement(condition, children: children, text: text))
        writer.endDocument(root: .error)
        writer.append("\n")
        return writer.bytes
    }

    /// `DAV:need-privileges` with one `DAV:resource` per (href, privilege) pair (RFC 3744 §7.1.1).
    public static func needPrivileges(_ missing: [(href: String, privilege: PropertyName)]) -> [UInt8] {
        let resources = missing.map { item in
            XMLElement(
                .resource,
                children: [
                    XMLElement(.href, text: item.href), XMLElement(.privilege, children: [XMLElement(item.privilege)]),
                ])
        }
        return body(.needPrivileges, children: resources)
    }

    /// `DAV:supported-report` answer for a REPORT the resource does not support (RFC 3253 §3.6).
    public static func unsupportedReport() -> [UInt8] {
        body(.supportedReport)
    }
}
