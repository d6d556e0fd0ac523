import Testing
@testable import ICalendar

/// Expands `rule` from a wall-clock start in `zone` (the RFC's examples are in New York).
func expand(
    _ rule: String, from start: String, zone: ICalTimeZone = ICalTimeZone.named("America/New_York")!, take: Int = 500,
    limits: RecurrenceLimits = .default
) throws -> [String] {
    let parsed = try RecurrenceRule(parsing: rule)
    let dt = ICalDateTime(parsing: start)!
    var iterator = RecurrenceIterator(rule: parsed, start: dt.local, isDateOnly: dt.isDateOnly, zone: zone, limits: limits)
    var out: [String] = []
    while out.count < take, let next = iterator.next() { out.append(dt.isDateOnly ? String(next.description.prefix(8)) : next.description) }
    return out
}

/// `days` like "19970902" joined with a time like "T090000".
func at(_ time: String, _ days: String...) -> [String] { days.map { $0 + time } }

/// Every day of a month range `first...last` of `yearMonth` ("199709").
func run(_ yearMonth: String, _ first: Int, _ last: Int, _ time: String = "T090000") -> [String] {
    (first...last).map { yearMonth + ($0 < 10 ? "0\($0)" : "\($0)") + time }
}

/// The examples of RFC 5545 §3.8.5.3, in order; DTSTART is in America/New_York.
@Suite struct RecurrenceIteratorTests {
    @Test func dailyForTenOccurrences() throws {
        #expect(try expand("FREQ=DAILY;COUNT=10", from: "19970902T090000") == run("199709", 2, 11))
    }

    @Test func dailyUntilDecember24() throws {
        let expected = run("199709", 2, 30) + run("199710", 1, 31) + run("199711", 1, 30) + run("199712", 1, 23)
        #expect(try expand("FREQ=DAILY;UNTIL=19971224T000000Z", from: "19970902T090000") == expected)
    }

    @Test func everyOtherDayForever() throws {
        let got = try expand("FREQ=DAILY;INTERVAL=2", from: "19970902T090000", take: 20)
        #expect(got == run("199709", 2, 30).enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + at("T090000", "19971002", "19971004", "19971006", "19971008", "19971010"))
    }

    @Test func everyTenDaysFiveTimes() throws {
        #expect(
            try expand("FREQ=DAILY;INTERVAL=10;COUNT=5", from: "19970902T090000")
                == at("T090000", "19970902", "19970912", "19970922", "19971002", "19971012"))
    }

    @Test func everyDayInJanuaryForThreeYears() throws {
        let expected = run("199801", 1, 31) + run("199901", 1, 31) + run("200001", 1, 31)
        #expect(
            try expand(
                "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", from: "19980101T090000")
                == expected)
        #expect(try expand("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", from: "19980101T090000") == expected)
    }

    @Test func weekly() throws {
        let ten = at(
            "T090000", "19970902", "19970909", "19970916", "19970923", "19970930", "19971007", "19971014", "19971021",
            "19971028", "19971104")
        #expect(try expand("FREQ=WEEKLY;COUNT=10", from: "19970902T090000") == ten)
        #expect(
            try expand("FREQ=WEEKLY;UNTIL=19971224T000000Z", from: "19970902T090000")
                == ten + at("T090000", "19971111", "19971118", "19971125", "19971202", "19971209", "19971216", "19971223"))
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;WKST=SU", from: "19970902T090000", take: 13)
                == at(
                    "T090000", "19970902", "19970916", "19970930", "19971014", "19971028", "19971111", "19971125",
                    "19971209", "19971223", "19980106", "19980120", "19980203", "19980217"))
    }

    @Test func weeklyOnTuesdayAndThursdayForFiveWeeks() throws {
        let expected = at(
            "T090000", "19970902", "19970904", "19970909", "19970911", "19970916", "19970918", "19970923", "19970925",
            "19970930", "19971002")
        #expect(try expand("FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", from: "19970902T090000") == expected)
        #expect(try expand("FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", from: "19970902T090000") == expected)
    }

    @Test func everyOtherWeekMondayWednesdayFriday() throws {
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR", from: "19970901T090000")
                == at(
                    "T090000", "19970901", "19970903", "19970905", "19970915", "19970917", "19970919", "19970929",
                    "19971001", "19971003", "19971013", "19971015", "19971017", "19971027", "19971029", "19971031",
                    "19971110", "19971112", "19971114", "19971124", "19971126", "19971128", "19971208", "19971210",
                    "19971212", "19971222"))
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", from: "19970902T090000")
                == at(
                    "T090000", "19970902", "19970904", "19970916", "19970918", "19970930", "19971002", "19971014",
                    "19971016"))
    }

    @Test func monthlyByOrdinalWeekday() throws {
        let firstFridays = at(
            "T090000", "19970905", "19971003", "19971107", "19971205", "19980102", "19980206", "19980306", "19980403",
            "19980501", "19980605")
        #expect(try expand("FREQ=MONTHLY;COUNT=10;BYDAY=1FR", from: "19970905T090000") == firstFridays)
        #expect(
            try expand("FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", from: "19970905T090000")
                == Array(firstFridays.prefix(4)))
        #expect(
            try expand("FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", from: "19970907T090000")
                == at(
                    "T090000", "19970907", "19970928", "19971102", "19971130", "19980104", "19980125", "19980301",
                    "19980329", "19980503", "19980531"))
        #expect(
            try expand("FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", from: "19970922T090000")
                == at("T090000", "19970922", "19971020", "19971117", "19971222", "19980119", "19980216"))
    }

    @Test func monthlyByMonthDay() throws {
        #expect(
            try expand("FREQ=MONTHLY;BYMONTHDAY=-3", from: "19970928T090000", take: 6)
                == at("T090000", "19970928", "19971029", "19971128", "19971229", "19980129", "19980226"))
        #expect(
            try expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", from: "19970902T090000")
                == at(
                    "T090000", "19970902", "19970915", "19971002", "19971015", "19971102", "19971115", "19971202",
                    "19971215", "19980102", "19980115"))
        #expect(
            try expand("FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", from: "19970930T090000")
                == at(
                    "T090000", "19970930", "19971001", "19971031", "19971101", "19971130", "19971201", "19971231",
                    "19980101", "19980131", "19980201"))
        #expect(
            try expand("FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", from: "19970910T090000")
                == run("199709", 10, 15) + run("199903", 10, 13))
    }

    @Test func everyTuesdayEveryOtherMonth() throws {
        #expect(
            try expand("FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", from: "19970902T090000", take: 18)
                == at(
                    "T090000", "19970902", "19970909", "19970916", "19970923", "19970930", "19971104", "19971111",
                    "19971118", "19971125", "19980106", "19980113", "19980120", "19980127", "19980303", "19980310",
                    "19980317", "19980324", "19980331"))
    }

    @Test func yearlyByMonthAndYearDay() throws {
        #expect(
            try expand("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", from: "19970610T090000")
                == at(
                    "T090000", "19970610", "19970710", "19980610", "19980710", "19990610", "19990710", "20000610",
                    "20000710", "20010610", "20010710"))
        #expect(
            try expand("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", from: "19970310T090000")
                == at(
                    "T090000", "19970310", "19990110", "19990210", "19990310", "20010110", "20010210", "20010310",
                    "20030110", "20030210", "20030310"))
        #expect(
            try expand("FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200", from: "19970101T090000")
                == at(
                    "T090000", "19970101", "19970410", "19970719", "20000101", "20000409", "20000718", "20030101",
                    "20030410", "20030719", "20060101"))
    }

    @Test func yearlyByWeekdayAndWeekNumber() throws {
        #expect(
            try expand("FREQ=YEARLY;BYDAY=20MO", from: "19970519T090000", take: 3)
                == at("T090000", "19970519", "19980518", "19990517"))
        #expect(
            try expand("FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", from: "19970512T090000", take: 3)
                == at("T090000", "19970512", "19980511", "19990517"))
        #expect(
            try expand("FREQ=YEARLY;BYMONTH=3;BYDAY=TH", from: "19970313T090000", take: 11)
                == at(
                    "T090000", "19970313", "19970320", "19970327", "19980305", "19980312", "19980319", "19980326",
                    "19990304", "19990311", "19990318", "19990325"))
        #expect(
            try expand("FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", from: "19970605T090000", take: 39)
                == at(
                    "T090000", "19970605", "19970612", "19970619", "19970626", "19970703", "19970710", "19970717",
                    "19970724", "19970731", "19970807", "19970814", "19970821", "19970828", "19980604", "19980611",
                    "19980618", "19980625", "19980702", "19980709", "19980716", "19980723", "19980730", "19980806",
                    "19980813", "19980820", "19980827", "19990603", "19990610", "19990617", "19990624", "19990701",
                    "19990708", "19990715", "19990722", "19990729", "19990805", "19990812", "19990819", "19990826"))
    }

    @Test func weekNumbersCrossYearBoundaries() throws {
        // ISO week 1 of 1998 starts on Monday 29 December 1997.
        #expect(
            try expand("FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO", from: "19971229T090000", take: 3)
                == at("T090000", "19971229", "19990104", "20000103"))
        // The last week: 1998 has 53 ISO weeks (its last Monday of week 53 is 28 December).
        #expect(
            try expand("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO", from: "19981228T090000", take: 3)
                == at("T090000", "19981228", "19991227", "20001225"))
        #expect(
            try expand("FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH", from: "19981231T090000", take: 2)
                == at("T090000", "19981231", "20041230"))
    }

    @Test func fridayThe13thAndOtherIntersections() throws {
        // DTSTART is excluded by EXDATE in the RFC; the rule itself yields DTSTART first.
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", from: "19970902T090000", take: 6)
                == at("T090000", "19970902", "19980213", "19980313", "19981113", "19990813", "20001013"))
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", from: "19970913T090000", take: 10)
                == at(
                    "T090000", "19970913", "19971011", "19971108", "19971213", "19980110", "19980207", "19980307",
                    "19980411", "19980509", "19980613"))
        #expect(
            try expand("FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", from: "19961105T090000", take: 3)
                == at("T090000", "19961105", "20001107", "20041102"))
    }

    @Test func bySetPos() throws {
        #expect(
            try expand("FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", from: "19970904T090000")
                == at("T090000", "19970904", "19971007", "19971106"))
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", from: "19970929T090000", take: 7)
                == at("T090000", "19970929", "19971030", "19971127", "19971230", "19980129", "19980226", "19980330"))
    }

    @Test func subDaily() throws {
        // The RFC's UNTIL=19970902T170000Z contradicts its own list (erratum); a floating UNTIL states the intent.
        #expect(
            try expand("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000", from: "19970902T090000")
                == ["19970902T090000", "19970902T120000", "19970902T150000"])
        // Read literally, that UTC UNTIL (13:00 EDT) stops after 12:00.
        #expect(
            try expand("FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", from: "19970902T090000")
                == ["19970902T090000", "19970902T120000"])
        #expect(
            try expand("FREQ=MINUTELY;INTERVAL=15;COUNT=6", from: "19970902T090000")
                == ["19970902T090000", "19970902T091500", "19970902T093000", "19970902T094500", "19970902T100000", "19970902T101500"])
        #expect(
            try expand("FREQ=MINUTELY;INTERVAL=90;COUNT=4", from: "19970902T090000")
                == ["19970902T090000", "19970902T103000", "19970902T120000", "19970902T133000"])
        var day: [String] = []
        for d in ["19970902", "19970903"] {
            for h in 9...16 { for m in [0, 20, 40] { day.append(d + "T" + (h < 10 ? "0\(h)" : "\(h)") + (m == 0 ? "00" : "\(m)") + "00") } }
        }
        #expect(try expand("FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", from: "19970902T090000", take: 48) == day)
        #expect(try expand("FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16", from: "19970902T090000", take: 48) == day)
    }

    @Test func weekStartMatters() throws {
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", from: "19970805T090000")
                == at("T090000", "19970805", "19970810", "19970819", "19970824"))
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", from: "19970805T090000")
                == at("T090000", "19970805", "19970817", "19970819", "19970831"))
    }

    @Test func invalidDatesAreSkipped() throws {
        #expect(
            try expand("FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", from: "20070115T090000")
                == at("T090000", "20070115", "20070130", "20070215", "20070315", "20070330"))
        // The 31st only in months that have one; the 5th Tuesday only where it exists.
        #expect(
            try expand("FREQ=MONTHLY;COUNT=4", from: "20270131T100000")
                == at("T100000", "20270131", "20270331", "20270531", "20270731"))
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=5TU;COUNT=3", from: "20270330T100000")
                == at("T100000", "20270330", "20270629", "20270831"))
        #expect(
            try expand("FREQ=YEARLY;COUNT=3", from: "20240229T080000")
                == at("T080000", "20240229", "20280229", "20320229"))
    }

    @Test func allDayRules() throws {
        #expect(try expand("FREQ=WEEKLY;COUNT=3;BYDAY=MO,FR", from: "20270301") == ["20270301", "20270305", "20270308"])
        #expect(try expand("FREQ=DAILY;UNTIL=20270303", from: "20270301") == ["20270301", "20270302", "20270303"])
    }
}
