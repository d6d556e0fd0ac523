import Foundation

extension ICalTimeZone {
    /// A VTIMEZONE for an IANA zone (or any name `named(_:)` understands) (RFC 5545 §3.6.5).
    ///
    /// Observances are listed with DTSTART and RDATEs for every offset change
    /// in `years` (no RRULE guessing), grouped by kind and offsets; a zone
    /// without changes gets one STANDARD. `tzid` is written as given. Nil when
    /// the name is unknown.
    public static func vtimezone(named tzid: String, covering years: ClosedRange<Int>) -> ICalComponent? {
        guard let zone = named(tzid) else { return nil }
        var foundation: TimeZone? = nil
        if case .system(let system) = zone.storage { foundation = system }
        let from = LocalDateTime(year: years.lowerBound, month: 1, day: 1).secondsSinceEpoch
        let to = LocalDateTime(year: min(years.upperBound, 9998) + 1, month: 1, day: 1).secondsSinceEpoch

        struct Key: Hashable {
            var daylight: Bool
            var from: Int
            var to: Int
            var name: String?
        }
        var order: [Key] = []
        var onsets: [Key: [LocalDateTime]] = [:]
        if let foundation {
            var cursor = Date(timeIntervalSince1970: TimeInterval(from))
            var guardCount = 0
            while let next = foundation.nextDaylightSavingTimeTransition(after: cursor), guardCount < 4000 {
                guardCount += 1
                let instant = Int64(next.timeIntervalSince1970.rounded())
                if instant >= to { break }
                cursor = next
                let before = foundation.secondsFromGMT(for: next.addingTimeInterval(-1))
                let after = foundation.secondsFromGMT(for: next)
                if before == after && !foundation.isDaylightSavingTime(for: next) { continue }
                let key = Key(
                    daylight: foundation.isDaylightSavingTime(for: next), from: before, to: after,
                    name: foundation.abbreviation(for: next))
                if onsets[key] == nil { order.append(key) }
                onsets[key, default: []].append(LocalDateTime(secondsSinceEpoch: instant + Int64(before)))
            }
        }
        var vtimezone = ICalComponent("VTIMEZONE", properties: [ICalProperty("TZID", rawValue: tzid)])
        if order.isEmpty {
            let offset = ICalUTCOffset(seconds: zone.offset(atUTC: from))
            var standard = ICalComponent("STANDARD")
            standard.addProperty(ICalProperty("DTSTART", rawValue: LocalDateTime(year: 1970, month: 1, day: 1).description))
            standard.addProperty(ICalProperty("TZOFFSETFROM", rawValue: offset.description))
            standard.addProperty(ICalProperty("TZOFFSETTO", rawValue: offset.description))
            vtimezone.components.append(standard)
            return vtimezone
        }
        for key in order {
            let times = onsets[key] ?? []
            guard let first = times.first else { continue }
            var observance = ICalComponent(key.daylight ? "DAYLIGHT" : "STANDARD")
            observance.addProperty(ICalProperty("DTSTART", rawValue: first.description))
            if times.count > 1 {
                observance.addProperty(ICalProperty("RDATE", rawValue: times.dropFirst().map(\.description).joined(separator: ",")))
            }
            observance.addProperty(ICalProperty("TZOFFSETFROM", rawValue: ICalUTCOffset(seconds: key.from).description))
            observance.addProperty(ICalProperty("TZOFFSETTO", rawValue: ICalUTCOffset(seconds: key.to).description))
            if let name = key.name { observance.addProperty(ICalProperty("TZNAME", text: name)) }
            vtimezone.components.append(observance)
        }
        return vtimezone
    }
}
