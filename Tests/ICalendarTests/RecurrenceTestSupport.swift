@testable import ICalendar

/// A deliberately tiny reader for test fixtures written inline (no quoting, no escapes).
func ics(_ text: String) -> ICalComponent {
    var lines: [String] = []
    for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0.isNewline }) {
        let line = String(raw)
        if line.hasPrefix(" "), !lines.isEmpty { lines[lines.count - 1] += line.dropFirst() } else {
            let trimmed = line.drop(while: { $0 == " " })
            if !trimmed.isEmpty { lines.append(String(trimmed)) }
        }
    }
    var stack: [ICalComponent] = [ICalComponent("ROOT")]
    for line in lines {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let head = line[..<colon]
        let value = String(line[line.index(after: colon)...])
        var parts = head.split(separator: ";").map(String.init)
        let name = parts.removeFirst().uppercased()
        if name == "BEGIN" {
            stack.append(ICalComponent(value))
        } else if name == "END" {
            let done = stack.removeLast()
            stack[stack.count - 1].components.append(done)
        } else {
            let params = parts.compactMap { p -> ICalParameter? in
                guard let eq = p.firstIndex(of: "=") else { return nil }
                return ICalParameter(String(p[..<eq]), p[p.index(after: eq)...].split(separator: ",").map(String.init))
            }
            stack[stack.count - 1].properties.append(ICalProperty(name, rawValue: value, parameters: params))
        }
    }
    return stack[0].components[0]
}

/// UTC seconds of `YYYYMMDDTHHMMSSZ` or `YYYYMMDD`.
func utc(_ text: String) -> Int64 { ICalDateTime(parsing: text)!.local.secondsSinceEpoch }

/// `YYYYMMDDTHHMMSSZ` of UTC seconds.
func utcText(_ seconds: Int64) -> String { LocalDateTime(secondsSinceEpoch: seconds).description + "Z" }
