import Foundation

/// Decoding of the character sets mail actually arrives in (RFC 2046 §4.1.2).
enum Charset {
    /// Bytes in `charset` as a String; unknown charsets are read as UTF-8, then Latin-1.
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        let name = (charset ?? "utf-8").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        switch name {
        case "iso-8859-1", "latin1", "iso8859-1", "iso_8859-1", "l1":
            return latin1(bytes)
        case "windows-1252", "cp1252":
            if let text = String(data: Data(bytes), encoding: .windowsCP1252) { return text }
            return latin1(bytes)
        case "us-ascii", "ascii", "utf-8", "utf8", "":
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return latin1(bytes)
        case "utf-16", "utf-16le", "utf-16be":
            let encoding: String.Encoding = name == "utf-16le" ? .utf16LittleEndian : name == "utf-16be" ? .utf16BigEndian : .utf16
            if let text = String(data: Data(bytes), encoding: encoding) { return text }
            return String(decoding: bytes, as: UTF8.self)
        default:
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            return latin1(bytes)
        }
    }

    private static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(UnicodeScalar(byte)) }
        return String(scalars)
    }
}
