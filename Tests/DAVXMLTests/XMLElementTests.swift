import Testing

@testable import DAVXML

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct XMLElementTests {
    @Test func parsesNamespacesPrefixesAndDefaultNamespace() throws {
        let root = try XMLElement.parse(
            bytes(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <calendar-query xmlns:D="DAV:" xmlns="urn:ietf:params:xml:ns:caldav">
                  <D:prop><D:getetag/><x:foo xmlns:x="urn:x" x:attr="1" plain="a&amp;b"/></D:prop>
                  <filter><comp-filter name="VCALENDAR"/></filter>
                </calendar-query>
                """))
        #expect(root.name == .calendarQuery)
        let prop = try #require(root.child(.prop))
        #expect(prop.childNames == [.getETag, PropertyName(.other("urn:x"), "foo")])
        #expect(prop.children[1].attributes["plain"] == "a&b")
        #expect(root.child(.filter)?.child(.compFilter)?.attribute("name") == "VCALENDAR")
        // Whitespace between children is not kept as text.
        #expect(root.text.isEmpty)
    }

    @Test func keepsTextEntitiesAndCDATA() throws {
        let root = try XMLElement.parse(bytes("<D:displayname xmlns:D=\"DAV:\">Erin&apos;s &lt;planner&gt; <![CDATA[a<b]]></D:displayname>"))
        #expect(root.text == "Erin's <planner> a<b")
    }

    @Test func refusesExternalEntities() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <D:propfind xmlns:D="DAV:"><D:prop><D:displayname>&xxe;</D:displayname></D:prop></D:propfind>
            """
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try XMLElement.parse(bytes(xxe)) }
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try PropfindRequest.parse(bytes(xxe)) }
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try ReportRequest.parse([0xEF, 0xBB, 0xBF] + bytes("\n  " + xxe)) }
        let externalDTD = "<!DOCTYPE propfind SYSTEM \"http://127.0.0.1:1/evil.dtd\"><propfind xmlns=\"DAV:\"/>"
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try PropfindRequest.parse(bytes(externalDTD)) }
        let parameterEntity = "<!DOCTYPE a [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><a/>"
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try XMLElement.parse(bytes(parameterEntity)) }
    }

    @Test func refusesDoctypeAfterCommentsAndInternalEntityExpansion() {
        let laughs = """
            <?xml version="1.0"?><!-- hi --><?pi x?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        #expect(throws: DAVXMLError.doctypeNotAllowed) { try XMLElement.parse(bytes(laughs)) }
    }

    @Test func undeclaredEntityReferenceIsRefused() {
        do {
            let root = try XMLElement.parse(bytes("<a>&xxe;</a>"))
            Issue.record("parsed \(root)")
        } catch {
            switch error {
            case .malformed, .doctypeNotAllowed: break
            default: Issue.record("unexpected \(error)")
            }
        }
    }

    @Test(arguments: [
        "<a><b></a>", "<a>", "<a></b>", "not xml", "<a>x</a><b/>", "<a xmlns:p=\"urn:p\"><q:b/></a>", "<a attr=1/>",
        "<a>&amp</a>", "<a>x & y</a>", "<a></a>trailing", "<a b=\"1\" b=\"2\"/>", "<a b=\"<\"/>", "<a>\u{0}</a>",
    ])
    func malformedBodiesThrowMalformed(_ body: String) {
        do {
            let root = try XMLElement.parse(bytes(body))
            Issue.record("parsed \(root)")
        } catch {
            guard case .malformed = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
        }
    }

    @Test func invalidUTF8IsMalformed() {
        #expect(throws: (any Error).self) { try XMLElement.parse(bytes("<a>") + [0xC3, 0x28] + bytes("</a>")) }
    }

    @Test func emptyBodyIsTyped() {
        #expect(throws: DAVXMLError.emptyBody) { try XMLElement.parse([]) }
        #expect(throws: DAVXMLError.emptyBody) { try XMLElement.parse(bytes("  \n")) }
    }

    @Test func enforcesSizeAndDepthLimits() {
        let big = bytes("<a>" + String(repeating: "x", count: 2000) + "</a>")
        #expect(throws: DAVXMLError.tooLarge(limit: 1000)) { try XMLElement.parse(big, limits: XMLLimits(maxBytes: 1000)) }
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(throws: DAVXMLError.tooDeep(limit: 64)) { try XMLElement.parse(bytes(deep)) }
        let wide = "<a>" + String(repeating: "<b/>", count: 101) + "</a>"
        #expect(throws: DAVXMLError.tooManyElements(limit: 100)) { try XMLElement.parse(bytes(wide), limits: XMLLimits(maxElements: 100)) }
        #expect(throws: Never.self) { try XMLElement.parse(bytes(wide), limits: XMLLimits(maxElements: 102)) }
        let ok = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        #expect(throws: Never.self) { try XMLElement.parse(bytes(ok)) }
    }

    @Test func refusesUTF16() {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<a/>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: (any Error).self) { try XMLElement.parse(utf16) }
    }

    @Test func innerXMLStandsAloneAndParsesBack() throws {
        let value = XMLElement(
            PropertyName(.other("http://example.com/ns"), "bag"),
            children: [
                XMLElement(.href, text: "/a&b"),
                XMLElement(PropertyName(.other("urn:y"), "item"), attributes: ["k": "v\"w"], children: [XMLElement(PropertyName(.other("urn:y"), "inner"), text: "<t>")]),
                XMLElement(PropertyName(.other(""), "bare"), text: "no ns"),
            ])
        let inner = value.innerXML
        #expect(inner.contains("xmlns:d=\"DAV:\""))
        #expect(inner.contains("&amp;"))
        let back = try XMLElement.parse(name: value.name, innerXML: inner)
        #expect(back == value)
        // Text-only values round-trip too.
        let text = XMLElement(.calendarColor, text: "#FF0000 & <b>")
        #expect(try XMLElement.parse(name: .calendarColor, innerXML: text.innerXML) == text)
    }

    @Test func parsesInnerXMLStoredWithClientPrefixes() throws {
        let element = try XMLElement.parse(name: .groupMemberSet, innerXML: "<D:href>/principals/erin/</D:href>")
        #expect(element.children == [XMLElement(.href, text: "/principals/erin/")])
    }

    @Test func outerXMLIsParseable() throws {
        let element = XMLElement(.owner, children: [XMLElement(.href, text: "mailto:a@b")])
        #expect(try XMLElement.parse(bytes(element.outerXML)) == element)
    }
}

@Suite struct ConcurrentParsingTests {
    @Test func parsesOnManyThreadsAtOnce() async throws {
        let body = bytes(
            "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/><D:displayname/></D:prop></D:propfind>")
        let results = try await withThrowingTaskGroup(of: PropertySelection.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    var last = PropertySelection.propname
                    for _ in 0..<50 { last = try PropfindRequest.parse(body) }
                    return last
                }
            }
            var all: [PropertySelection] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32)
        #expect(results.allSatisfy { $0 == .prop([.getETag, .displayName]) })
    }

    @Test func errorsDescribeThemselves() {
        #expect(DAVXMLError.missingElement(.href).description == "missing element {DAV:}href")
        #expect(DAVXMLError.tooDeep(limit: 3).description.contains("3"))
    }
}
