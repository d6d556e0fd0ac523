// Parse/serialize throughput of the ICalendar library (compiled by bench/ical-bench.sh).
import Foundation

let fixtureDir = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Tests/ICalendarTests/Fixtures/clients"
let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDir))?.filter { $0.hasSuffix(".ics") }.sorted() ?? []
var objects: [[UInt8]] = files.compactMap { FileManager.default.contents(atPath: fixtureDir + "/" + $0).map { [UInt8]($0) } }
guard !objects.isEmpty else {
    FileHandle.standardError.write("no fixtures in \(fixtureDir)\n".data(using: .utf8)!)
    exit(1)
}
// One big calendar: every fixture's components repeated until ~16 MB.
var body: [UInt8] = []
let parsedFixtures = objects.compactMap { try? ICalComponent.parse($0) }
var big = ICalComponent("VCALENDAR", properties: [ICalProperty("VERSION", rawValue: "2.0")])
while body.count < 16_000_000 {
    for fixture in parsedFixtures { big.components += fixture.components }
    body = big.serializedBytes()
}
let megabytes = Double(body.count) / 1_000_000

func measure(_ label: String, bytes: Double, runs: Int = 5, _ work: () throws -> Void) rethrows {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try work()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, seconds)
    }
    if bytes > 0 {
        print(String(format: "%@: %.1f MB in %.3f s = %.0f MB/s", label, bytes, best, bytes / best))
    } else {
        print(String(format: "%@: %.3f ms", label, best * 1000))
    }
}

var parsed = ICalComponent("X")
try measure("parse (one 16 MB calendar)", bytes: megabytes) { parsed = try ICalComponent.parse(body) }
measure("serialize", bytes: megabytes) { _ = parsed.serializedBytes() }
let small = objects.map { $0 }
let smallBytes = Double(small.reduce(0) { $0 + $1.count } * 2000) / 1_000_000
try measure("parse (small objects x2000)", bytes: smallBytes) {
    for _ in 0..<2000 { for object in small { _ = try ICalComponent.parse(object) } }
}
let resolverWork = parsedFixtures
measure("resolver + dtstart to UTC (x2000)", bytes: 0) {
    for _ in 0..<2000 {
        for calendar in resolverWork {
            let resolver = TimeZoneResolver(calendar: calendar)
            for component in calendar.mainComponents { if let start = component.dtstart { _ = resolver.utcSeconds(start) } }
        }
    }
}
if let apple = parsedFixtures.first(where: { !$0.timeZoneComponents.isEmpty }),
    let vzone = ICalTimeZone.from(vtimezone: apple.timeZoneComponents[0]),
    let iana = ICalTimeZone.named("America/New_York")
{
    for (label, zone) in [("VTIMEZONE", vzone), ("IANA", iana)] {
        measure("\(label) wall->UTC x100k", bytes: 0) {
            var sum: Int64 = 0
            for i in 0..<100_000 {
                sum &+= zone.utcSeconds(forLocal: LocalDateTime(year: 2000 + i % 40, month: 1 + i % 12, day: 1 + i % 28, hour: 9))
            }
            if sum == 42 { print("") }
        }
    }
}

// The figures issue #2 asks for, on generated data of the shape `make bench` seeds.
func event(_ i: Int) -> String {
    let day = 1 + i % 28, month = 1 + (i / 28) % 12, hour = 8 + i % 9
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var lines = [
        "BEGIN:VEVENT", "UID:bench-\(i)@example.org", "DTSTAMP:20260101T000000Z",
        "DTSTART;TZID=Europe/Berlin:2027\(two(month))\(two(day))T\(two(hour))0000",
        "DTEND;TZID=Europe/Berlin:2027\(two(month))\(two(day))T\(two(hour + 1))0000",
        "SUMMARY:Planning meeting number \(i) with the team",
        "DESCRIPTION:Agenda:\\n1. Status\\n2. Risks\\, open points\\n3. Next steps",
        "LOCATION:Room \(i % 40)",
    ]
    if i % 7 == 0 { lines.append("RRULE:FREQ=WEEKLY;COUNT=20;BYDAY=MO,WE") }
    if i % 20 == 0 { lines = ["BEGIN:VEVENT", "UID:bench-\(i)@example.org", "DTSTAMP:20260101T000000Z",
        "DTSTART;VALUE=DATE:2027\(two(month))\(two(day))", "SUMMARY:Holiday \(i)"] }
    lines.append("END:VEVENT")
    return lines.joined(separator: "\r\n")
}
let berlin = """
    BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE
    """
let thousand = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n" + berlin + "\r\n"
    + (0..<1000).map(event).joined(separator: "\r\n") + "\r\nEND:VCALENDAR\r\n"
let thousandBytes = Array(thousand.utf8)
try measure("parse+serialize a 1,000-event calendar (\(thousandBytes.count / 1000) kB)", bytes: 0, runs: 20) {
    _ = try ICalComponent.parse(thousandBytes).serializedBytes()
}
let daily = try RecurrenceRule(parsing: "FREQ=DAILY")
measure("daily rule over 10 years (3,653 instances)", bytes: 0, runs: 50) {
    var iterator = RecurrenceIterator(rule: daily, start: LocalDateTime(year: 2027, month: 1, day: 1, hour: 9))
    var count = 0
    while let next = iterator.next(), next.year < 2037 { count += 1 }
    if count != 3653 { print("unexpected count \(count)") }
}
let tenThousand = try (0..<10_000).map { i in
    try ICalComponent.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + berlin + "\r\n" + event(i) + "\r\nEND:VCALENDAR\r\n")
}
measure("first/last occurrence of 10,000 objects (parsed)", bytes: 0, runs: 5) {
    for calendar in tenThousand { _ = ObjectIndexer.index(of: calendar) }
}
let tenThousandText = tenThousand.map { $0.serializedBytes() }
try measure("parse + first/last occurrence of 10,000 stored objects", bytes: 0, runs: 3) {
    for body in tenThousandText { _ = ObjectIndexer.index(of: try ICalComponent.parse(body)) }
}
