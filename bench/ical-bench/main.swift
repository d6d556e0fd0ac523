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
        print(String(format: "%@: %.3f s", label, best))
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
