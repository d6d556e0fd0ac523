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
