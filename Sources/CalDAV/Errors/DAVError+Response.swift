/// The one place where errors become HTTP answers (RFC 4918 §8.7, §16).
extension DAVError {
    /// The response: status, extra headers and a `DAV:error` body when there is a condition.
    func response(urls: URLPath) -> DAVResponse {
        var headers = self.headers
        var body: [UInt8] = []
        if let condition {
            body = Array(errorBody(condition).utf8)
            headers.append(("Content-Type", "application/xml; charset=utf-8"))
        } else if !message.isEmpty && status != 304 {
            body = Array((message + "\n").utf8)
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
        }
        headers.append(("Content-Length", String(body.count)))
        return DAVResponse(status: status, headers: headers, body: body)
    }

    private func errorBody(_ condition: Condition) -> String {
        let element = condition.element
        let prefix = element.namespace == "DAV:" ? "d" : "cal"
        var inner = ""
        switch condition {
        case .needPrivileges(let needed):
            for entry in needed {
                inner += "<d:resource><d:href>\(XMLText.escape(entry.href))</d:href><d:privilege>"
                for name in entry.privilege.elementNames {
                    inner += name.namespace == "DAV:" ? "<d:\(name.name)/>" : "<x:\(name.name) xmlns:x=\"\(name.namespace)\"/>"
                }
                inner += "</d:privilege></d:resource>"
            }
        case .noUIDConflict(let href):
            inner = "<d:href>\(XMLText.escape(href))</d:href>"
        default:
            break
        }
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        out += "<d:error xmlns:d=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\" xmlns:a=\"http://almanac.invalid/ns\">"
        out += inner.isEmpty ? "<\(prefix):\(element.name)/>" : "<\(prefix):\(element.name)>\(inner)</\(prefix):\(element.name)>"
        if !message.isEmpty { out += "<a:message>\(XMLText.escape(message))</a:message>" }
        out += "</d:error>\n"
        return out
    }
}

/// Escaping character data for XML output (XML 1.0 §2.4).
enum XMLText {
    /// `&`, `<`, `>` and `"` escaped.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
