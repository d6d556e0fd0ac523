import DAVXML

/// `Prefer: return=minimal` (RFC 7240 §4.2, RFC 8144 §2) and the older `Brief: t` for PROPFIND and REPORT.
enum ReturnPreference {
    /// Whether the client asked to leave out 404 propstats.
    static func prefersMinimal(_ request: DAVRequest) -> Bool {
        if let prefer = request.header("prefer")?.lowercased(), prefer.contains("return=minimal") { return true }
        return request.header("brief")?.trimmingSpaces().lowercased().hasPrefix("t") ?? false
    }

    /// Adds `Preference-Applied: return=minimal` when honoured, and `Vary` so caches keep both forms.
    static func annotate(_ response: DAVResponse, for request: DAVRequest) -> DAVResponse {
        guard response.status == 207 else { return response }
        var annotated = response
        if let prefer = request.header("prefer")?.lowercased(), prefer.contains("return=minimal") {
            annotated.headers.append(("Preference-Applied", "return=minimal"))
        }
        annotated.headers.append(("Vary", "Brief, Prefer"))
        return annotated
    }
}
