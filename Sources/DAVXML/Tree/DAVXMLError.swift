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

    /// Creates limits.
    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 8 MiB and depth 64: far above what any calendar client sends.
    public static let `default` = XMLLimits()
}
