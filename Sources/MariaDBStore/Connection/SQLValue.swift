/// A value bound to a statement parameter or read from a result column.
public enum SQLValue: Hashable, Sendable {
    /// SQL NULL.
    case null
    /// Any integer column or parameter.
    case int(Int64)
    /// Text, sent in the connection character set (utf8mb4).
    case text(String)
    /// Bytes, sent and read as binary (varbinary, blob columns are read this way too).
    case bytes([UInt8])

    /// The value as an integer, nil for NULL or non-numeric values.
    public var int: Int64? {
        switch self {
        case .int(let value): return value
        case .text(let text): return Int64(text)
        case .bytes(let bytes): return Int64(String(decoding: bytes, as: UTF8.self))
        case .null: return nil
        }
    }

    /// The value decoded as UTF-8 text, nil for NULL.
    public var string: String? {
        switch self {
        case .text(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .int(let value): return String(value)
        case .null: return nil
        }
    }

    /// The raw bytes, nil for NULL.
    public var bytes: [UInt8]? {
        switch self {
        case .bytes(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .int(let value): return Array(String(value).utf8)
        case .null: return nil
        }
    }

    /// True for SQL NULL.
    public var isNull: Bool { self == .null }
}

extension SQLValue {
    /// `.text` or `.null`.
    static func optional(_ text: String?) -> SQLValue { text.map { .text($0) } ?? .null }
    /// `.int` or `.null`.
    static func optional(_ value: Int64?) -> SQLValue { value.map { .int($0) } ?? .null }
}

/// One result row: values by column position.
public struct SQLRow: Sendable {
    /// The column values in select-list order.
    public var values: [SQLValue]
    /// The value at `index`.
    public subscript(_ index: Int) -> SQLValue { values[index] }
}
