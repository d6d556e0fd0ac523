/// Why a request body could not be read; the engine maps every case to 400 (or 413 for `.tooLarge`).
public enum DAVXMLError: Error, Sendable, Equatable {
    /// The body is not well-formed XML (libxml2 error code, line, column).
    case malformed(code: Int, line: Int, column: Int)
    /// The body is empty where a body is required.
    case emptyBody
    /// The body is larger than `XMLLimits.maxBytes`.
    case tooLarge(limit: Int)
    /// Elements nest deeper than `XMLLimits.maxDepth`.
    case tooDeep(limit: Int)
    /// The body has more elements than `XMLLimits.maxElements`.
    case tooManyElements(limit: Int)
    /// The body has a document type declaration; refused so no entity is ever declared or resolved.
    case doctypeNotAllowed
    /// The root element is not the one this request type expects.
    case unexpectedRoot(PropertyName)
    /// A required element is missing.
    case missingElement(PropertyName)
    /// An element or attribute has a value we cannot use (e.g. a bad DATE-TIME in time-range).
    case invalidValue(element: PropertyName, value: String)
}

/// Bounds on what the parser accepts, so a hostile body cannot cost much memory or stack.
public struct XMLLimits: Sendable, Equatable {
    /// Largest body in bytes.
    public var maxBytes: Int
    /// Deepest element nesting (the root is depth 1).
    public var maxDepth: Int
    /// Most elements in one body (bounds the tree's memory; a multiget of 10 000 hrefs has ~10 000).
    public var maxElements: Int

    /// Creates limits.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxElements: Int = 200_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// 8 MiB, depth 64, 200 000 elements: far above what any calendar client sends.
    public static let `default` = XMLLimits()
}

extension DAVXMLError: CustomStringConvertible {
    /// A short English explanation for logs.
    public var description: String {
        switch self {
        case .malformed(let code, let line, let column): return "malformed XML (libxml2 error \(code)) at \(line):\(column)"
        case .emptyBody: return "empty request body"
        case .tooLarge(let limit): return "request body larger than \(limit) bytes"
        case .tooDeep(let limit): return "XML nested deeper than \(limit) elements"
        case .tooManyElements(let limit): return "XML body with more than \(limit) elements"
        case .doctypeNotAllowed: return "DOCTYPE and entity declarations are not allowed"
        case .unexpectedRoot(let name): return "unexpected root element \(name.clark)"
        case .missingElement(let name): return "missing element \(name.clark)"
        case .invalidValue(let element, let value): return "invalid value '\(value)' in \(element.clark)"
        }
    }
}
