import Testing

@testable import ICalendar

struct ICalSerializerTests {
    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\r\n", omittingEmptySubsequences: false).dropLast().map { $0 }
    }

    @Test func writesCRLFAndBeginEnd() {
        var event = ICalComponent("vevent")
        event.addProperty(ICalProperty("UID", rawValue: "1"))
        let calendar = ICalComponent("VCALENDAR", properties: [ICalProperty("VERSION", rawValue: "2.0")], components: [event])
        #expect(calendar.serialized() == "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    }

    @Test func foldsAt75OctetsWithoutSplittingUTF8() throws {
        for filler in ["a", "ü", "€", "😀", "aü€😀"] {
            let text = String(repeating: filler, count: 90)
            let calendar = ICalComponent("VCALENDAR", properties: [ICalProperty("SUMMARY", text: text)])
            let output = calendar.serialized()
            for line in Self.lines(output) {
                #expect(line.utf8.count <= 75)
                // Each physical line must itself be valid UTF-8 (no split sequence).
                #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil)
            }
            #expect(try ICalComponent.parse(output).summary == text)
        }
    }

    @Test func foldsExactlyAtTheLimit() {
        let value = String(repeating: "x", count: 75 - "SUMMARY:".count)
        let calendar = ICalComponent("VCALENDAR", properties: [ICalProperty("SUMMARY", rawValue: value), ICalProperty("X-A", rawValue: value + "yyyyy")])
        let lines = Self.lines(calendar.serialized())
        #expect(lines[1] == "SUMMARY:" + value)
        #expect(lines[2] == "X-A:" + value + "yyyy")
        #expect(lines[3] == " y")
    }

    @Test func quotesParameterValuesThatNeedIt() throws {
        let property = ICalProperty(
            "ATTENDEE", rawValue: "mailto:a@example.org",
            parameters: [
                ICalParameter("CN", "Doe, Jane"), ICalParameter("X-A", "a;b"), ICalParameter("X-B", "http://x"),
                ICalParameter("MEMBER", ["mailto:g1@x", "mailto:g2@x"]), ICalParameter("X-C", "plain"),
                ICalParameter("X-D", "say \"hi\"\nbye ^"),
            ])
        let calendar = ICalComponent("VCALENDAR", properties: [property])
        let text = calendar.serialized()
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains(
                "ATTENDEE;CN=\"Doe, Jane\";X-A=\"a;b\";X-B=\"http://x\";MEMBER=\"mailto:g1@x\",\"mailto:g2@x\";X-C=plain;X-D=say ^'hi^'^nbye ^^:mailto:a@example.org"
            ))
        #expect(try ICalComponent.parse(text).properties == [property])
    }

    @Test func rawValuesAreWrittenAsKept() throws {
        let text = "BEGIN:VCALENDAR\r\nX-WEIRD;X-P=1:a\\,b\\nc;d,e\\x\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU\r\nEND:VCALENDAR\r\n"
        #expect(try ICalComponent.parse(text).serialized() == text)
    }

    @Test func strayLineBreaksInRawValuesCannotBreakStructure() throws {
        let calendar = ICalComponent("VCALENDAR", properties: [ICalProperty("X-A", rawValue: "one\r\nEND:VCALENDAR\ntwo")])
        let reparsed = try ICalComponent.parse(calendar.serialized())
        #expect(reparsed.properties.count == 1)
        #expect(reparsed[raw: "X-A"] == "oneEND:VCALENDARtwo")
    }
}
