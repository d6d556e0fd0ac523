import ICalendar

/// IMF-fixdate (RFC 7231 §7.1.1.1) for Last-Modified and DAV:getlastmodified.
enum HTTPDate {
    /// `Wed, 25 Nov 2026 08:24:37 GMT` for unix seconds.
    static func format(_ seconds: Int64) -> String {
        let time = LocalDateTime(secondsSinceEpoch: seconds)
        let days = Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][time.month - 1]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(weekday), \(two(time.day)) \(month) \(time.year) \(two(time.hour)):\(two(time.minute)):\(two(time.second)) GMT"
    }
}
