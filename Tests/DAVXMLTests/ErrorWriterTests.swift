import Testing

@testable import DAVXML

@Suite struct ErrorWriterTests {
    @Test func preconditionWithText() throws {
        let body = ErrorWriter.body(.validCalendarData, text: "Missing END:VEVENT & more")
        let root = try XMLElement.parse(body)
        #expect(root.name == .error)
        #expect(root.children == [XMLElement(.validCalendarData, text: "Missing END:VEVENT & more")])
        #expect(string(body).hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:error xmlns:d=\"DAV:\""))
    }

    @Test func controlCharactersNeverBreakTheDocument() throws {
        let body = ErrorWriter.body(.validCalendarData, text: "bad\u{1}byte\ttab\r\nline")
        #expect(try XMLElement.parse(body).child(.validCalendarData)?.text == "bad\u{FFFD}byte\ttab\r\nline")
    }

    @Test func needPrivilegesListsResources() throws {
        let root = try XMLElement.parse(
            ErrorWriter.needPrivileges([(href: "/calendars/frank/calendar/x.ics", privilege: .writeContent), (href: "/calendars/frank/calendar/", privilege: .bind)]))
        let resources = try #require(root.child(.needPrivileges)).children(.resource)
        #expect(resources.map(\.hrefs) == [["/calendars/frank/calendar/x.ics"], ["/calendars/frank/calendar/"]])
        #expect(resources.map { $0.child(.privilege)?.childNames } == [[.writeContent], [.bind]])
    }

    @Test func unsupportedReport() throws {
        #expect(try XMLElement.parse(ErrorWriter.unsupportedReport()).childNames == [.supportedReport])
    }

    @Test func scheduleResponse() throws {
        let body = ScheduleResponseWriter.body([
            ScheduleRecipientResult(
                recipient: "mailto:frank@example.net", requestStatus: "2.0;Success",
                calendarData: "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"),
            ScheduleRecipientResult(recipient: "mailto:nobody@example.org", requestStatus: "3.7;Invalid calendar user", error: .recipientExists),
        ])
        let root = try XMLElement.parse(body)
        #expect(root.name == .scheduleResponse)
        let responses = root.children(.calDAVResponse)
        #expect(responses.count == 2)
        #expect(responses[0].child(.recipient)?.hrefs == ["mailto:frank@example.net"])
        #expect(responses[0].child(.requestStatus)?.text == "2.0;Success")
        #expect(responses[0].child(.calendarData)?.text == "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n")
        #expect(responses[1].child(.error)?.childNames == [.recipientExists])
        #expect(responses[1].child(.calendarData) == nil)
        #expect(string(body).contains("<cal:schedule-response xmlns:d=\"DAV:\""))
    }

    @Test func lockResponse() throws {
        let body = LockResponseWriter.body(
            ActiveLock(scope: .shared, depthInfinity: true, owner: nil, timeoutSeconds: nil, token: "urn:uuid:1", root: "/a"))
        let root = try XMLElement.parse(body)
        #expect(root.name == .prop)
        let active = try #require(root.child(.lockDiscovery)?.child(.activeLock))
        #expect(active.child(.lockScope)?.childNames == [.shared])
        #expect(active.child(.lockType)?.childNames == [.write])
        #expect(active.child(.depth)?.text == "infinity")
        #expect(active.child(.timeout)?.text == "Infinite")
        #expect(!active.has(.owner))
    }

    @Test func sharedAs() throws {
        let root = try XMLElement.parse(ShareResponseWriter.sharedAs("/calendars/erin/a%20b/"))
        #expect(root.name == .sharedAs)
        #expect(root.hrefs == ["/calendars/erin/a%20b/"])
    }

    @Test func principalSearchPropertySet() throws {
        let root = try XMLElement.parse(
            PrincipalSearchPropertySetWriter.body([
                (name: .displayName, description: "Display name"), (name: .calendarUserAddressSet, description: "Calendar user addresses"),
            ]))
        #expect(root.name == .principalSearchPropertySet)
        let entries = root.children(.principalSearchProperty)
        #expect(entries.map { $0.child(.prop)?.childNames } == [[.displayName], [.calendarUserAddressSet]])
        #expect(entries.first?.child(.description)?.text == "Display name")
        #expect(entries.first?.child(.description)?.attribute("xml:lang") == "en")
    }

    @Test func statusLines() {
        #expect(HTTPStatus.line(424) == "424 Failed Dependency")
        #expect(HTTPStatus.line(507) == "507 Insufficient Storage")
        #expect(HTTPStatus.line(299) == "299 Status")
    }
}

@Suite struct PathEncodingTests {
    @Test func encodesWhatPathsNeed() {
        #expect(encodePath("/calendars/frank/hakone-offsite.ics") == "/calendars/frank/hakone-offsite.ics")
        #expect(encodePath("/calendars/frank/a b+c&d.ics") == "/calendars/frank/a%20b%2Bc%26d.ics")
        #expect(encodePath("/principals/ümit/") == "/principals/%C3%BCmit/")
        #expect(encodePath("/c/uid@example.com.ics") == "/c/uid@example.com.ics")
        #expect(encodePath("/c/100%?#") == "/c/100%25%3F%23")
    }

    @Test func decodesAndRejectsBadEscapes() {
        #expect(decodePath("/principals/%C3%BCmit/") == "/principals/ümit/")
        #expect(decodePath("/a%20b%2bc") == "/a b+c")
        #expect(decodePath("/plain") == "/plain")
        #expect(decodePath("/bad%2") == nil)
        #expect(decodePath("/bad%zz") == nil)
        #expect(decodePath("/bad%FF") == nil)
        for path in ["/a b/ümit/x?y#z%", "/calendars/é/", "/😀"] {
            #expect(decodePath(encodePath(path)) == path)
        }
    }
}
