import Storage
import Testing

@testable import CalDAV

@Suite struct SabreCompatibilityTests {
    /// Rows Almanac writes for sabre's stored bodies equal the rows sabre wrote.
    @Test(arguments: sabreObjectRows.indices)
    func putWritesTheRowSabreWrote(index: Int) throws {
        let row = sabreObjectRows[index]
        let test = TestServer(users: ["erin"])
        try test.store.createCalendar(
            principalURI: "principals/erin", uri: "fixture", properties: CalendarProperties(),
            components: row.components)
        let response = test.send(
            "PUT", "/calendars/erin/fixture/\(row.uri)", as: "erin",
            headers: ["Content-Type": "text/calendar; charset=utf-8"],
            body: row.body)
        #expect(response.status == 201)
        #expect(response.header("ETag") == "\"\(row.etag)\"")
        let stored = try #require(try test.store.object(named: row.uri, in: test.calendarID("erin", "fixture")))
        #expect(stored.etag == row.etag)
        #expect(stored.size == row.size)
        #expect(stored.data == row.body)
        #expect(stored.index.uid == row.uid)
        #expect(stored.index.componentType == row.type)
        #expect(stored.index.firstOccurrence == row.first)
        #expect(stored.index.lastOccurrence == row.last)
    }
}
