/// Reads iCalendar text into `ICalComponent` trees (RFC 5545 §3.1, §3.4, §3.6).
///
/// Works on UTF-8 bytes: lines are unfolded at the byte level (so a fold in the
/// middle of a multi-byte character is healed before decoding), CRLF and bare
/// LF both end a line, and every property, parameter and component — known or
/// not — is kept with its value text exactly as written. Invalid UTF-8 is
/// decoded with replacement characters rather than rejected; no input crashes.
public struct ICalParser: Sendable {
    /// Deepest allowed component nesting (VCALENDAR > VEVENT > VALARM is 3).
    public var maxDepth: Int

    /// Creates a parser.
    public init(maxDepth: Int = 32) {
        self.maxDepth = maxDepth
    }

    /// Parses text holding exactly one top-level component (RFC 5545 §3.4).
    public func parse(_ text: String) throws -> ICalComponent {
        var text = text
        return try text.withUTF8 { try parseOne($0) }
    }

    /// Parses bytes holding exactly one top-level component (RFC 5545 §3.4).
    public func parse(_ bytes: [UInt8]) throws -> ICalComponent {
        try bytes.withUnsafeBufferPointer { try parseOne($0) }
    }

    /// Parses every top-level component in the text (e.g. a feed with several VCALENDARs).
    public func parseAll(_ text: String) throws -> [ICalComponent] {
        var text = text
        return try text.withUTF8 { try parseRoots($0) }
    }

    /// Parses every top-level component in the bytes.
    public func parseAll(_ bytes: [UInt8]) throws -> [ICalComponent] {
        try bytes.withUnsafeBufferPointer { try parseRoots($0) }
    }

    func parseOne(_ buf: UnsafeBufferPointer<UInt8>) throws -> ICalComponent {
        var builder = TreeBuilder(maxDepth: maxDepth)
        try feed(buf, into: &builder)
        let roots = try builder.finish()
        guard roots.count == 1 else { throw ICalError(.multipleRootComponents, line: builder.rootLines[1]) }
        return roots[0]
    }

    func parseRoots(_ buf: UnsafeBufferPointer<UInt8>) throws -> [ICalComponent] {
        var builder = TreeBuilder(maxDepth: maxDepth)
        try feed(buf, into: &builder)
        return try builder.finish()
    }

    func feed(_ buf: UnsafeBufferPointer<UInt8>, into builder: inout TreeBuilder) throws {
        var folded: [UInt8] = []
        let n = buf.count
        var i = 0
        // UTF-8 byte order mark.
        if n >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        var physicalLine = 1
        while i < n {
            let lineNumber = physicalLine
            var end = i
            var carriageReturns = 0
            while end < n {
                let b = buf[end]
                if b == 0x0A { break }
                if b == 0x0D { carriageReturns += 1 }
                end += 1
            }
            var contentEnd = end
            if contentEnd > i, buf[contentEnd - 1] == 0x0D {
                contentEnd -= 1
                carriageReturns -= 1
            }
            var next = end + 1
            physicalLine += 1
            let continues = next < n && (buf[next] == 0x20 || buf[next] == 0x09)
            if continues || carriageReturns > 0 {
                // Folded, or a stray CR inside the line (not allowed in content;
                // dropped so that what we keep can always be written back).
                folded.removeAll(keepingCapacity: true)
                appendWithoutCR(&folded, UnsafeBufferPointer(rebasing: buf[i..<contentEnd]))
                while next < n, buf[next] == 0x20 || buf[next] == 0x09 {
                    let start = next + 1
                    var e = start
                    while e < n, buf[e] != 0x0A { e += 1 }
                    var ce = e
                    if ce > start, buf[ce - 1] == 0x0D { ce -= 1 }
                    appendWithoutCR(&folded, UnsafeBufferPointer(rebasing: buf[start..<ce]))
                    next = e + 1
                    physicalLine += 1
                }
                try folded.withUnsafeBufferPointer { try builder.take(line: $0, number: lineNumber) }
            } else {
                try builder.take(line: UnsafeBufferPointer(rebasing: buf[i..<contentEnd]), number: lineNumber)
            }
            i = next
        }
    }
}

extension ICalComponent {
    /// Parses text holding exactly one top-level component (RFC 5545 §3.4).
    public static func parse(_ text: String) throws -> ICalComponent {
        try ICalParser().parse(text)
    }

    /// Parses UTF-8 bytes holding exactly one top-level component (RFC 5545 §3.4).
    public static func parse(_ bytes: [UInt8]) throws -> ICalComponent {
        try ICalParser().parse(bytes)
    }
}

/// Turns unfolded content lines into the component tree.
struct TreeBuilder {
    let maxDepth: Int
    var stack: [ICalComponent] = []
    var beginLines: [Int] = []
    var roots: [ICalComponent] = []
    /// Line of each root's BEGIN, for errors about extra roots.
    var rootLines: [Int] = []
    var sawLine = false

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    mutating func take(line: UnsafeBufferPointer<UInt8>, number: Int) throws {
        let n = line.count
        if n == 0 { return }
        // Tolerate whitespace-only lines (trailing blank lines are common).
        var blank = true
        for b in line where b != 0x20 && b != 0x09 && b != 0x0D {
            blank = false
            break
        }
        if blank { return }
        sawLine = true

        var i = 0
        while i < n, isNameByte(line[i]) { i += 1 }
        if i == 0 { throw ICalError(.invalidName, line: number) }
        let nameEnd = i
        var parameters: [ICalParameter] = []
        while i < n, line[i] == 0x3B {  // ;
            i += 1
            let pStart = i
            while i < n, isNameByte(line[i]) { i += 1 }
            if i == pStart { throw ICalError(.invalidName, line: number) }
            let pName = upperASCII(UnsafeBufferPointer(rebasing: line[pStart..<i]))
            guard i < n, line[i] == 0x3D else { throw ICalError(.expectedEquals, line: number) }  // =
            i += 1
            var values: [String] = []
            while true {
                if i < n, line[i] == 0x22 {  // "
                    let vStart = i + 1
                    var e = vStart
                    while e < n, line[e] != 0x22 { e += 1 }
                    if e >= n { throw ICalError(.unterminatedQuote, line: number) }
                    values.append(decodeParameter(UnsafeBufferPointer(rebasing: line[vStart..<e])))
                    i = e + 1
                } else {
                    let vStart = i
                    while i < n, line[i] != 0x2C, line[i] != 0x3B, line[i] != 0x3A { i += 1 }
                    values.append(decodeParameter(UnsafeBufferPointer(rebasing: line[vStart..<i])))
                }
                if i < n, line[i] == 0x2C {  // ,
                    i += 1
                    continue
                }
                break
            }
            parameters.append(ICalParameter(uncheckedName: pName, values: values))
        }
        guard i < n, line[i] == 0x3A else { throw ICalError(.expectedColon, line: number) }
        let valueBytes = UnsafeBufferPointer(rebasing: line[(i + 1)...])
        let nameBytes = UnsafeBufferPointer(rebasing: line[0..<nameEnd])

        if equalsASCII(nameBytes, "BEGIN") {
            let cname = componentName(valueBytes)
            if cname.isEmpty { throw ICalError(.missingComponentName, line: number) }
            if stack.count >= maxDepth { throw ICalError(.tooDeep(limit: maxDepth), line: number) }
            stack.append(ICalComponent(uncheckedName: cname))
            beginLines.append(number)
            return
        }
        if equalsASCII(nameBytes, "END") {
            let cname = componentName(valueBytes)
            if cname.isEmpty { throw ICalError(.missingComponentName, line: number) }
            guard let open = stack.last else {
                throw ICalError(.mismatchedEnd(expected: nil, found: cname), line: number)
            }
            guard open.name == cname else {
                throw ICalError(.mismatchedEnd(expected: open.name, found: cname), line: number)
            }
            let done = stack.removeLast()
            let beginLine = beginLines.removeLast()
            if stack.isEmpty {
                roots.append(done)
                rootLines.append(beginLine)
            } else {
                stack[stack.count - 1].components.append(done)
            }
            return
        }
        if stack.isEmpty { throw ICalError(.expectedBegin, line: number) }
        let property = ICalProperty(
            uncheckedName: upperASCII(nameBytes), parameters: parameters,
            rawValue: String(decoding: valueBytes, as: UTF8.self))
        stack[stack.count - 1].properties.append(property)
    }

    mutating func finish() throws -> [ICalComponent] {
        if let open = stack.last {
            throw ICalError(.unterminatedComponent(open.name), line: beginLines.last ?? 0)
        }
        if !sawLine || roots.isEmpty { throw ICalError(.emptyInput, line: 0) }
        return roots
    }
}

@inline(__always)
func appendWithoutCR(_ out: inout [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) {
    if !bytes.contains(0x0D) {
        out.append(contentsOf: bytes)
        return
    }
    for b in bytes where b != 0x0D { out.append(b) }
}

/// Name characters: RFC 5545's ALPHA / DIGIT / "-", plus "_" that some producers emit in X- names.
@inline(__always)
func isNameByte(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
}

/// Upper-cases ASCII bytes into a String (names are ASCII by the grammar).
@inline(__always)
func upperASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { out in
        for k in 0..<bytes.count {
            let b = bytes[k]
            out[k] = (b >= 0x61 && b <= 0x7A) ? b - 0x20 : b
        }
        return bytes.count
    }
}

@inline(__always)
func equalsASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ upper: StaticString) -> Bool {
    guard bytes.count == upper.utf8CodeUnitCount else { return false }
    let u = upper.utf8Start
    for k in 0..<bytes.count {
        var b = bytes[k]
        if b >= 0x61 && b <= 0x7A { b -= 0x20 }
        if b != u[k] { return false }
    }
    return true
}

/// A BEGIN/END value: trimmed of blanks and upper-cased.
func componentName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var s = 0
    var e = bytes.count
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
    let trimmed = UnsafeBufferPointer(rebasing: bytes[s..<e])
    for b in trimmed where !isNameByte(b) {
        return String(decoding: trimmed, as: UTF8.self).uppercased()
    }
    return upperASCII(trimmed)
}

/// Decodes a parameter value, applying RFC 6868 caret escapes (^n ^^ ^').
func decodeParameter(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    guard bytes.contains(0x5E) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var k = 0
    while k < bytes.count {
        let b = bytes[k]
        if b == 0x5E, k + 1 < bytes.count {
            switch bytes[k + 1] {
            case 0x6E, 0x4E: out.append(0x0A); k += 2; continue  // ^n
            case 0x5E: out.append(0x5E); k += 2; continue  // ^^
            case 0x27: out.append(0x22); k += 2; continue  // ^'
            default: break
            }
        }
        out.append(b)
        k += 1
    }
    return String(decoding: out, as: UTF8.self)
}
