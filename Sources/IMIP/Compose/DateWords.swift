import ICalendar

/// Per-language names and patterns for dates and times in mail bodies.
///
/// Our own small tables rather than ICU locale data: the output is the same
/// on every machine and in a statically linked binary.
struct DateWords: Sendable {
    /// Weekday names, Monday first.
    var weekdays: [String]
    /// Month names, January first.
    var months: [String]
    /// Whether times use a 12-hour clock with AM/PM.
    var twelveHour: Bool
    /// The language code these tables belong to.
    var language: String
    /// What an event without SUMMARY is called.
    var untitled: String

    /// Tables for `language` (a primary subtag); English for unknown languages.
    static func forLanguage(_ language: String) -> DateWords {
        switch language {
        case "de":
            return DateWords(
                weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
                months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                    "November", "Dezember"], twelveHour: false, language: "de", untitled: "(ohne Titel)")
        case "fr":
            return DateWords(
                weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
                months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                    "novembre", "décembre"], twelveHour: false, language: "fr", untitled: "(sans titre)")
        case "es":
            return DateWords(
                weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
                months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                    "octubre", "noviembre", "diciembre"], twelveHour: false, language: "es", untitled: "(sin título)")
        default:
            return DateWords(
                weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
                months: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December"], twelveHour: true, language: "en", untitled: "(no title)")
        }
    }

    /// The date with weekday: "Tuesday, March 2, 2027", "Dienstag, 2. März 2027",
    /// "mardi 2 mars 2027", "martes, 2 de marzo de 2027".
    func date(_ value: LocalDateTime) -> String {
        let weekday = weekdays[value.weekday - 1]
        let month = months[value.month - 1]
        switch language {
        case "de": return "\(weekday), \(value.day). \(month) \(value.year)"
        case "fr": return "\(weekday) \(value.day == 1 ? "1er" : String(value.day)) \(month) \(value.year)"
        case "es": return "\(weekday), \(value.day) de \(month) de \(value.year)"
        default: return "\(weekday), \(month) \(value.day), \(value.year)"
        }
    }

    /// The time of day: "10:00 AM" or "10:00".
    func time(_ value: LocalDateTime) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        if twelveHour {
            let hour = value.hour % 12 == 0 ? 12 : value.hour % 12
            return "\(hour):\(two(value.minute)) \(value.hour < 12 ? "AM" : "PM")"
        }
        return "\(two(value.hour)):\(two(value.minute))"
    }

    /// A zone label: "Europe/Berlin, UTC+01:00".
    static func zoneLabel(_ identifier: String, offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let utc = "UTC\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
        return identifier == "UTC" || identifier == "GMT" ? "UTC" : "\(identifier), \(utc)"
    }
}
