import Storage

/// Schedule-Tag values and the `If-Schedule-Tag-Match` precondition (RFC 6638 §3.2.10, §3.3, §8.2–8.3).
///
/// A tag is the ETag the object had when its tag last changed, so `etag != tag`
/// means the server changed the object since (a merged reply), and rows sabre
/// wrote without a tag get one derived from their ETag.
enum ScheduleTag {
    /// The tag of a stored object: the stored one, else (sabre rows) the ETag of a scheduling object.
    static func current(of object: StoredObject) -> String? {
        if let tag = object.scheduleTag { return tag }
        guard let data = object.data, data.contains("\nORGANIZER") else { return nil }
        return object.etag
    }

    /// What `If-Schedule-Tag-Match` asks of a write.
    enum Condition {
        /// The header is absent.
        case none
        /// It matched and the object is as the tag left it.
        case matched
        /// It matched, but the server changed the object inconsequentially since: merge.
        case matchedChanged
    }

    /// Checks `If-Schedule-Tag-Match` against the object now stored (nil: none); 412 on mismatch.
    static func check(_ request: DAVRequest, existing: StoredObject?) throws -> Condition {
        guard let header = request.header("if-schedule-tag-match") else { return .none }
        let wanted = header.trimmingSpaces()
        guard let existing, let tag = current(of: existing), wanted == ETag.quoted(tag) || wanted == tag else {
            throw DAVError.preconditionFailed("If-Schedule-Tag-Match failed")
        }
        return existing.etag == tag ? .matched : .matchedChanged
    }
}
