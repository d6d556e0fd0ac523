import ICalendar

/// Reading and writing iCalendar text for mail.
///
/// A small bridge so that this target has exactly one place that turns text
/// into `ICalComponent` and back (RFC 5545 §3.1).
enum ICalText {
    /// Unfolds and parses a VCALENDAR stream; nil when it is not one.
    static func parse(_ text: String) -> ICalComponent? {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        {
            if let first = raw.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += raw.dropFirst()
            } else if !raw.isEmpty {
                lines.append(String(raw))
            }
        }
        var stack: [ICalComponent] = []
        var root: ICalComponent?
        for line in lines {
            guard let property = parseLine(line) else { return nil }
            if property.name == "BEGIN" {
                stack.append(ICalComponent(property.rawValue))
            } else if property.name == "END" {
                guard let done = stack.popLast(), done.name == property.rawValue.uppercased() else { return nil }
                if stack.isEmpty {
                    if root == nil { root = done }
                } else {
                    stack[stack.count - 1].components.append(done)
                }
            } else {
                guard !stack.isEmpty else { return nil }
                stack[stack.count - 1].properties.append(property)
            }
        }
        guard stack.isEmpty, let root, root.name == "VCALENDAR" else { return nil }
        return root
    }

    /// One content line `NAME;P=V:value` (RFC 5545 §3.1), quotes respected.
    static func parseLine(_ line: String) -> ICalProperty? {
        let scalars = Array(line.unicodeScalars)
        var i = 0
        var name = ""
        while i < scalars.count, scalars[i] != ";" && scalars[i] != ":" { name.unicodeScalars.append(scalars[i]); i += 1 }
        guard !name.isEmpty, i < scalars.count else { return nil }
        var parameters: [ICalParameter] = []
        while i < scalars.count, scalars[i] == ";" {
            i += 1
            var pname = ""
            while i < scalars.count, scalars[i] != "=" && scalars[i] != ":" && scalars[i] != ";" { pname.unicodeScalars.append(scalars[i]); i += 1 }
            guard i < scalars.count, scalars[i] == "=" else { return nil }
            i += 1
            var values: [String] = []
            while true {
                var value = ""
                if i < scalars.count, scalars[i] == "\"" {
                    i += 1
                    while i < scalars.count, scalars[i] != "\"" { value.unicodeScalars.append(scalars[i]); i += 1 }
                    guard i < scalars.count else { return nil }
                    i += 1
                } else {
                    while i < scalars.count, scalars[i] != "," && scalars[i] != ";" && scalars[i] != ":" { value.unicodeScalars.append(scalars[i]); i += 1 }
                }
                values.append(value)
                if i < scalars.count, scalars[i] == "," { i += 1; continue }
                break
            }
            parameters.append(ICalParameter(pname, values))
        }
        guard i < scalars.count, scalars[i] == ":" else { return nil }
        var value = String.UnicodeScalarView()
        value.append(contentsOf: scalars[(i + 1)...])
        return ICalProperty(name, rawValue: String(value), parameters: parameters)
    }

    /// Serializes a component with CRLF and lines folded at 75 octets (RFC 5545 §3.1).
    static func serialize(_ component: ICalComponent) -> String {
        var out = ""
        write(component, into: &out)
        return out
    }

    private static func write(_ component: ICalComponent, into out: inout String) {
        out += "BEGIN:\(component.name)\r\n"
        for property in component.properties {
            var line = property.name
            for parameter in property.parameters {
                let values = parameter.values.map { value -> String in
                    let clean = value.replacingOccurrences(of: "\"", with: "'")
                    return clean.contains(where: { $0 == ":" || $0 == ";" || $0 == "," }) ? "\"\(clean)\"" : clean
                }
                line += ";\(parameter.name)=" + values.joined(separator: ",")
            }
            line += ":" + property.rawValue
            out += fold(line)
        }
        for child in component.components { write(child, into: &out) }
        out += "END:\(component.name)\r\n"
    }

    private static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for character in line {
            let size = String(character).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(character)
            count += size
        }
        return out + "\r\n"
    }

    /// The value of a TEXT property with escapes resolved (RFC 5545 §3.3.11).
    static func text(_ raw: String) -> String {
        var out = ""
        var escaping = false
        for character in raw {
            if escaping {
                switch character {
                case "n", "N": out.append("\n")
                default: out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
