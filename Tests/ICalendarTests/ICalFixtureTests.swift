import Testing

@testable import ICalendar

/// Real-client shaped objects survive parse → serialize → parse unchanged in meaning.
struct ICalFixtureTests {
    /// Properties that differ between otherwise equal objects (RFC 4791 practice).
    static let volatile: Set<String> = ["DTSTAMP", "PRODID"]

    /// Compares by meaning: same tree, same names, parameters and values, ignoring DTSTAMP/PRODID.
    static func meaning(_ component: ICalComponent) -> ICalComponent {
        var copy = component
        copy.properties.removeAll { volatile.contains($0.name) }
        copy.components = copy.components.map(meaning)
        return copy
    }

    @Test(arguments: FixtureLoader.clientFiles) func roundTripKeepsEverything(name: String) throws {
        let bytes = FixtureLoader.bytes(name)
        #expect(!bytes.isEmpty)
        let parsed = try ICalComponent.parse(bytes)
        let written = parsed.serialized()
        let reparsed = try ICalComponent.parse(written)
        #expect(reparsed == parsed)
        #expect(Self.meaning(reparsed) == Self.meaning(parsed))
        // Serializing again is stable.
        #expect(reparsed.serialized() == written)
        for line in written.split(separator: "\r\n") {
            #expect(line.utf8.count <= 75)
            #expect(!line.contains("\n"))
        }
        #expect(written.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test(arguments: FixtureLoader.clientFiles) func unfoldedLinesSurviveVerbatim(name: String) throws {
        // Every unfolded input line reappears in the output (modulo parameter quoting),
        // so nothing a client wrote is lost or reordered.
        let input = String(decoding: FixtureLoader.bytes(name), as: UTF8.self)
        let output = try ICalComponent.parse(input).serialized()
        func logical(_ text: String) -> [String] {
            text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
                .split(separator: "\r\n").map { $0.replacingOccurrences(of: "\"", with: "") }
        }
        #expect(logical(output) == logical(input))
    }

    @Test func appleDetailsSurvive() throws {
        let event = try FixtureLoader.calendar("apple-calendar").components[1]
        let structured = try #require(event.property("X-APPLE-STRUCTURED-LOCATION"))
        #expect(structured[parameter: "X-ADDRESS"] == #"One Apple Park Way\\nCupertino CA 95014\\nUnited States"#)
        #expect(structured[parameter: "X-TITLE"] == "Apple Park")
        #expect(structured.rawValue == "geo:37.334922,-122.009033")
        #expect(event.location == "Apple Park\nOne Apple Park Way, Cupertino CA 95014, United States")
        #expect(event.descriptionText == "Agenda:\n1. Roadmap\n2. Q&A – bring questions ☕️")
        #expect(event.attendees[1][parameter: "CN"] == "Bob O'Neil")
        #expect(event.components(named: "VALARM").first?[raw: "X-WR-ALARMUID"] == "1B7C9E0A-2F3D-4E5B-8A6C-7D8E9F0A1B2C")
    }

    @Test func outlookDetailsSurvive() throws {
        let calendar = try FixtureLoader.calendar("outlook")
        let event = calendar.components[1]
        #expect(calendar.method == "REQUEST")
        #expect(event.uid?.hasPrefix("040000008200E00074C5B7101A82E008") == true)
        #expect(event.uid?.hasSuffix("0100000001A2B3C4D5E6F708192A3B4C5D6E7F809") == true)
        #expect(event.organizer?.email == "petra.mueller@contoso.example")
        #expect(event.property("ORGANIZER")?[parameter: "CN"] == "Müller")  // unquoted comma ends the value
        #expect(event.property("X-ALT-DESC")?.rawValue.contains("charset=utf-8\"></head>") == true)
        #expect(event.descriptionText?.contains("Microsoft Teams-Besprechung\n") == true)
        #expect(event.dtstart?.tzid == "W. Europe Standard Time")
    }

    @Test func googleFoldWithLeadingSpaceKeepsTheSpace() throws {
        let event = try FixtureLoader.calendar("google").components[1]
        #expect(event.attendees.map { $0[parameter: "CN"] } == ["Chris Doe", "Sam Doe"])
        #expect(event.attendees.allSatisfy { $0[parameter: "X-NUM-GUESTS"] == "0" })
        #expect(event.components[0].property("TRIGGER")?.durationValue?.seconds == -1800)
    }
}
