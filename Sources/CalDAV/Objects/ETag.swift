/// ETags as HTTP carries them: md5 hex in double quotes (RFC 7232 §2.3).
enum ETag {
    /// `"hex"`.
    static func quoted(_ etag: String) -> String { "\"\(etag)\"" }

    /// Checks If-Match and If-None-Match against the current ETag (nil: no resource).
    ///
    /// Throws 412, or 304 for a GET/HEAD whose If-None-Match matches (RFC 7232 §3.1–3.2).
    static func checkConditions(_ request: DAVRequest, current: String?) throws {
        if let ifMatch = request.header("if-match") {
            let tags = list(ifMatch)
            guard let current, tags.contains("*") || tags.contains(quoted(current)) || tags.contains(current) else {
                throw DAVError.preconditionFailed("If-Match failed")
            }
        }
        if let ifNoneMatch = request.header("if-none-match") {
            let tags = list(ifNoneMatch)
            if let current, tags.contains("*") || tags.contains(quoted(current)) || tags.contains(current) {
                if request.method == "GET" || request.method == "HEAD" {
                    throw DAVError(304, nil, "", headers: [("ETag", quoted(current))])
                }
                throw DAVError.preconditionFailed("If-None-Match failed")
            }
        }
    }

    /// The entity tags of a header list, weak markers dropped.
    private static func list(_ header: String) -> [String] {
        header.split(separator: ",").map { tag in
            var text = tag.trimmingSpaces()
            if text.hasPrefix("W/") { text.removeFirst(2) }
            return text
        }
    }
}
