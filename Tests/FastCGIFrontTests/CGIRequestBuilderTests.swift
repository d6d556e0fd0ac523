import CalDAV
import FastCGIFront
import Testing

@Suite struct CGIRequestBuilderTests {
    private func build(_ parameters: [String: String], body: [UInt8] = [], limit: Int = 100)
        -> Result<DAVRequest, CGIRequestBuilder.Failure>
    {
        var remaining = body[...]
        return CGIRequestBuilder.build(parameters: parameters, maxBodySize: limit) { max in
            let chunk = remaining.prefix(max)
            remaining = remaining.dropFirst(chunk.count)
            return Array(chunk)
        }
    }

    private func failure(of result: Result<DAVRequest, CGIRequestBuilder.Failure>) -> CGIRequestBuilder.Failure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    @Test func mapsParametersToARequest() throws {
        let result = build(
            [
                "REQUEST_METHOD": "propfind", "REQUEST_URI": "/calendars/alice/?x=1", "CONTENT_LENGTH": "3",
                "CONTENT_TYPE": "application/xml", "HTTP_AUTHORIZATION": "Basic YTpi", "HTTP_IF_NONE_MATCH": "*",
                "HTTP_PROXY": "http://evil", "REMOTE_ADDR": "127.0.0.1", "REMOTE_USER": "",
            ], body: Array("abc".utf8))
        let request = try result.get()
        #expect(request.method == "PROPFIND")
        #expect(request.uri == "/calendars/alice/?x=1")
        #expect(request.header("Authorization") == "Basic YTpi")
        #expect(request.header("if-none-match") == "*")
        #expect(request.header("content-type") == "application/xml")
        #expect(request.header("proxy") == nil)
        #expect(request.body == Array("abc".utf8))
        #expect(request.remoteAddress == "127.0.0.1")
        #expect(request.remoteUser == nil)
    }

    @Test func truncatedBodyIsABadRequest() {
        let result = build(["REQUEST_METHOD": "PUT", "REQUEST_URI": "/", "CONTENT_LENGTH": "10"], body: Array("short".utf8))
        guard case .failure(let failure) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.response.status == 400)
    }

    @Test func declaredLengthOverTheLimitIs413WithoutReading() {
        var reads = 0
        let result = CGIRequestBuilder.build(
            parameters: ["REQUEST_METHOD": "PUT", "REQUEST_URI": "/", "CONTENT_LENGTH": "101"], maxBodySize: 100
        ) { _ in
            reads += 1
            return []
        }
        #expect(reads == 0)
        #expect(failure(of: result) == .bodyTooLarge(limit: 100))
    }

    @Test func bodyWithoutLengthIsLimitedToo() {
        let result = build(["REQUEST_METHOD": "PUT", "REQUEST_URI": "/"], body: Array(repeating: 65, count: 101))
        #expect(failure(of: result) == .bodyTooLarge(limit: 100))
        let small = build(["REQUEST_METHOD": "PUT", "REQUEST_URI": "/"], body: Array(repeating: 65, count: 100))
        #expect((try? small.get().body.count) == 100)
    }

    @Test func badLengthIsABadRequest() {
        let result = build(["REQUEST_METHOD": "PUT", "REQUEST_URI": "/", "CONTENT_LENGTH": "-5"])
        #expect(failure(of: result) == .badBody("Bad Content-Length"))
    }

    @Test func uriFallsBackToScriptNameAndPathInfo() throws {
        let request = try build(
            ["REQUEST_METHOD": "GET", "SCRIPT_NAME": "/dav", "PATH_INFO": "/calendars/", "QUERY_STRING": "a=b"]
        ).get()
        #expect(request.uri == "/dav/calendars/?a=b")
    }
}

