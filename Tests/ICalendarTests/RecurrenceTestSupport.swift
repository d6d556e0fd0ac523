@testable import ICalendar

/// Parses inline test iCalendar text (LF line endings are fine) with ical-core's parser.
func ics(_ text: String) -> ICalComponent {
    do { return try ICalComponent.parse(text) } catch { fatalError("fixture does not parse: \(error)") }
}

/// UTC seconds of `YYYYMMDDTHHMMSSZ` or `YYYYMMDD`.
func utc(_ text: String) -> Int64 { ICalDateTime(parsing: text)!.local.secondsSinceEpoch }

/// `YYYYMMDDTHHMMSSZ` of UTC seconds.
func utcText(_ seconds: Int64) -> String { LocalDateTime(secondsSinceEpoch: seconds).description + "Z" }
