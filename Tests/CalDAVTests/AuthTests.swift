import Storage
import Testing

@testable import CalDAV

@Suite struct AuthTests {
    @Test func missingCredentialsGetBothChallenges() {
        let test = TestServer()
        let response = test.send(
            "PROPFIND", "/", as: nil, headers: ["Depth": "0"], body: propfind("<D:current-user-principal/>"))
        #expect(response.status == 401)
        let challenges = response.headers.filter { $0.name == "WWW-Authenticate" }.map(\.value)
        #expect(challenges.count == 2)
        #expect(challenges.first?.hasPrefix("Basic realm=\"SabreDAV\"") == true)
        #expect(challenges.last?.hasPrefix("Digest realm=\"SabreDAV\",qop=\"auth\",nonce=\"") == true)
    }

    @Test func basicWithRightAndWrongPassword() {
        let test = TestServer()
        let ok = test.send("PROPFIND", "/", headers: ["Depth": "0"], body: propfind("<D:current-user-principal/>"))
        #expect(ok.status == 207)
        #expect(ok.text.contains("<d:href>/principals/alice/</d:href>"))
        let wrong = test.server.handle(
            DAVRequest(
                method: "PROPFIND", uri: "/",
                headers: ["Authorization": "Basic " + base64(Array("alice:nope".utf8)), "Depth": "0"]))
        #expect(wrong.status == 401)
    }

    @Test func optionsAndWellKnownNeedNoAuth() {
        let test = TestServer()
        let options = test.send("OPTIONS", "/calendars/alice/", as: nil)
        #expect(options.status == 200)
        #expect(options.header("DAV")?.contains("calendar-access") == true)
        #expect(options.header("Allow")?.contains("MKCALENDAR") == true)
        let wellKnown = test.send("PROPFIND", "/.well-known/caldav", as: nil)
        #expect(wellKnown.status == 301)
        #expect(wellKnown.header("Location") == "/")
    }

    /// Runs the RFC 7616 qop=auth exchange the way a client does.
    func digestRequest(
        _ test: TestServer, user: String, password: String, nonce: String, uri: String = "/principals/alice/"
    ) -> DAVResponse {
        let ha1 = MD5.hex("\(user):SabreDAV:\(password)")
        let ha2 = MD5.hex("PROPFIND:\(uri)")
        let response = MD5.hex("\(ha1):\(nonce):00000001:abcdef:auth:\(ha2)")
        let header =
            "Digest username=\"\(user)\", realm=\"SabreDAV\", nonce=\"\(nonce)\", uri=\"\(uri)\", qop=auth, nc=00000001, cnonce=\"abcdef\", response=\"\(response)\", algorithm=MD5"
        return test.server.handle(
            DAVRequest(
                method: "PROPFIND", uri: uri, headers: ["Authorization": header, "Depth": "0"],
                body: Array(propfind("<D:displayname/>").utf8)))
    }

    func nonce(from response: DAVResponse) -> String {
        let digest = response.headers.first { $0.name == "WWW-Authenticate" && $0.value.hasPrefix("Digest") }!.value
        let start = digest.range(of: "nonce=\"")!.upperBound
        return String(digest[start...].prefix { $0 != "\"" })
    }

    @Test func digestRoundTrip() {
        let test = TestServer()
        let challenge = test.send("PROPFIND", "/principals/alice/", as: nil)
        let nonceValue = nonce(from: challenge)
        #expect(digestRequest(test, user: "alice", password: "alice", nonce: nonceValue).status == 207)
        #expect(digestRequest(test, user: "alice", password: "wrong", nonce: nonceValue).status == 401)
        // A nonce this server did not sign is refused.
        #expect(digestRequest(test, user: "alice", password: "alice", nonce: "6b069b436210a").status == 401)
    }

    @Test func expiredNonceIsStale() {
        let test = TestServer()
        let nonceValue = nonce(from: test.send("PROPFIND", "/principals/alice/", as: nil))
        test.clock += 3600
        let response = digestRequest(test, user: "alice", password: "alice", nonce: nonceValue)
        #expect(response.status == 401)
        #expect(response.headers.contains { $0.value.contains("stale=true") })
    }

    @Test func noncesWorkAcrossServersSharingTheSecret() {
        let test = TestServer()
        let nonceValue = nonce(from: test.send("PROPFIND", "/principals/alice/", as: nil))
        test.server = test.makeServer()
        #expect(digestRequest(test, user: "alice", password: "alice", nonce: nonceValue).status == 207)
    }

    @Test func remoteUserOnlyWhenTrusted() {
        let test = TestServer()
        let request = DAVRequest(method: "PROPFIND", uri: "/", headers: ["Depth": "0"], remoteUser: "alice")
        #expect(test.server.handle(request).status == 401)
        test.configuration.trustRemoteUser = true
        test.server = test.makeServer()
        #expect(test.server.handle(request).status == 207)
    }
}

@Suite struct DigestURITests {
    @Test func digestForAnotherURIIsRefused() {
        let test = TestServer()
        let challenge = test.send("PROPFIND", "/principals/alice/", as: nil)
        let digest = challenge.headers.first { $0.value.hasPrefix("Digest") }!.value
        let nonce = String(digest[digest.range(of: "nonce=\"")!.upperBound...].prefix { $0 != "\"" })
        let ha1 = MD5.hex("alice:SabreDAV:alice")
        let ha2 = MD5.hex("PROPFIND:/principals/bob/")
        let response = MD5.hex("\(ha1):\(nonce):00000001:c:auth:\(ha2)")
        let header =
            "Digest username=\"alice\", realm=\"SabreDAV\", nonce=\"\(nonce)\", uri=\"/principals/bob/\", qop=auth, nc=00000001, cnonce=\"c\", response=\"\(response)\""
        let answer = test.server.handle(
            DAVRequest(method: "PROPFIND", uri: "/principals/alice/", headers: ["Authorization": header, "Depth": "0"]))
        #expect(answer.status == 400)
    }
}
