import DAVXML

/// One `DAV:propstat`: properties sharing a status (RFC 4918 §14.22).
struct PropStat {
    var status: Int
    var properties: [XMLElement]
}

/// One `DAV:response` of a multistatus (RFC 4918 §14.24).
struct MultistatusEntry {
    var href: String
    var propStats: [PropStat] = []
    /// A whole-response status instead of propstats (a deleted member in sync-collection, a missing multiget href).
    var status: Int? = nil
}

/// A 207 body (RFC 4918 §13), written response by response as members are found, optionally with the
/// RFC 6578 sync token; DAVXML's writer does the XML.
struct Multistatus {
    private var writer: MultistatusWriter
    /// Responses added so far.
    private(set) var count = 0
    /// `DAV:sync-token`, written last.
    var syncToken: String? = nil

    /// An empty multistatus; `capacity` is a guess of the body size in bytes.
    init(capacity: Int = 4096) {
        writer = MultistatusWriter(capacity: capacity)
    }

    /// A multistatus holding one response.
    init(_ entry: MultistatusEntry) {
        writer = MultistatusWriter(capacity: 4096)
        add(entry)
    }

    /// Appends one `DAV:response`.
    mutating func add(_ entry: MultistatusEntry) {
        count += 1
        if let status = entry.status {
            writer.add(href: entry.href, status: status)
        } else {
            writer.add(
                href: entry.href,
                propstats: entry.propStats.map {
                    Propstat(status: $0.status, properties: $0.properties.map(Multistatus.property))
                })
        }
    }

    /// The 207 response.
    func response() -> DAVResponse {
        let finished = writer
        let body = finished.finish(syncToken: syncToken)
        return DAVResponse(
            status: 207,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }

    /// A property element as DAVXML's name/value pair.
    static func property(_ element: XMLElement) -> DAVProperty {
        if !element.children.isEmpty { return DAVProperty(element.name, .xml(element.children)) }
        if element.text.isEmpty { return DAVProperty(element.name, .empty) }
        return DAVProperty(element.name, .text(element.text))
    }
}
