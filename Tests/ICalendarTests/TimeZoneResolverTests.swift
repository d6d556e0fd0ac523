import Testing

@testable import ICalendar

struct TimeZoneResolverTests {
    @Test func prefersOwnVTimeZoneThenIANAThenFloating() throws {
        var calendar = try FixtureLoader.calendar("outlook")
        var event = calendar.components[1]
        event.addProperty(ICalProperty("X-OTHER", rawValue: "20260101T100000", parameters: [ICalParameter("TZID", "Asia/Tokyo")]))
        event.addProperty(ICalProperty("X-BAD", rawValue: "20260101T100000", parameters: [ICalParameter("TZID", "Nowhere/Special")]))
        calendar.components[1] = event
        let resolver = TimeZoneResolver(calendar: calendar, floatingZone: .fixed(3600))
        #expect(resolver.unknownTZIDs == ["Nowhere/Special"])
        let start = try #require(event.dtstart)
        #expect(resolver.utcSeconds(start) == utc(2026, 4, 14, 8))
        #expect(resolver.zone(forTZID: "W. Europe Standard Time")?.isFixed == false)
        let tokyo = try #require(event.property("X-OTHER")?.dateTimeValue)
        #expect(resolver.utcSeconds(tokyo) == utc(2026, 1, 1, 1))
        // Unknown TZID: read as floating, in the floating zone.
        let bad = try #require(event.property("X-BAD")?.dateTimeValue)
        #expect(resolver.utcSeconds(bad) == utc(2026, 1, 1, 9))
        let floating = ICalDateTime(local: wall(2026, 1, 1, 10))
        #expect(resolver.utcSeconds(floating) == utc(2026, 1, 1, 9))
        #expect(resolver.utcSeconds(ICalDateTime(local: wall(2026, 1, 1), isDateOnly: true)) == utc(2025, 12, 31, 23))
        #expect(resolver.utcSeconds(.utc(12345)) == 12345)
    }

    @Test func ownVTimeZoneWinsOverIANAName() throws {
        // A VTIMEZONE called Europe/Berlin that (wrongly) says +0300 all year is still obeyed.
        let text = """
            BEGIN:VCALENDAR\r
            BEGIN:VTIMEZONE\r
            TZID:Europe/Berlin\r
            BEGIN:STANDARD\r
            DTSTART:19700101T000000\r
            TZOFFSETFROM:+0300\r
            TZOFFSETTO:+0300\r
            END:STANDARD\r
            END:VTIMEZONE\r
            BEGIN:VEVENT\r
            UID:x\r
            DTSTART;TZID=Europe/Berlin:20260101T100000\r
            END:VEVENT\r
            END:VCALENDAR\r

            """
        let calendar = try ICalComponent.parse(text)
        let resolver = TimeZoneResolver(calendar: calendar)
        #expect(resolver.utcSeconds(try #require(calendar.components[1].dtstart)) == utc(2026, 1, 1, 7))
        #expect(resolver.unknownTZIDs.isEmpty)
    }

    @Test func oldStyleTZIDWithoutVTimeZoneMapsToIANA() throws {
        let resolver = TimeZoneResolver(calendar: nil)
        let value = ICalDateTime(local: wall(2026, 7, 1, 9), zone: .tzid("/mozilla.org/20050126_1/America/New_York"))
        #expect(resolver.utcSeconds(value) == utc(2026, 7, 1, 13))
    }

    @Test func durationAddsNominalDaysAcrossDST() throws {
        let zone = try #require(ICalTimeZone.named("America/New_York"))
        let start = wall(2026, 3, 7, 9)
        // P1D keeps 09:00 local across the spring-forward night: 23 real hours.
        #expect(ICalDuration(days: 1).adding(to: start, in: zone) == utc(2026, 3, 8, 13))
        // PT24H is exact: 10:00 local the next day.
        #expect(ICalDuration(hours: 24).adding(to: start, in: zone) == utc(2026, 3, 8, 14))
    }
}
