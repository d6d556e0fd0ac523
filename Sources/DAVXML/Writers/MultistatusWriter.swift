/// Builds a `DAV:multistatus` body response by response (RFC 4918 §13, RFC 6578 §6.2 for the sync-token).
///
/// ```
/// var writer = MultistatusWriter(minimal: prefersMinimal)
/// writer.add(MultistatusResponse(href: "/calendars/erin/calendar/", propstats: [...]))
/// writer.add(href: "/calendars/erin/calendar/gone.ics", status: 404)
/// let body = writer.finish(syncToken: token)
/// ```
public struct MultistatusWriter: Sendable {
    private var writer: XMLWriter
    /// `Prefer: return=minimal` (RFC 7240 / RFC 8144): leave out 404 propstats.
    public let minimal: Bool

    /// Starts a multistatus body; `capacity` is a guess of the final size in bytes.
    public init(minimal: Bool = false, capacity: Int = 4096) {
        self.minimal = minimal
        writer = XMLWriter(capacity: capacity)
        writer.startDocument(root: .multiStatus)
    }

    /// Appends one `DAV:response`.
    public mutating func add(_ response: MultistatusResponse) {
        writer.response(response, minimal: minimal)
    }

    /// Appends a response with propstat groups; groups without properties are skipped.
    public mutating func add(href: String, propstats: [Propstat]) {
        writer.response(MultistatusResponse(href: href, propstats: propstats), minimal: minimal)
    }

    /// Appends the common shape: found properties (200) plus names not found (404).
    public mutating func add(href: String, found: [DAVProperty], notFound: [PropertyName] = []) {
        writer.response(
            MultistatusResponse(
                href: href, propstats: [Propstat(status: 200, properties: found), Propstat(status: 404, names: notFound)]),
            minimal: minimal)
    }

    /// Appends a response with only a status, e.g. 404 for a member deleted since the sync-token.
    public mutating func add(href: String, status: Int, error: PropertyName? = nil) {
        writer.response(MultistatusResponse(href: href, status: status, error: error), minimal: minimal)
    }

    /// Bytes written so far (to enforce a response size limit).
    public var byteCount: Int { writer.bytes.count }

    /// Closes the document, with `DAV:sync-token` last if given, and returns the body.
    public consuming func finish(syncToken: String? = nil) -> [UInt8] {
        if let syncToken { writer.element(.syncToken, text: syncToken) }
        writer.endDocument(root: .multiStatus)
        writer.append("\n")
        return writer.bytes
    }
}
