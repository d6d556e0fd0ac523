import DAVXML
import Logging
import Storage

/// The CalDAV engine over one store: `DAVRequest` in, `DAVResponse` out (RFC 4918, RFC 4791, RFC 6638).
///
/// One value per worker thread, each over its own store (connection). The
/// clock and the id generator are injected so tests can fix them.
public struct CalDAVServer<Store: CalendarStore>: RequestHandler {
    /// The store this worker uses.
    public let store: Store
    /// The settings shared by every worker.
    public let configuration: ServerConfiguration
    /// Unix seconds now.
    let now: () -> Int64
    /// A fresh unique name (lower-case UUID) for new resources.
    let makeID: () -> String
    let logger: Logger
    let urls: URLPath
    let authenticator: Authenticator
    let propertyTable: PropertyTable<Store>
    /// Lookups reused within one request (proxy memberships); cleared when a request starts.
    let cache = RequestCache()

    /// Creates a server over `store`; `now` gives unix seconds, `makeID` a new lower-case UUID string.
    public init(
        store: Store, configuration: ServerConfiguration, now: @escaping () -> Int64,
        makeID: @escaping () -> String, logger: Logger = Logger(label: "almanac.caldav")
    ) {
        self.store = store
        self.configuration = configuration
        self.now = now
        self.makeID = makeID
        self.logger = logger
        self.urls = URLPath(basePath: configuration.basePath)
        self.authenticator = Authenticator(
            realm: configuration.realm, secret: configuration.digestSecret,
            nonceLifetime: configuration.nonceLifetime)
        self.propertyTable = PropertyTable.make()
    }

    /// Methods the engine implements, for OPTIONS and 405 answers.
    static var allowedMethods: [String] {
        [
            "OPTIONS", "GET", "HEAD", "DELETE", "PROPFIND", "PUT", "PROPPATCH", "COPY", "MOVE", "REPORT",
            "MKCALENDAR", "MKCOL", "LOCK", "UNLOCK", "ACL", "POST",
        ]
    }

    /// Answers one request; never throws, every failure becomes a status.
    public func handle(_ request: DAVRequest) -> DAVResponse {
        cache.clear()
        cache.requestNumber += 1
        let response = answer(request)
        if logger.logLevel <= .debug {
            requestLogger().debug(
                "\(request.method) \(request.uri) -> \(response.status)",
                metadata: ["user": "\(cache.username ?? "-")", "bytes": "\(response.body.count)"])
        }
        return response
    }

    /// The logger with this request's number as metadata; built only when something is logged.
    private func requestLogger() -> Logger {
        var logger = self.logger
        logger[metadataKey: "request"] = "\(cache.requestNumber)"
        return logger
    }

    private func answer(_ request: DAVRequest) -> DAVResponse {
        do {
            return try respond(request)
        } catch let error as DAVError {
            return error.response(urls: urls)
        } catch let error as StorageError {
            switch error {
            case .conflict(let what): return DAVError(409, nil, what).response(urls: urls)
            case .notFound(let what): return DAVError(404, nil, what).response(urls: urls)
            case .backend(let what):
                requestLogger().error("storage failure", metadata: ["error": "\(what)"])
                return DAVError(503, nil, "storage unavailable").response(urls: urls)
            }
        } catch let error as DAVXMLError {
            if case .tooLarge = error { return DAVError(413, nil, "XML body too large").response(urls: urls) }
            return DAVError.badRequest("bad XML body: \(error)").response(urls: urls)
        } catch {
            requestLogger().error("unexpected error", metadata: ["error": "\(error)"])
            return DAVError(500, nil, "internal error").response(urls: urls)
        }
    }

    private func respond(_ request: DAVRequest) throws -> DAVResponse {
        if request.body.count > configuration.maxBodySize {
            throw DAVError(413, nil, "request body larger than \(configuration.maxBodySize) bytes")
        }
        if let declared = request.header("content-length").flatMap({ Int($0.trimmingSpaces()) }),
            declared != request.body.count
        {
            throw DAVError.badRequest("body length does not match Content-Length")
        }
        if request.method == "OPTIONS" { return options() }
        guard let path = urls.resolve(request.uri) else { throw DAVError.notFound() }
        if path == .wellKnown {
            return DAVResponse(status: 301, headers: [("Location", configuration.basePath), ("Content-Length", "0")])
        }

        let timestamp = now()
        let user: AuthenticatedUser
        if configuration.trustRemoteUser, let remote = request.remoteUser, !remote.isEmpty {
            user = AuthenticatedUser(username: remote)
        } else {
            switch try authenticator.authenticate(request, store: store, now: timestamp) {
            case .authenticated(let found): user = found
            case .badRequest(let message): throw DAVError.badRequest(message)
            case .challenge(let stale):
                var response = DAVError(401, nil, "authentication required").response(urls: urls)
                response.headers.append(contentsOf: authenticator.challenges(now: timestamp, stale: stale))
                return response
            }
        }
        cache.username = user.username
        let context = RequestContext(request: request, path: path, user: user, now: timestamp)
        try concealAbsence(context)
        switch request.method {
        case "GET": return try get(context, includeBody: true)
        case "HEAD": return try get(context, includeBody: false)
        case "PUT": return try put(context)
        case "DELETE": return try delete(context)
        case "PROPFIND": return ReturnPreference.annotate(try propfind(context), for: request)
        case "PROPPATCH": return try proppatch(context)
        case "MKCALENDAR": return try mkcalendar(context, extended: false)
        case "MKCOL": return try mkcalendar(context, extended: true)
        case "COPY": return try copyOrMove(context, move: false)
        case "MOVE": return try copyOrMove(context, move: true)
        case "REPORT": return ReturnPreference.annotate(try report(context), for: request)
        case "LOCK": return try lock(context)
        case "UNLOCK": return try unlock(context)
        case "ACL": return try acl(context)
        case "POST": return try post(context)
        default:
            var error = DAVError(501, nil, "unknown method \(request.method)")
            error.headers = [("Allow", Self.allowedMethods.joined(separator: ", "))]
            throw error
        }
    }
}
