/// Builds the body of a successful LOCK: `<d:prop><d:lockdiscovery><d:activelock>…` (RFC 4918 §9.10.1).
public enum LockResponseWriter {
    /// The LOCK response body for the lock just created or refreshed.
    public static func body(_ lock: ActiveLock) -> [UInt8] {
        var writer = XMLWriter(capacity: 512)
        writer.startDocument(root: .prop)
        writer.property(DAVProperty(.lockDiscovery, .lockDiscovery([lock])), minimal: false)
        writer.endDocument(root: .prop)
        writer.append("\n")
        return writer.bytes
    }
}

/// Builds bodies answering sharing POSTs (CalendarServer caldav-sharing).
public enum ShareResponseWriter {
    /// `<cs:shared-as><d:href>…</d:href></cs:shared-as>`: where an accepted share now lives in the sharee's home.
    public static func sharedAs(_ href: String) -> [UInt8] {
        var writer = XMLWriter(capacity: 256)
        writer.startDocument(root: .sharedAs)
        writer.href(href)
        writer.endDocument(root: .sharedAs)
        writer.append("\n")
        return writer.bytes
    }
}
