/// Percent-encodes a path for a `DAV:href`: keeps unreserved characters, `/` and `:@!$'()*,;=`, encodes everything else as UTF-8 (RFC 3986 §3.3).
public func encodePath(_ path: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(path.utf8.count + 8)
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    var changed = false
    for byte in path.utf8 {
        if isPathSafe(byte) {
            output.append(byte)
        } else {
            changed = true
            output.append(UInt8(ascii: "%"))
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0x0F)])
        }
    }
    return changed ? String(decoding: output, as: UTF8.self) : path
}

/// Decodes `%XX` escapes; nil for a malformed escape or bytes that are not UTF-8 (RFC 3986 §2.1).
public func decodePath(_ path: String) -> String? {
    guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
    var output: [UInt8] = []
    output.reserveCapacity(path.utf8.count)
    var iterator = path.utf8.makeIterator()
    func hexValue(_ byte: UInt8?) -> UInt8? {
        guard let byte else { return nil }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    while let byte = iterator.next() {
        if byte == UInt8(ascii: "%") {
            guard let high = hexValue(iterator.next()), let low = hexValue(iterator.next()) else { return nil }
            output.append(high << 4 | low)
        } else {
            output.append(byte)
        }
    }
    return String(validating: output, as: UTF8.self)
}

@inline(__always)
private func isPathSafe(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: ":"),
        UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
        UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
        return true
    default:
        return false
    }
}
