/// Lookups one request may need several times; lives as long as the server, emptied per request.
///
/// Not shared across threads: a server value belongs to one worker.
final class RequestCache {
    /// Proxy access of the current user to a user's space, by owner name.
    var proxyAccess: [String: ProxyAccess] = [:]
    /// The group principals (`principals/NAME/calendar-proxy-*`) the current user is a member of.
    var groups: Set<String>?
    /// Who the current request authenticated as, for the log line.
    var username: String?
    /// Requests this worker has answered; the log's request id.
    var requestNumber = 0

    func clear() {
        proxyAccess.removeAll(keepingCapacity: true)
        groups = nil
        username = nil
    }
}
