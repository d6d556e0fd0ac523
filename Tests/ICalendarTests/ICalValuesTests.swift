import Testing

@testable import ICalendar

struct ICalValuesTests {
    @Test func textEscapesRoundTrip() {
        let plain = "a,b;c\\d\nline2"
        #expect(ICalText.escape(plain) == "a\\,b\\;c\\\\d\\nline2")
        #expect(ICalText.unescape("a\\,b\\;c\\\\d\\nline2\\Nx") == plain + "\nx")
        #expect(ICalText.escape("crlf\r\nhere") == "crlf\\nhere")
        #expect(ICalText.unescape("keep \\x and trailing \\") == "keep \\x and trailing \\")
        #expect(ICalText.splitList("a\\,b,c,d\\\\") == ["a,b", "c", "d\\"])
        var property = ICalProperty("CATEGORIES", rawValue: "")
        property.textValues = ["Work", "a,b"]
        #expect(property.rawValue == "Work,a\\,b")
        #expect(property.textValues == ["Work", "a,b"])
        property.textValue = "x;y"
        #expect(property.rawValue == "x\\;y")
    }

    @Test func dateAndDateTimeForms() throws {
        let date = try #require(ICalDateTime(parsing: "20260704"))
        #expect(date.isDateOnly && date.local == LocalDateTime(year: 2026, month: 7, day: 4))
        let utcValue = try #require(ICalDateTime(parsing: "20260615T170000Z", tzid: "Ignored/Zone"))
        #expect(utcValue.zone == .utc)
        let zoned = try #require(ICalDateTime(parsing: "20260310T100000", tzid: "America/New_York"))
        #expect(zoned.zone == .tzid("America/New_York"))
        #expect(ICalDateTime(parsing: "20260310T100000")?.zone == .floating)
        for bad in ["2026070", "20260230", "20261301", "20260310T250000", "20260310X100000", "2026031OT100000", "", "20260310T100000ZZ"] {
            #expect(ICalDateTime(parsing: bad) == nil, "\(bad)")
        }
        #expect(ICalDateTime.parseList("20260330T090000,20260406T090000", tzid: "Europe/Berlin")?.count == 2)
        #expect(ICalDateTime.parseList("20260330T090000,bad") == nil)
    }

    @Test func dateTimePropertyAccessorsAndSetters() throws {
        let calendar = try FixtureLoader.calendar("thunderbird")
        let event = calendar.components[1]
        #expect(event.dtstart == ICalDateTime(local: wall(2026, 1, 12, 9), zone: .tzid("Europe/Berlin")))
        #expect(event.exceptionDates.map(\.local) == [wall(2026, 3, 30, 9), wall(2026, 4, 6, 9)])
        var changed = event
        changed.dtstart = ICalDateTime(local: wall(2026, 2, 1), isDateOnly: true)
        let property = try #require(changed.property("DTSTART"))
        #expect(property.rawValue == "20260201")
        #expect(property[parameter: "VALUE"] == "DATE")
        #expect(property.hasParameter("TZID") == false)
        changed.dtstart = .utc(0)
        #expect(changed.property("DTSTART")?.rawValue == "19700101T000000Z")
        #expect(changed.property("DTSTART")?.hasParameter("VALUE") == false)
        changed.dtend = nil
        #expect(changed.property("DTEND") == nil)
        let made = ICalProperty("EXDATE", dateTime: ICalDateTime(local: wall(2026, 5, 1, 8), zone: .tzid("Asia/Tokyo")))
        #expect(made.rawValue == "20260501T080000" && made.tzid == "Asia/Tokyo")
    }

    @Test func durations() throws {
        let cases: [(String, Int64, String)] = [
            ("-PT15M", -900, "-PT15M"), ("P1W", 604_800, "P1W"), ("P1DT2H3M4S", 93_784, "P1DT2H3M4S"),
            ("PT0S", 0, "PT0S"), ("+P2D", 172_800, "P2D"), ("-P0DT0H30M0S", -1800, "-PT30M"), ("PT1H", 3600, "PT1H"),
            ("P1W2D", 777_600, "P9D"),
        ]
        for (text, seconds, canonical) in cases {
            let duration = try #require(ICalDuration(parsing: text), "\(text)")
            #expect(duration.seconds == seconds, "\(text)")
            #expect(duration.description == canonical, "\(text)")
            #expect(ICalDuration(parsing: canonical)?.seconds == seconds)
        }
        for bad in ["", "P", "PT", "1D", "P1H", "PT1D", "P1DT", "P-1D", "PXD", "P99999999999D", "P1D2"] {
            #expect(ICalDuration(parsing: bad) == nil, "\(bad)")
        }
        #expect(ICalDuration(totalSeconds: -90_061).description == "-P1DT1H1M1S")
        #expect(ICalDuration(parsing: "P1W")?.nominalDays == 7)
        #expect(ICalDuration(parsing: "-P1DT1H")?.timeSeconds == -3600)
    }

    @Test func periods() throws {
        let explicit = try #require(ICalPeriod(parsing: "19970101T180000Z/19970102T070000Z"))
        #expect(explicit.end == .utc(utc(1997, 1, 2, 7)))
        let relative = try #require(ICalPeriod(parsing: "19970101T180000Z/PT5H30M"))
        #expect(relative.duration?.seconds == 19_800)
        #expect(relative.description == "19970101T180000Z/PT5H30M")
        let resolver = TimeZoneResolver(calendar: nil)
        #expect(relative.endUTC(resolver) == utc(1997, 1, 1, 23, 30))
        #expect(ICalPeriod(parsing: "19970101/19970102") == nil)
        #expect(ICalPeriod(parsing: "19970101T180000Z") == nil)
        let property = ICalProperty("RDATE", rawValue: "19970101T180000Z/PT1H,19970102T180000Z/19970102T190000Z", parameters: [ICalParameter("VALUE", "PERIOD")])
        #expect(property.periodValues.count == 2)
        #expect(property.dateTimeValues.isEmpty)
    }

    @Test func utcOffsets() {
        #expect(ICalUTCOffset(parsing: "+0100")?.seconds == 3600)
        #expect(ICalUTCOffset(parsing: "-0430")?.seconds == -16_200)
        #expect(ICalUTCOffset(parsing: "+005328")?.seconds == 3208)
        #expect(ICalUTCOffset(seconds: -16_200).description == "-0430")
        #expect(ICalUTCOffset(seconds: 3208).description == "+005328")
        for bad in ["0100", "+100", "+2500", "+0160", "+01000", "x"] {
            #expect(ICalUTCOffset(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func calendarAddresses() throws {
        let a = CalendarAddress("MAILTO:John.Smith@Fabrikam.example")
        let b = CalendarAddress(" mailto:john.smith@fabrikam.example ")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a.normalized == "mailto:john.smith@fabrikam.example")
        #expect(a.email == "John.Smith@Fabrikam.example")
        #expect(a.canonical == "mailto:John.Smith@Fabrikam.example")
        #expect(CalendarAddress("urn:uuid:1234").email == nil)
        #expect(CalendarAddress("urn:uuid:1234").scheme == "urn")
        let outlook = try FixtureLoader.calendar("outlook").components[1]
        #expect(outlook.organizer == .mailto("petra.mueller@contoso.example"))
        #expect(outlook.attendee(.mailto("john.smith@fabrikam.example"))?[parameter: "CN"] == "Smith, John")
    }

    @Test func componentConveniences() throws {
        var event = ICalComponent("VEVENT")
        event.uid = "u,1"
        event.summary = "Lunch; with Bob"
        event.sequence = 3
        event.duration = ICalDuration(hours: 1)
        #expect(event[raw: "UID"] == "u\\,1")
        #expect(event.uid == "u,1")
        #expect(event[raw: "SUMMARY"] == "Lunch\\; with Bob")
        #expect(event.sequence == 3)
        #expect(event[raw: "DURATION"] == "PT1H")
        event.summary = nil
        #expect(event.summary == nil)
        #expect(ICalComponent("VEVENT").sequence == 0)
        let google = try FixtureLoader.calendar("google")
        #expect(google.method == "PUBLISH")
        #expect(google.componentType == "VEVENT")
        #expect(google.components[0].dtstart?.isDateOnly == true)
        #expect(google.components[1].attendees.count == 2)
        let task = try FixtureLoader.calendar("davx5-task").components[0]
        #expect(task.due == ICalDateTime(local: wall(2026, 7, 31), isDateOnly: true))
        #expect(task.descriptionText == "Belege: Ordner \"2025\", Quittungen; Fahrtkosten")
        #expect(task.property("CATEGORIES")?.textValues == ["Finanzen", "Privat"])
        let thunderbird = try FixtureLoader.calendar("thunderbird")
        #expect(thunderbird.components[2].recurrenceID?.local == wall(2026, 1, 19, 9))
        #expect(thunderbird.timeZoneComponents.count == 1 && thunderbird.mainComponents.count == 2)
    }
}
