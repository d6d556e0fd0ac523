/// Turning request targets into `ResourcePath`s and back (RFC 3986 §2.1, §3.3).
struct URLPath {
    /// The mount point, with leading and trailing slash.
    let basePath: String

    /// The resource a request target or an absolute URL (Destination, href) names.
    ///
    /// Returns nil when the target is outside the base path or not in the URL space.
    func resolve(_ target: String) -> ResourcePath? {
        guard let segments = decodedSegments(target) else { return nil }
        return ResourcePath(segments: segments)
    }

    /// Decoded path segments below the base path; nil when outside it or badly encoded.
    func decodedSegments(_ target: String) -> [String]? {
        var path = Substring(target)
        if !path.hasPrefix("/"), let colon = path.firstIndex(of: ":"), path[colon...].hasPrefix("://") {
            let afterScheme = path[path.index(colon, offsetBy: 3)...]
            guard let slash = afterScheme.firstIndex(of: "/") else { return basePath == "/" ? [] : nil }
            path = afterScheme[slash...]
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let base = basePath.dropLast()
        if !base.isEmpty {
            guard path.hasPrefix(base) else { return nil }
            path = path.dropFirst(base.count)
            guard path.isEmpty || path.hasPrefix("/") else { return nil }
        }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = URLPath.percentDecode(raw) else { return nil }
            if decoded == "." { continue }
            if decoded == ".." {
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
                continue
            }
            segments.append(decoded)
        }
        return segments
    }

    /// The href of a resource: base path plus encoded segments, `/` at the end of collections.
    func href(_ path: ResourcePath) -> String {
        var out = basePath
        let segments = path.segments
        out.reserveCapacity(basePath.utf8.count + segments.reduce(segments.count) { $0 + $1.utf8.count })
        for (position, segment) in segments.enumerated() {
            if position > 0 { out += "/" }
            out += URLPath.percentEncode(segment)
        }
        if path.isCollection && !segments.isEmpty { out += "/" }
        return out
    }

    /// `%XX` decoding; nil on a broken escape or invalid UTF-8.
    static func percentDecode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes everything but RFC 3986 unreserved characters and a few safe sub-delims.
    static func percentEncode(_ segment: String) -> String {
        // Most names (UUIDs, `default`, user names) need no escape: return them as they are.
        if segment.utf8.allSatisfy(isSafe) { return segment }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(segment.utf8.count * 3)
        for byte in segment.utf8 {
            switch byte {
            case _ where isSafe(byte):
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 unreserved characters and the sub-delims kept as they are in a segment.
    @inline(__always)
    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","), UInt8(ascii: ";"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
