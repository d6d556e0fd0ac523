/// Writes components as iCalendar text (RFC 5545 §3.1, §3.4).
///
/// Lines end in CRLF and are folded so that no line exceeds 75 octets, never
/// inside a UTF-8 sequence. Property values are written exactly as held in
/// `rawValue`; parameter values are quoted when they contain `:` `;` `,` and
/// carry RFC 6868 caret escapes for `"`, `^` and line breaks.
public struct ICalSerializer: Sendable {
    /// Longest line in octets, excluding the CRLF (RFC 5545 §3.1).
    public static let lineLimit = 75

    var out: [UInt8] = []
    var lineLength = 0

    /// Creates an empty serializer.
    public init() {}

    /// The bytes written so far.
    public var bytes: [UInt8] { out }

    /// Appends a component and everything inside it.
    public mutating func write(_ component: ICalComponent) {
        writeRaw("BEGIN:")
        writeRaw(component.name)
        endLine()
        for property in component.properties { write(property) }
        for child in component.components { write(child) }
        writeRaw("END:")
        writeRaw(component.name)
        endLine()
    }

    /// Appends one content line.
    public mutating func write(_ property: ICalProperty) {
        writeFolded(property.name)
        for parameter in property.parameters {
            writeFolded(";")
            writeFolded(parameter.name)
            writeFolded("=")
            for (index, value) in parameter.values.enumerated() {
                if index > 0 { writeFolded(",") }
                writeParameterValue(value)
            }
        }
        writeFolded(":")
        writeFolded(property.rawValue)
        endLine()
    }

    mutating func writeParameterValue(_ value: String) {
        var needsQuotes = false
        var needsCaret = false
        for b in value.utf8 {
            switch b {
            case 0x3A, 0x3B, 0x2C: needsQuotes = true
            case 0x22, 0x5E, 0x0A, 0x0D: needsCaret = true
            default: break
            }
        }
        if needsQuotes { writeFolded("\"") }
        if needsCaret {
            var escaped: [UInt8] = []
            var previousCR = false
            for b in value.utf8 {
                switch b {
                case 0x22: escaped.append(contentsOf: [0x5E, 0x27])
                case 0x5E: escaped.append(contentsOf: [0x5E, 0x5E])
                case 0x0D: escaped.append(contentsOf: [0x5E, 0x6E])
                case 0x0A: if !previousCR { escaped.append(contentsOf: [0x5E, 0x6E]) }
                default: escaped.append(b)
                }
                previousCR = b == 0x0D
            }
            escaped.withUnsafeBufferPointer { emitFolded($0) }
        } else {
            writeFolded(value)
        }
        if needsQuotes { writeFolded("\"") }
    }

    /// Writes text that cannot need folding decisions mid-way (BEGIN/END lines are short).
    mutating func writeRaw(_ text: String) {
        writeFolded(text)
    }

    mutating func writeFolded(_ text: String) {
        var text = text
        text.withUTF8 { emitFolded($0) }
    }

    mutating func emitFolded(_ bytes: UnsafeBufferPointer<UInt8>) {
        let limit = ICalSerializer.lineLimit
        var k = 0
        let n = bytes.count
        while k < n {
            let b = bytes[k]
            // Control characters other than TAB cannot appear in a content line;
            // a stray CR/LF in a raw value would break the line structure.
            if b == 0x0A || b == 0x0D {
                k += 1
                continue
            }
            let width: Int
            if b < 0x80 {
                width = 1
            } else if b & 0xE0 == 0xC0 {
                width = 2
            } else if b & 0xF0 == 0xE0 {
                width = 3
            } else if b & 0xF8 == 0xF0 {
                width = 4
            } else {
                width = 1
            }
            var w = 1
            while w < width, k + w < n, bytes[k + w] & 0xC0 == 0x80 { w += 1 }
            if lineLength + w > limit {
                out.append(0x0D)
                out.append(0x0A)
                out.append(0x20)
                lineLength = 1
            }
            for j in 0..<w { out.append(bytes[k + j]) }
            lineLength += w
            k += w
        }
    }

    mutating func endLine() {
        out.append(0x0D)
        out.append(0x0A)
        lineLength = 0
    }
}

extension ICalComponent {
    /// The component as iCalendar text: CRLF lines folded at 75 octets (RFC 5545 §3.1).
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// The component as UTF-8 bytes (RFC 5545 §3.1).
    public func serializedBytes() -> [UInt8] {
        var serializer = ICalSerializer()
        serializer.out.reserveCapacity(1024)
        serializer.write(self)
        return serializer.out
    }
}
