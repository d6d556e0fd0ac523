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
    /// `DAV:error` content for a failed whole response.
    var error: XMLElement? = nil
}

/// A 207 body (RFC 4918 §13), optionally with the RFC 6578 sync token.
struct Multistatus {
    var entries: [MultistatusEntry] = []
    var syncToken: String? = nil

    /// The 207 response.
    func response() -> DAVResponse {
        var out = XMLOutput()
        out.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        out.open(PropertyName(.dav, "multistatus"), declaringCommon: true)
        for entry in entries {
            out.open(.response)
            out.element(XMLElement(.href, text: entry.href))
            for propStat in entry.propStats {
                out.open(.propStat)
                out.open(.prop)
                for property in propStat.properties { out.element(property) }
                out.close(.prop)
                out.element(XMLElement(.status, text: XMLOutput.statusLine(propStat.status)))
                out.close(.propStat)
            }
            if let status = entry.status { out.element(XMLElement(.status, text: XMLOutput.statusLine(status))) }
            if let error = entry.error { out.element(XMLElement(.error, children: [error])) }
            out.close(.response)
        }
        if let syncToken { out.element(XMLElement(.syncToken, text: syncToken)) }
        out.close(PropertyName(.dav, "multistatus"))
        let body = out.bytes
        return DAVResponse(
            status: 207,
            headers: [("Content-Type", "application/xml; charset=utf-8"), ("Content-Length", String(body.count))],
            body: body)
    }
}
