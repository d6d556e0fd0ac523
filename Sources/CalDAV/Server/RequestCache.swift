/// Lookups one request may need several times; lives as long as the server, emptied per request.
///
/// Not shared across threads: a server value belongs to one worker.
final class RequestCache {
    /// Proxy access of the current user to a user's space, by owner name.
    var proxyAccess: [String: ProxyAccess] = [:]

    func clear() {
        proxyAccess.removeAll(keepingCapacity: true)
    }
}
