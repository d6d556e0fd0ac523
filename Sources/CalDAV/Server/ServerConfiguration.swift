/// Settings of one server; the same value is handed to every worker.
public struct ServerConfiguration: Sendable {
    /// HTTP auth realm; sabre's `SabreDAV` keeps existing `users.digesta1` hashes valid (RFC 7616 §3.3).
    public var realm: String
    /// The path the server is mounted at, with leading and trailing slash (`/`, `/dav/`).
    public var basePath: String
    /// Largest request body accepted, in bytes; larger gets 413.
    public var maxBodySize: Int
    /// Largest calendar object accepted (CALDAV:max-resource-size, RFC 4791 §5.2.5).
    public var maxResourceSize: Int
    /// Most ATTENDEE properties per component (CALDAV:max-attendees-per-instance, RFC 4791 §5.2.9).
    public var maxAttendeesPerInstance: Int
    /// Most instances a recurring object may expand to (CALDAV:max-instances, RFC 4791 §5.2.8).
    public var maxInstances: Int
    /// Most results a sync-collection REPORT returns before answering 507 (RFC 6578 §3.6).
    public var syncResultLimit: Int
    /// Trust `REMOTE_USER` from the web server instead of checking credentials ourselves.
    public var trustRemoteUser: Bool
    /// Secret that signs Digest nonces, shared by every worker so any can check any nonce.
    public var digestSecret: String
    /// Seconds a Digest nonce stays fresh; older ones get `stale=true` (RFC 7616 §3.3).
    public var nonceLifetime: Int64
    /// Bounds on free-busy answers (hostile availability and recurrence, RFC 7953 §8).
    public var freeBusyLimits = FreeBusyLimits()
    /// Where iTIP messages for calendar users of other servers go (iMIP); nil answers 3.7 (RFC 6638 §3.2.9).
    public var externalDelivery: (any ExternalScheduleDelivery)? = nil

    /// Creates a configuration; only the Digest secret has no sensible default.
    public init(
        realm: String = "SabreDAV", basePath: String = "/", maxBodySize: Int = 10 * 1024 * 1024,
        maxResourceSize: Int = 10 * 1024 * 1024, maxAttendeesPerInstance: Int = 100, maxInstances: Int = 3000,
        syncResultLimit: Int = 10_000, trustRemoteUser: Bool = false, digestSecret: String,
        nonceLifetime: Int64 = 300
    ) {
        self.realm = realm
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !base.hasSuffix("/") { base += "/" }
        self.basePath = base
        self.maxBodySize = maxBodySize
        self.maxResourceSize = maxResourceSize
        self.maxAttendeesPerInstance = maxAttendeesPerInstance
        self.maxInstances = maxInstances
        self.syncResultLimit = syncResultLimit
        self.trustRemoteUser = trustRemoteUser
        self.digestSecret = digestSecret
        self.nonceLifetime = nonceLifetime
    }
}
