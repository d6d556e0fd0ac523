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
