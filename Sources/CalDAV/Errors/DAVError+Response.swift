import DAVXML

/// The one place where errors become HTTP answers (RFC 4918 §8.7, §16).
extension DAVError {
    /// The response: status, extra headers and a `DAV:error` body when there is a condition.
    func response(urls: URLPath) -> DAVResponse {
        var headers = self.headers
        var body: [UInt8] = []
        if let condition {
            body = errorBody(condition)
            headers.append(("Content-Type", "application/xml; charset=utf-8"))
        } else if !message.isEmpty && status != 304 {
            body = Array((message + "\n").utf8)
            headers.append(("Content-Type", "text/plain; charset=utf-8"))
        }
        headers.append(("Content-Length", String(body.count)))
        return DAVResponse(status: status, headers: headers, body: body)
    }

    private func errorBody(_ condition: Condition) -> [UInt8] {
        let element = condition.element
        let name = PropertyName(namespace: element.namespace, local: element.name)
        switch condition {
        case .needPrivileges(let needed):
            var missing: [(href: String, privilege: PropertyName)] = []
            for entry in needed {
                for privilege in entry.privilege.elementNames {
                    missing.append((entry.href, PropertyName(namespace: privilege.namespace, local: privilege.name)))
                }
            }
            return ErrorWriter.needPrivileges(missing)
        case .noUIDConflict(let href), .lockTokenSubmittedFor(let href):
            return ErrorWriter.body(name, children: [XMLElement(.href, text: href)])
        default:
            return ErrorWriter.body(name)
        }
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
