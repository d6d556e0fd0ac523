import ICalendar

/// A small iCalendar reader/writer for the tests, independent of the library's own parser
/// so that the engine's tests do not rest on the code they would be checking.
enum TestICS {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String) throws -> ICalComponent {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else if !raw.isEmpty {
                lines.append(String(raw))
            }
        }
        var stack: [ICalComponent] = []
        var root: ICalComponent?
        for line in lines {
            let property = try parseLine(line)
            if property.name == "BEGIN" {
                stack.append(ICalComponent(property.rawValue))
            } else if property.name == "END" {
                guard let done = stack.popLast() else { throw ParseError(description: "unbalanced END") }
                if stack.isEmpty { root = done } else { stack[stack.count - 1].components.append(done) }
            } else {
                guard !stack.isEmpty else { throw ParseError(description: "property outside component") }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard let root, stack.isEmpty else { throw ParseError(description: "no complete component") }
        return root
    }

    static func parseLine(_ line: String) throws -> ICalProperty {
        let chars = Array(line)
        var i = 0
        var name = ""
        while i < chars.count, chars[i] != ";", chars[i] != ":" { name.append(chars[i]); i += 1 }
        var parameters: [ICalParameter] = []
        while i < chars.count, chars[i] == ";" {
            i += 1
            var pname = ""
            while i < chars.count, chars[i] != "=" { pname.append(chars[i]); i += 1 }
            i += 1
            var values: [String] = []
            var current = ""
            var quoted = false
            while i < chars.count {
                let c = chars[i]
                if c == "\"" { quoted.toggle(); i += 1; continue }
                if !quoted && (c == ";" || c == ":") { break }
                if !quoted && c == "," { values.append(current); current = ""; i += 1; continue }
                current.append(c)
                i += 1
            }
            values.append(current)
            parameters.append(ICalParameter(pname, values))
        }
        guard i < chars.count, chars[i] == ":" else { throw ParseError(description: "no value in \(line)") }
        return ICalProperty(name, rawValue: String(chars[(i + 1)...]), parameters: parameters)
    }

    static func serialize(_ component: ICalComponent) -> String {
        var out = "BEGIN:\(component.name)\r\n"
        for property in component.properties { out += fold(line(property)) }
        for sub in component.components { out += serialize(sub) }
        return out + "END:\(component.name)\r\n"
    }

    static func line(_ property: ICalProperty) -> String {
        var s = property.name
        for parameter in property.parameters {
            let values = parameter.values.map { v in
                v.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(v)\"" : v
            }
            s += ";" + parameter.name + "=" + values.joined(separator: ",")
        }
        return s + ":" + property.rawValue
    }

    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for c in line {
            let n = String(c).utf8.count
            if count + n > 75 { out += "\r\n "; count = 1 }
            out.append(c)
            count += n
        }
        return out + "\r\n"
    }

    /// Canonical text for comparing by meaning: properties and parameters sorted,
    /// DTSTAMP and PRODID ignored, sub-components sorted.
    static func canonical(_ component: ICalComponent, indent: String = "") -> String {
        var lines: [String] = []
        for property in component.properties where property.name != "DTSTAMP" && property.name != "PRODID" {
            var p = property
            p.parameters.sort { $0.name < $1.name }
            if p.name == "ATTENDEE" || p.name == "ORGANIZER" { p.rawValue = p.rawValue.lowercased() }
            lines.append(indent + "  " + line(p))
        }
        lines.sort()
        let subs = component.components.map { canonical($0, indent: indent + "  ") }.sorted()
        return ([indent + "BEGIN:" + component.name] + lines + subs + [indent + "END:" + component.name]).joined(separator: "\n")
    }
}
