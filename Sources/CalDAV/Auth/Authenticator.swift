import Storage

/// The outcome of checking an Authorization header (RFC 7235 §3.1).
enum AuthOutcome {
    case authenticated(AuthenticatedUser)
    /// No or wrong credentials; `stale` when only the Digest nonce had expired.
    case challenge(stale: Bool)
    /// Unparseable Authorization header.
    case badRequest(String)
}

/// HTTP Basic (RFC 7617) and Digest (RFC 7616, qop=auth, MD5) against `users.digesta1`.
///
/// Digest nonces carry their own creation time signed with the server secret,
/// so every worker (and every process) can check them without shared state.
struct Authenticator {
    let realm: String
    let secret: String
    let nonceLifetime: Int64

    /// Checks the request's credentials against `store`.
    func authenticate<Store: PrincipalStore>(_ request: DAVRequest, store: Store, now: Int64) throws -> AuthOutcome {
        guard let header = request.header("authorization") else { return .challenge(stale: false) }
        let trimmed = header.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return .badRequest("malformed Authorization header") }
        let scheme = trimmed[..<space].lowercased()
        let rest = trimmed[trimmed.index(after: space)...]
        switch scheme {
        case "basic":
            guard let decoded = Base64.decode(rest.filter { $0 != " " }[...]),
                let text = String(validating: decoded, as: UTF8.self),
                let colon = text.firstIndex(of: ":")
            else { return .badRequest("malformed Basic credentials") }
            let username = String(text[..<colon])
            let password = String(text[text.index(after: colon)...])
            guard let user = try store.user(named: username),
                MD5.hex("\(username):\(realm):\(password)") == user.digestA1.lowercased()
            else { return .challenge(stale: false) }
            return .authenticated(AuthenticatedUser(username: username))
        case "digest":
            let credentials = DigestCredentials.parse(rest)
            // The digest must be for this request's target, or it could be replayed elsewhere (RFC 7616 §3.4.6).
            if let uri = credentials["uri"], uri != request.uri, !(uri.contains("://") && uri.hasSuffix(request.uri)) {
                return .badRequest("Digest uri does not match the request target")
            }
            return try digest(credentials, method: request.method, store: store, now: now)
        default:
            return .challenge(stale: false)
        }
    }

    private func digest<Store: PrincipalStore>(
        _ credentials: [String: String], method: String, store: Store, now: Int64
    ) throws -> AuthOutcome {
        guard let username = credentials["username"], let nonce = credentials["nonce"],
            let uri = credentials["uri"], let response = credentials["response"]
        else { return .badRequest("incomplete Digest credentials") }
        if let algorithm = credentials["algorithm"], algorithm.uppercased() != "MD5" { return .challenge(stale: false) }
        guard credentials["realm"] == realm, let issued = nonceTime(nonce) else { return .challenge(stale: false) }
        guard let user = try store.user(named: username) else { return .challenge(stale: false) }
        let ha1 = user.digestA1.lowercased()
        let ha2 = MD5.hex("\(method):\(uri)")
        let expected: String
        if let qop = credentials["qop"] {
            guard qop == "auth", let nc = credentials["nc"], let cnonce = credentials["cnonce"] else {
                return .challenge(stale: false)
            }
            expected = MD5.hex("\(ha1):\(nonce):\(nc):\(cnonce):\(qop):\(ha2)")
        } else {
            expected = MD5.hex("\(ha1):\(nonce):\(ha2)")
        }
        guard expected == response.lowercased() else { return .challenge(stale: false) }
        guard now - issued <= nonceLifetime, issued <= now + 60 else { return .challenge(stale: true) }
        return .authenticated(AuthenticatedUser(username: username))
    }

    /// A nonce: hex creation time, a dash, and an MD5 signature of time and secret.
    func makeNonce(now: Int64) -> String {
        let time = String(now, radix: 16)
        return time + "-" + MD5.hex("\(time):\(secret)")
    }

    /// The creation time of a nonce this server signed, or nil.
    func nonceTime(_ nonce: String) -> Int64? {
        guard let dash = nonce.firstIndex(of: "-") else { return nil }
        let time = String(nonce[..<dash])
        guard MD5.hex("\(time):\(secret)") == nonce[nonce.index(after: dash)...] else { return nil }
        return Int64(time, radix: 16)
    }

    /// The two challenges of a 401, Basic first then Digest, as sabre sends them.
    func challenges(now: Int64, stale: Bool) -> [(name: String, value: String)] {
        let opaque = MD5.hex(realm)
        var digest = "Digest realm=\"\(realm)\",qop=\"auth\",nonce=\"\(makeNonce(now: now))\",opaque=\"\(opaque)\""
        digest += ",algorithm=MD5"
        if stale { digest += ",stale=true" }
        return [
            ("WWW-Authenticate", "Basic realm=\"\(realm)\", charset=\"UTF-8\""),
            ("WWW-Authenticate", digest),
        ]
    }
}
