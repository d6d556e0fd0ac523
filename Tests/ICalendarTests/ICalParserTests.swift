import Testing

@testable import ICalendar

struct ICalParserTests {
    static let simple = """
        BEGIN:VCALENDAR\r
        VERSION:2.0\r
        PRODID:-//Test//EN\r
        BEGIN:VEVENT\r
        UID:abc-123\r
        DTSTART;TZID=Europe/Berlin:20260310T090000\r
        SUMMARY:Team meeting\\, weekly\r
        ATTENDEE;CN="Doe, Jane";PARTSTAT=ACCEPTED;MEMBER="mailto:a@x.org","mailto:b@x.org":mailto:jane@x.org\r
        X-CUSTOM;X-PARAM=foo:bar:baz\r
        BEGIN:VALARM\r
        ACTION:DISPLAY\r
        TRIGGER:-PT15M\r
        END:VALARM\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    @Test func parsesStructure() throws {
        let cal = try ICalComponent.parse(Self.simple)
        #expect(cal.name == "VCALENDAR")
        #expect(cal.properties.map(\.name) == ["VERSION", "PRODID"])
        let event = try #require(cal.components.first)
        #expect(event.name == "VEVENT")
        #expect(event.uid == "abc-123")
        #expect(event.summary == "Team meeting, weekly")
        #expect(event.components(named: "VALARM").count == 1)
        let attendee = try #require(event.property("ATTENDEE"))
        #expect(attendee[parameter: "cn"] == "Doe, Jane")
        #expect(attendee.parameterValues("MEMBER") == ["mailto:a@x.org", "mailto:b@x.org"])
        #expect(attendee.rawValue == "mailto:jane@x.org")
        #expect(event[raw: "X-CUSTOM"] == "bar:baz")
        #expect(event.property("X-CUSTOM")?[parameter: "X-PARAM"] == "foo")
    }

    @Test func namesAreCaseInsensitive() throws {
        let cal = try ICalComponent.parse("begin:vcalendar\nversion:2.0\nbegin:vevent\nuid:1\nend:VEVENT\nEnd:VCalendar\n")
        #expect(cal.name == "VCALENDAR")
        #expect(cal.components.first?.name == "VEVENT")
        #expect(cal[raw: "VERSION"] == "2.0")
    }

    @Test func acceptsUnderscoreInExtensionNames() throws {
        let cal = try ICalComponent.parse("BEGIN:VCALENDAR\r\nX-VENDOR_FLAG;X-P_Q=1:yes\r\nEND:VCALENDAR\r\n")
        #expect(cal.property("X-VENDOR_FLAG")?[parameter: "X-P_Q"] == "1")
    }

    @Test func unfoldsCRLFAndBareLF() throws {
        let crlf = "BEGIN:VCALENDAR\r\nX-A:abc\r\n def\r\n\tghi\r\nEND:VCALENDAR\r\n"
        let lf = "BEGIN:VCALENDAR\nX-A:abc\n def\n\tghi\nEND:VCALENDAR"
        #expect(try ICalComponent.parse(crlf)[raw: "X-A"] == "abcdefghi")
        #expect(try ICalComponent.parse(lf)[raw: "X-A"] == "abcdefghi")
    }

    @Test func unfoldsInsideUTF8Sequence() throws {
        // "ü" is C3 BC; "😀" is F0 9F 98 80: fold between their bytes.
        var bytes = Array("BEGIN:VCALENDAR\r\nSUMMARY:Gr".utf8)
        bytes += [0xC3, 0x0D, 0x0A, 0x20, 0xBC, 0x65, 0xF0, 0x9F, 0x0D, 0x0A, 0x20, 0x98, 0x80]
        bytes += Array("\r\nEND:VCALENDAR\r\n".utf8)
        let cal = try ICalComponent.parse(bytes)
        #expect(cal.summary == "Grüe😀")
    }

    @Test func keepsParameterEdgeCases() throws {
        let text = "BEGIN:VCALENDAR\r\nX-P;A=\"x;y:z\";B=;C=^'quoted^' and ^^ line^nbreak:v\r\nEND:VCALENDAR\r\n"
        let p = try #require(try ICalComponent.parse(text).property("X-P"))
        #expect(p[parameter: "A"] == "x;y:z")
        #expect(p[parameter: "B"] == "")
        #expect(p[parameter: "C"] == "\"quoted\" and ^ line\nbreak")
        #expect(p.rawValue == "v")
    }

    @Test func skipsBlankLinesAndBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("BEGIN:VCALENDAR\r\n\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n\r\n\r\n".utf8)
        #expect(try ICalComponent.parse(bytes)[raw: "VERSION"] == "2.0")
    }

    @Test func parseAllReadsSeveralRoots() throws {
        let roots = try ICalParser().parseAll("BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n")
        #expect(roots.count == 2)
        #expect(throws: ICalError(.multipleRootComponents, line: 3)) {
            try ICalComponent.parse("BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n")
        }
    }

    static let errorCases: [(String, ICalError)] = [
        ("", ICalError(.emptyInput, line: 0)),
        ("\r\n\r\n", ICalError(.emptyInput, line: 0)),
        ("VERSION:2.0\r\n", ICalError(.expectedBegin, line: 1)),
        ("BEGIN:VCALENDAR\r\nVERSION 2.0\r\nEND:VCALENDAR\r\n", ICalError(.expectedColon, line: 2)),
        ("BEGIN:VCALENDAR\r\n:2.0\r\nEND:VCALENDAR\r\n", ICalError(.invalidName, line: 2)),
        ("BEGIN:VCALENDAR\r\nX;A:1\r\nEND:VCALENDAR\r\n", ICalError(.expectedEquals, line: 2)),
        ("BEGIN:VCALENDAR\r\nX;A=\"1:2\r\nEND:VCALENDAR\r\n", ICalError(.unterminatedQuote, line: 2)),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
         ICalError(.mismatchedEnd(expected: "VEVENT", found: "VTODO"), line: 3)),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n",
         ICalError(.mismatchedEnd(expected: nil, found: "VCALENDAR"), line: 3)),
        ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\n long fold\r\n", ICalError(.unterminatedComponent("VEVENT"), line: 2)),
        ("BEGIN:VCALENDAR\r\nX-A:a\r\n b\r\nBEGIN:\r\n", ICalError(.missingComponentName, line: 4)),
    ]

    @Test(arguments: 0..<errorCases.count) func reportsErrorsWithLineNumbers(index: Int) {
        let (text, expected) = Self.errorCases[index]
        #expect(throws: expected) { try ICalComponent.parse(text) }
    }

    @Test func errorDescriptionNamesLineAndExpectation() {
        let error = ICalError(.mismatchedEnd(expected: "VEVENT", found: "VTODO"), line: 7)
        #expect(error.description == "line 7: expected END:VEVENT, found END:VTODO")
    }

    @Test func limitsDepth() {
        let deep = String(repeating: "BEGIN:X\r\n", count: 100) + String(repeating: "END:X\r\n", count: 100)
        #expect(throws: ICalError(.tooDeep(limit: 32), line: 33)) { try ICalComponent.parse(deep) }
        #expect(throws: Never.self) { try ICalParser(maxDepth: 200).parse(deep) }
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let bytes = Array("BEGIN:VCALENDAR\r\nSUMMARY:a".utf8) + [0xFF, 0xC3] + Array("\r\nEND:VCALENDAR\r\n".utf8)
        let cal = try ICalComponent.parse(bytes)
        #expect(cal.summary == "a\u{FFFD}\u{FFFD}")
    }
}
