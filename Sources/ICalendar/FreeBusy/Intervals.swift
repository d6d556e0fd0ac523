/// Interval arithmetic on sorted, disjoint `[start, end)` lists.
enum Intervals {
    /// Sorted, merged (overlapping or touching intervals joined).
    static func union(_ items: [(Int64, Int64)]) -> [(Int64, Int64)] {
        let sorted = items.filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        var out: [(Int64, Int64)] = []
        for item in sorted {
            if let last = out.last, item.0 <= last.1 {
                out[out.count - 1].1 = Swift.max(last.1, item.1)
            } else {
                out.append(item)
            }
        }
        return out
    }

    /// `a` minus `b`; both sorted and disjoint.
    static func subtract(_ a: [(Int64, Int64)], _ b: [(Int64, Int64)]) -> [(Int64, Int64)] {
        var out: [(Int64, Int64)] = []
        var j = 0
        for (first, end) in a {
            var start = first
            while j < b.count && b[j].1 <= start { j += 1 }
            var k = j
            while k < b.count && b[k].0 < end {
                if b[k].0 > start { out.append((start, b[k].0)) }
                start = Swift.max(start, b[k].1)
                if start >= end { break }
                k += 1
            }
            if start < end { out.append((start, end)) }
        }
        return out
    }

    /// Typed periods flattened so that at each moment the strongest type shows; adjacent equal types merged.
    static func flatten(_ periods: [BusyPeriod]) -> [BusyPeriod] {
        var points: [(Int64, Int, Int)] = []  // (time, +1/-1, strength)
        points.reserveCapacity(periods.count * 2)
        for p in periods where p.end > p.start && p.type != .free {
            points.append((p.start, 1, p.type.strength))
            points.append((p.end, -1, p.type.strength))
        }
        points.sort { $0.0 < $1.0 }
        let byStrength: [FreeBusyType] = [.free, .busyTentative, .busyUnavailable, .busy]
        var counts = [0, 0, 0, 0]
        var out: [BusyPeriod] = []
        var i = 0
        var current = 0
        var since: Int64 = 0
        while i < points.count {
            let t = points[i].0
            while i < points.count && points[i].0 == t {
                counts[points[i].2] += points[i].1
                i += 1
            }
            let strongest = (1...3).reversed().first { counts[$0] > 0 } ?? 0
            if strongest != current {
                if current != 0 && t > since {
                    if let last = out.last, last.end == since, last.type == byStrength[current] {
                        out[out.count - 1].end = t
                    } else {
                        out.append(BusyPeriod(start: since, end: t, type: byStrength[current]))
                    }
                }
                current = strongest
                since = t
            }
        }
        return out
    }
}
