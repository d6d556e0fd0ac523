import CalDAV
import FastCGIFront
import Testing

@Suite struct CGIResponseEncoderTests {
    @Test func writesStatusHeadersAndBody() {
        let response = DAVResponse(
            status: 401,
            headers: [("WWW-Authenticate", "Basic realm=\"SabreDAV\""), ("WWW-Authenticate", "Digest realm=\"SabreDAV\"")],
            body: Array("no".utf8))
        let text = String(decoding: CGIResponseEncoder.encode(response), as: UTF8.self)
        #expect(
            text
                == "Status: 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"SabreDAV\"\r\n"
                + "WWW-Authenticate: Digest realm=\"SabreDAV\"\r\nContent-Length: 2\r\n\r\nno")
    }

    @Test func headKeepsTheLengthButDropsTheBody() {
        let response = DAVResponse(status: 200, headers: [("Content-Type", "text/calendar")], body: Array("abc".utf8))
        let text = String(decoding: CGIResponseEncoder.encode(response, forHead: true), as: UTF8.self)
        #expect(text == "Status: 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: 3\r\n\r\n")
    }

    @Test func headerValuesCannotSplitTheResponse() {
        let response = DAVResponse(status: 207, headers: [("X-A", "a\r\nSet-Cookie: x")])
        let text = String(decoding: CGIResponseEncoder.encode(response), as: UTF8.self)
        #expect(text.hasPrefix("Status: 207 Multi-Status\r\nX-A: a  Set-Cookie: x\r\n"))
    }

    @Test func noContentHasNoLength() {
        let text = String(decoding: CGIResponseEncoder.encode(DAVResponse(status: 204)), as: UTF8.self)
        #expect(text == "Status: 204 No Content\r\n\r\n")
    }
}

@Suite struct ListenAddressTests {
    @Test func parsesTheThreeForms() {
        #expect(ListenAddress("unix:/run/a.sock") == .unix(path: "/run/a.sock"))
        #expect(ListenAddress("tcp:127.0.0.1:9000") == .tcp(host: "127.0.0.1", port: 9000))
        #expect(ListenAddress("fd0") == .inherited)
        #expect(ListenAddress("tcp:nohost") == nil)
        #expect(ListenAddress("banana") == nil)
        #expect(ListenAddress("unix:/x").map(\.description) == "unix:/x")
    }
}
