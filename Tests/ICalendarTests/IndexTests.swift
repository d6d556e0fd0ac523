import Foundation
import Testing
@testable import ICalendar

@Suite struct IndexTests {
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("index")

    /// Every calendarobjects row of the sabre 4.7.1 fixture database: our index must equal sabre's.
    @Test func matchesSabreRows() throws {
        let table = try String(contentsOf: Self.fixtures.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var checked = 0
        for line in table.split(separator: "\n") {
            let cols = line.split(separator: "\t").map(String.init)
            let data = try String(contentsOf: Self.fixtures.appendingPathComponent(cols[0]), encoding: .utf8)
            let index = ObjectIndexer.index(of: ics(data))
            #expect(index.componentType == cols[1], "\(cols[0])")
            #expect(index.firstOccurrence == Int64(cols[2]), "\(cols[0]) first")
            #expect(index.lastOccurrence == Int64(cols[3]), "\(cols[0]) last")
            #expect(index.uid == cols[4], "\(cols[0])")
            checked += 1
        }
        #expect(checked == 13)
    }

    @Test func unboundedSeriesStoresHorizon() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VTIMEZONE
            TZID:X
            END:VTIMEZONE
            BEGIN:VEVENT
            UID:u
            DTSTART:20270101T090000Z
            DURATION:PT1H
            RRULE:FREQ=DAILY
            END:VEVENT
            END:VCALENDAR
            """)
        let index = ObjectIndexer.index(of: cal)
        #expect(index == ObjectIndex(uid: "u", componentType: "VEVENT", firstOccurrence: utc("20270101T090000Z"), lastOccurrence: 2_145_916_800))
    }

    @Test func overrideMovedPastSeriesEndWidensRange() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:o
            DTSTART:20270201T013000Z
            DTEND:20270201T020000Z
            RRULE:FREQ=WEEKLY;COUNT=3
            END:VEVENT
            BEGIN:VEVENT
            UID:o
            RECURRENCE-ID:20270208T013000Z
            DTSTART:20270601T013000Z
            DTEND:20270601T020000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let index = ObjectIndexer.index(of: cal)
        #expect(index.firstOccurrence == utc("20270201T013000Z"))
        #expect(index.lastOccurrence == utc("20270601T020000Z"))
    }

    @Test func runawaySeriesCountsAsUnbounded() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:s
            DTSTART:20270101T000000Z
            RRULE:FREQ=SECONDLY;COUNT=100000000
            END:VEVENT
            END:VCALENDAR
            """)
        let index = ObjectIndexer.index(of: cal, limits: .init(maxInstances: 1000))
        #expect(index.lastOccurrence == 2_145_916_800)
    }

    @Test func journalsAndTodosHaveNoOccurrences() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VJOURNAL
            UID:j
            DTSTART;VALUE=DATE:20270101
            END:VJOURNAL
            END:VCALENDAR
            """)
        #expect(ObjectIndexer.index(of: cal) == ObjectIndex(uid: "j", componentType: "VJOURNAL", firstOccurrence: nil, lastOccurrence: nil))
    }
}

@Suite struct IndexEdgeTests {
    @Test func excludedStartStillCountsAsFirstLikeSabre() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:x
            DTSTART:20270101T090000Z
            DTEND:20270101T100000Z
            RRULE:FREQ=DAILY;COUNT=3
            EXDATE:20270101T090000Z,20270103T090000Z
            END:VEVENT
            END:VCALENDAR
            """)
        let index = ObjectIndexer.index(of: cal)
        #expect(index.firstOccurrence == utc("20270101T090000Z"))
        #expect(index.lastOccurrence == utc("20270102T100000Z"))
    }

    @Test func allDayWithoutEndLastsOneDayAndFloatingIsUTC() {
        let cal = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:y
            DTSTART;VALUE=DATE:20270301
            END:VEVENT
            END:VCALENDAR
            """)
        #expect(ObjectIndexer.index(of: cal).lastOccurrence == utc("20270302T000000Z"))
        let floating = ics("""
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            UID:z
            DTSTART:20270301T100000
            END:VEVENT
            END:VCALENDAR
            """)
        let index = ObjectIndexer.index(of: floating)
        #expect(index.firstOccurrence == utc("20270301T100000Z") && index.lastOccurrence == utc("20270301T100000Z"))
    }
}
