import Foundation

/// One entity of a received message: headers and a transfer-decoded body, or
/// the parts of a multipart (RFC 2045 §2.4, RFC 2046 §5.1).
public struct MIMEEntity: Sendable {
    /// Header fields in order, unfolded, values not yet RFC 2047-decoded.
    public var headers: [(name: String, value: String)]
    /// The body with its transfer encoding removed (empty for a multipart).
    public var body: [UInt8]
    /// The parts of a multipart, or the message inside a message/rfc822.
    public var parts: [MIMEEntity]
    /// Media type, lower-cased, e.g. `text/calendar` (`text/plain` when absent, RFC 2045 §5.2).
    public var mediaType: String
    /// Content-Type parameters, names lower-cased, RFC 2231 continuations joined.
    public var parameters: [String: String]

    /// Deepest nesting followed; deeper parts are kept as opaque bodies.
    static let maxDepth = 16

    /// Parses a message or entity from raw bytes (CRLF or LF line breaks).
    public init(parsing bytes: [UInt8]) {
        self.init(parsing: bytes[...], depth: 0)
    }

    init(parsing bytes: ArraySlice<UInt8>, depth: Int) {
        let (headerLines, bodyStart) = MIMEEntity.splitHeader(bytes)
        headers = MIMEEntity.unfold(headerLines)
        body = []
        parts = []
        let (type, parameters) = MIMEEntity.parseContentType(
            headers.first { $0.name.lowercased() == "content-type" }?.value ?? "text/plain")
        mediaType = type
        self.parameters = parameters
        let raw = bytes[bodyStart...]
        if type.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty, depth < MIMEEntity.maxDepth {
            parts = MIMEEntity.split(raw, boundary: boundary).map { MIMEEntity(parsing: $0, depth: depth + 1) }
        } else if type == "message/rfc822", depth < MIMEEntity.maxDepth {
            parts = [MIMEEntity(parsing: ArraySlice(MIMEEntity.decodeTransfer(raw, header(("content-transfer-encoding")))), depth: depth + 1)]
        } else {
            body = MIMEEntity.decodeTransfer(raw, header("content-transfer-encoding"))
        }
    }

    /// The first header called `name` (case-insensitive), unfolded.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// The body as text in its declared charset.
    public var text: String { Charset.decode(body, charset: parameters["charset"]) }

    /// The file name from Content-Disposition `filename` or Content-Type `name` (RFC 2183, RFC 2231).
    public var filename: String? {
        if let disposition = header("content-disposition") {
            let (_, dispositionParameters) = MIMEEntity.parseContentType(disposition)
            if let name = dispositionParameters["filename"] { return EncodedWord.decode(name) }
        }
        return parameters["name"].map { EncodedWord.decode($0) }
    }

    /// Every leaf entity, depth first.
    public var leaves: [MIMEEntity] {
        parts.isEmpty ? [self] : parts.flatMap(\.leaves)
    }

    // MARK: - Parsing

    private static func splitHeader(_ bytes: ArraySlice<UInt8>) -> ([Substring], Int) {
        var lines: [Substring] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var end = index
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > index, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let next = end < bytes.endIndex ? end + 1 : end
            if lineEnd == index { return (lines, next) }  // the empty line
            lines.append(Substring(Charset.decode(Array(bytes[index..<lineEnd]), charset: "utf-8")))
            index = next
        }
        return (lines, bytes.endIndex)
    }

    private static func unfold(_ lines: [Substring]) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + line.trimmingSpaces }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append((name, line[line.index(after: colon)...].trimmingSpaces))
        }
        return fields
    }

    /// `type/subtype; a=b; c="d"` → lower-cased type and parameters (RFC 2045 §5.1, RFC 2231 §3–4).
    static func parseContentType(_ value: String) -> (String, [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            if quoted && character == "\\" { escaped = true; continue }
            if character == "\"" { quoted.toggle(); continue }
            if character == ";" && !quoted { pieces.append(current); current = ""; continue }
            current.append(character)
        }
        pieces.append(current)
        let type = pieces[0].trimmingSpaces.lowercased()
        var parameters: [String: String] = [:]
        var continued: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingSpaces.lowercased()
            let value = piece[piece.index(after: equals)...].trimmingSpaces
            if let star = name.firstIndex(of: "*") {
                let base = String(name[..<star])
                let rest = name[name.index(after: star)...]
                let encoded = rest.hasSuffix("*") || rest.isEmpty
                let number = Int(rest.replacingOccurrences(of: "*", with: "")) ?? 0
                continued[base, default: []].append((number, value, encoded))
            } else {
                parameters[name] = value
            }
        }
        for (name, segments) in continued {
            var bytes: [UInt8] = []
            var charset = "utf-8"
            for (index, segment) in segments.sorted(by: { $0.0 < $1.0 }).enumerated() {
                var text = segment.1
                if segment.2 {
                    if index == 0 {
                        let fields = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if fields.count == 3 { charset = String(fields[0]); text = String(fields[2]) }
                    }
                    bytes += percentDecode(text)
                } else {
                    bytes += Array(text.utf8)
                }
            }
            parameters[name] = Charset.decode(bytes, charset: charset)
        }
        return (type.isEmpty ? "text/plain" : type, parameters)
    }

    private static func percentDecode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x25, i + 2 < bytes.count, let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The bodies between `--boundary` lines; the preamble and epilogue are dropped (RFC 2046 §5.1.1).
    static func split(_ bytes: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var end = index
            while end < bytes.endIndex, bytes[end] != 0x0A { end += 1 }
            let line = bytes[index..<end]
            if line.starts(with: delimiter) {
                let after = line.dropFirst(delimiter.count)
                let isClose = after.starts(with: [0x2D, 0x2D])
                let isDelimiter = isClose || after.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if isDelimiter {
                    if let start = partStart {
                        // The CRLF before the delimiter belongs to the delimiter.
                        var stop = index
                        if stop > start, bytes[stop - 1] == 0x0A { stop -= 1 }
                        if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                        parts.append(bytes[start..<stop])
                    }
                    if isClose { return parts }
                    partStart = end < bytes.endIndex ? end + 1 : end
                }
            }
            index = end < bytes.endIndex ? end + 1 : end
        }
        if let start = partStart, start < bytes.endIndex { parts.append(bytes[start...]) }  // unterminated: keep it
        return parts
    }

    static func decodeTransfer(_ bytes: ArraySlice<UInt8>, _ encoding: String?) -> [UInt8] {
        switch encoding?.trimmingSpaces.lowercased() ?? "" {
        case "base64":
            let clean = bytes.filter {
                ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B
                    || $0 == 0x2F
            }
            var text = String(decoding: clean, as: UTF8.self)
            if text.count % 4 == 1 { text.removeLast() }
            while text.count % 4 != 0 { text += "=" }
            return Data(base64Encoded: text).map { Array($0) } ?? []
        case "quoted-printable":
            return QuotedPrintable.decode(Array(bytes))
        default:
            return Array(bytes)
        }
    }
}
