import Testing

@testable import ICalendar

/// UTC seconds of a UTC wall-clock time, for readable expectations.
func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
    LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s).secondsSinceEpoch
}

func wall(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0) -> LocalDateTime {
    LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi)
}

struct ICalTimeZoneTests {
    static func vtimezone(_ fixture: String, _ tzid: String) throws -> ICalTimeZone {
        let calendar = try FixtureLoader.calendar(fixture)
        let component = try #require(calendar.timeZoneComponents.first { $0[raw: "TZID"] == tzid })
        return try #require(ICalTimeZone.from(vtimezone: component))
    }

    /// Expectations checked against the IANA database; each zone is tested both ways.
    static let newYorkCases: [(LocalDateTime, Int64)] = [
        (wall(2026, 1, 15, 10), utc(2026, 1, 15, 15)),
        (wall(2026, 3, 10, 10), utc(2026, 3, 10, 14)),
        (wall(2026, 3, 8, 1, 59), utc(2026, 3, 8, 6, 59)),
        (wall(2026, 3, 8, 2, 30), utc(2026, 3, 8, 7, 30)),  // gap: forward by its length
        (wall(2026, 3, 8, 3, 0), utc(2026, 3, 8, 7, 0)),
        (wall(2026, 11, 1, 1, 30), utc(2026, 11, 1, 5, 30)),  // ambiguous: first occurrence
        (wall(2026, 11, 1, 2, 0), utc(2026, 11, 1, 7, 0)),
    ]

    static let berlinCases: [(LocalDateTime, Int64)] = [
        (wall(2026, 1, 12, 9), utc(2026, 1, 12, 8)),
        (wall(2026, 4, 14, 10), utc(2026, 4, 14, 8)),
        (wall(2026, 3, 29, 2, 30), utc(2026, 3, 29, 1, 30)),
        (wall(2026, 10, 25, 2, 30), utc(2026, 10, 25, 0, 30)),
        (wall(2026, 10, 25, 3, 0), utc(2026, 10, 25, 2, 0)),
    ]

    static let lordHoweCases: [(LocalDateTime, Int64)] = [
        (wall(2026, 1, 15, 12), utc(2026, 1, 15, 1)),
        (wall(2026, 7, 15, 12), utc(2026, 7, 15, 1, 30)),
        (wall(2026, 10, 4, 2, 15), utc(2026, 10, 3, 15, 45)),  // 30-minute gap
        (wall(2026, 4, 5, 1, 45), utc(2026, 4, 4, 14, 45)),  // 30-minute overlap
    ]

    static func check(_ zone: ICalTimeZone, _ cases: [(LocalDateTime, Int64)]) {
        for (local, expected) in cases {
            #expect(zone.utcSeconds(forLocal: local) == expected, "\(local)")
        }
    }

    @Test func newYorkFromVTimeZone() throws {
        Self.check(try Self.vtimezone("apple-calendar", "America/New_York"), Self.newYorkCases)
    }

    @Test func newYorkFromIANA() throws {
        Self.check(try #require(ICalTimeZone.named("America/New_York")), Self.newYorkCases)
    }

    @Test func berlinFromVTimeZoneIANAAndWindows() throws {
        Self.check(try Self.vtimezone("thunderbird", "Europe/Berlin"), Self.berlinCases)
        Self.check(try Self.vtimezone("outlook", "W. Europe Standard Time"), Self.berlinCases)
        Self.check(try #require(ICalTimeZone.named("Europe/Berlin")), Self.berlinCases)
        Self.check(try #require(ICalTimeZone.named("W. Europe Standard Time")), Self.berlinCases)
    }

    @Test func lordHoweHalfHourDST() throws {
        Self.check(try Self.vtimezone("lord-howe", "Australia/Lord_Howe"), Self.lordHoweCases)
        Self.check(try #require(ICalTimeZone.named("Australia/Lord_Howe")), Self.lordHoweCases)
        Self.check(try #require(ICalTimeZone.named("Lord Howe Standard Time")), Self.lordHoweCases)
    }

    @Test func oldStyleRulesWithUntilMonthDaysAndRDate() throws {
        let zone = try Self.vtimezone("old-style-vtimezone", "/softwarestudio.org/Olson_20011030_5/America/New_York")
        #expect(zone.utcSeconds(forLocal: wall(2005, 6, 15, 9)) == utc(2005, 6, 15, 13))
        #expect(zone.utcSeconds(forLocal: wall(2005, 4, 3, 3)) == utc(2005, 4, 3, 7))  // first Sunday of April rule
        #expect(zone.utcSeconds(forLocal: wall(2005, 10, 30, 1, 30)) == utc(2005, 10, 30, 5, 30))
        #expect(zone.utcSeconds(forLocal: wall(2026, 3, 8, 2, 30)) == utc(2026, 3, 8, 7, 30))  // BYMONTHDAY=8..14;BYDAY=SU
        #expect(zone.utcSeconds(forLocal: wall(2026, 11, 1, 1, 30)) == utc(2026, 11, 1, 5, 30))
        #expect(zone.utcSeconds(forLocal: wall(1975, 3, 1, 12)) == utc(1975, 3, 1, 16))  // RDATE onset
        #expect(zone.utcSeconds(forLocal: wall(1975, 2, 1, 12)) == utc(1975, 2, 1, 17))
        #expect(zone.utcSeconds(forLocal: wall(1960, 2, 1, 12)) == utc(1960, 2, 1, 16))  // before all: TZOFFSETFROM
    }

    @Test func localAtUTCRoundTrips() throws {
        let zone = try #require(ICalTimeZone.named("America/New_York"))
        #expect(zone.local(atUTC: utc(2026, 7, 1, 16)) == wall(2026, 7, 1, 12))
        #expect(zone.offset(atUTC: utc(2026, 7, 1)) == -14_400)
        let vzone = try Self.vtimezone("apple-calendar", "America/New_York")
        var t = utc(2026, 1, 1)
        while t < utc(2027, 1, 1) {
            #expect(vzone.offset(atUTC: t) == zone.offset(atUTC: t))
            t += 3 * 3600 + 17
        }
    }

    static let windowsNames: [(String, String)] = [
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("Eastern Standard Time", "America/New_York"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("GMT Standard Time", "Europe/London"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("AUS Eastern Standard Time", "Australia/Sydney"),
        ("India Standard Time", "Asia/Kolkata"),
        ("China Standard Time", "Asia/Shanghai"),
        ("Central Standard Time", "America/Chicago"),
        ("E. South America Standard Time", "America/Sao_Paulo"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
        ("Russian Standard Time", "Europe/Moscow"),
        ("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin"),
        ("/softwarestudio.org/Olson_20011030_5/America/New_York", "America/New_York"),
        ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
        ("tzone://Microsoft/Utc", "UTC"),
        ("tzone://Microsoft/Eastern Standard Time", "America/New_York"),
        ("US/Eastern", "America/New_York"),
        (" Europe/Berlin ", "Europe/Berlin"),
    ]

    @Test func windowsAndVendorNames() throws {
        let probes = [utc(2026, 1, 15, 12), utc(2026, 7, 15, 12), utc(2026, 3, 30, 12), utc(2026, 10, 30, 12)]
        for (name, iana) in Self.windowsNames {
            let zone = try #require(ICalTimeZone.named(name), "\(name)")
            let reference = try #require(ICalTimeZone.named(iana))
            for probe in probes {
                #expect(zone.offset(atUTC: probe) == reference.offset(atUTC: probe), "\(name)")
            }
        }
        #expect(WindowsZoneNames.pairs.count >= 40)
    }

    @Test func every_windows_name_resolves() {
        for (windows, _) in WindowsZoneNames.pairs {
            #expect(ICalTimeZone.named(windows) != nil, "\(windows)")
        }
        for iana in WindowsZoneNames.ianaByDisplayPlace.values {
            #expect(ICalTimeZone.named(iana) != nil, "\(iana)")
        }
    }

    @Test func utcSpellingsAndFixedDisplayOffsets() throws {
        for name in ["UTC", "GMT", "Etc/UTC", "Z"] {
            #expect(ICalTimeZone.named(name)?.offset(atUTC: 0) == 0)
        }
        #expect(ICalTimeZone.named("(UTC+05:45) Somewhere Else")?.offset(atUTC: 0) == 20_700)
        #expect(ICalTimeZone.named("(GMT-03.00) Unknown Place")?.offset(atUTC: 0) == -10_800)
        #expect(ICalTimeZone.named("Mars/Olympus_Mons") == nil)
        #expect(ICalTimeZone.named("") == nil)
    }

    @Test func extremeInstantsAndOddRulesDoNotTrap() throws {
        let zones = [
            try #require(ICalTimeZone.named("America/New_York")), try Self.vtimezone("lord-howe", "Australia/Lord_Howe"),
            try Self.vtimezone("old-style-vtimezone", "/softwarestudio.org/Olson_20011030_5/America/New_York"),
        ]
        for zone in zones {
            for t in [Int64.min, Int64.max, Int64.max - 10, -62_135_596_800, 253_402_300_799] {
                _ = zone.offset(atUTC: t)
                _ = zone.local(atUTC: t)
            }
            _ = zone.utcSeconds(forLocal: LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59))
            _ = zone.utcSeconds(forLocal: LocalDateTime(year: 1, month: 1, day: 1))
        }
        let odd = """
            BEGIN:VTIMEZONE\r
            TZID:Odd\r
            BEGIN:DAYLIGHT\r
            DTSTART:20000402T020000\r
            TZOFFSETFROM:+0100\r
            TZOFFSETTO:+0200\r
            RRULE:FREQ=YEARLY;INTERVAL=99999999999;COUNT=99999999999999;BYDAY=9SU,-9MO,XX,;BYMONTHDAY=0,40\r
            END:DAYLIGHT\r
            BEGIN:STANDARD\r
            DTSTART:20001029T030000\r
            TZOFFSETFROM:+0200\r
            TZOFFSETTO:+0100\r
            RRULE:FREQ=YEARLY;INTERVAL=3;BYMONTH=10;BYDAY=-1SU\r
            END:STANDARD\r
            END:VTIMEZONE\r

            """
        let zone = try #require(ICalTimeZone.from(vtimezoneText: odd))
        #expect(zone.offset(atUTC: utc(2000, 6, 1)) == 7200)
        #expect(zone.offset(atUTC: utc(2001, 6, 1)) == 3600)  // standard since Oct 2000, daylight never again
        _ = zone.utcSeconds(forLocal: wall(2026, 3, 29, 2, 30))
        // STANDARD has INTERVAL=3 from 2000: fires 2000, 2003, 2006 … and not in 2004/2005.
        let stepped = try #require(ICalTimeZone.from(vtimezoneText: odd.replacingOccurrences(of: "INTERVAL=99999999999;COUNT=99999999999999;BYDAY=9SU,-9MO,XX,;BYMONTHDAY=0,40", with: "BYMONTH=4;BYDAY=1SU")))
        #expect(stepped.offset(atUTC: utc(2003, 12, 1)) == 3600)
        #expect(stepped.offset(atUTC: utc(2004, 12, 1)) == 7200)  // no STANDARD onset in 2004 or 2005
        #expect(stepped.offset(atUTC: utc(2005, 12, 1)) == 7200)
        #expect(stepped.offset(atUTC: utc(2006, 12, 1)) == 3600)
    }

    @Test func selfTestPasses() {
        #expect(ICalTimeZone.selfTest())
    }

    @Test func fromVTimeZoneTextAndEmptyComponent() throws {
        let text = """
            BEGIN:VCALENDAR\r
            BEGIN:VTIMEZONE\r
            TZID:Fixed+0530\r
            BEGIN:STANDARD\r
            DTSTART:19700101T000000\r
            TZOFFSETFROM:+0530\r
            TZOFFSETTO:+0530\r
            END:STANDARD\r
            END:VTIMEZONE\r
            END:VCALENDAR\r

            """
        let zone = try #require(ICalTimeZone.from(vtimezoneText: text))
        #expect(zone.identifier == "Fixed+0530")
        #expect(zone.offset(atUTC: utc(2026, 6, 1)) == 19_800)
        #expect(ICalTimeZone.from(vtimezone: ICalComponent("VTIMEZONE")) == nil)
        #expect(ICalTimeZone.from(vtimezoneText: "garbage") == nil)
    }
}

struct VTimeZoneWritingTests {
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Tokyo", "Eastern Standard Time"])
    func writtenVTimeZoneAgreesWithIANA(name: String) throws {
        let component = try #require(ICalTimeZone.vtimezone(named: name, covering: 2020...2030))
        #expect(component[raw: "TZID"] == name)
        // Written, parsed back, and evaluated by the VTIMEZONE code path.
        let text = ICalComponent("VCALENDAR", components: [component]).serialized()
        let fromText = try #require(ICalTimeZone.from(vtimezoneText: text))
        let reference = try #require(ICalTimeZone.named(name))
        var t = utc(2020, 1, 1, 0, 30)
        while t < utc(2031, 1, 1) {
            #expect(fromText.offset(atUTC: t) == reference.offset(atUTC: t), "\(name) at \(t)")
            t += 5 * 86_400 + 3 * 3600 + 7
        }
    }

    @Test func unknownNameHasNoVTimeZone() {
        #expect(ICalTimeZone.vtimezone(named: "Nowhere/Special", covering: 2020...2021) == nil)
    }
}

struct YearlyRuleTests {
    @Test(arguments: ["BYMONTH=3;BYDAY=2SU", "BYMONTH=10;BYDAY=-1SU", "BYMONTH=2;BYDAY=5MO", "BYMONTH=4;BYDAY=-5FR", "BYDAY=1SA"])
    func fastPathMatchesGeneralEvaluation(shape: String) throws {
        let rule = try #require(YearlyRule(parsing: "FREQ=YEARLY;" + shape))
        let start = LocalDateTime(year: 1970, month: 6, day: 1, hour: 2)
        for year in 1970...2100 {
            let fast = try #require(rule.simpleOnset(year: year, start: start))
            #expect(fast.map { [$0] } ?? [] == rule.candidates(year: year, start: start), "\(shape) \(year)")
        }
    }

    @Test func candidatesForOldStyleMonthDayRanges() throws {
        let rule = try #require(YearlyRule(parsing: "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU"))
        let start = LocalDateTime(year: 2007, month: 3, day: 11, hour: 2)
        #expect(rule.simpleOnset(year: 2026, start: start) == nil)
        #expect(rule.candidates(year: 2026, start: start) == [LocalDateTime(year: 2026, month: 3, day: 8, hour: 2)])
        #expect(YearlyRule(parsing: "FREQ=MONTHLY;BYDAY=1SU") == nil)
    }
}
