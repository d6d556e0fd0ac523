import Foundation

extension ICalTimeZone {
    /// The zone for a TZID written without a VTIMEZONE (RFC 5545 §3.2.19, §3.6.5).
    ///
    /// Understands IANA names (`Europe/Berlin`), UTC spellings, Windows names
    /// (`W. Europe Standard Time`), prefixed Olson paths such as
    /// `/mozilla.org/20050126_1/Europe/Berlin`, and Outlook display names
    /// (`(UTC+01:00) Amsterdam, Berlin, …`, falling back to the fixed offset
    /// shown). Results are memoized process-wide. Nil when nothing matches.
    public static func named(_ tzid: String) -> ICalTimeZone? {
        if let cached = ZoneNameCache.shared.lookup(tzid) { return cached.zone }
        let zone = resolveName(tzid)
        ZoneNameCache.shared.store(tzid, zone)
        return zone
    }

    static func resolveName(_ tzid: String) -> ICalTimeZone? {
        var trimmed = tzid.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count < 256 else { return nil }
        // Outlook.com / Exchange Online: `tzone://Microsoft/Utc`, `tzone://Microsoft/Eastern Standard Time`.
        if trimmed.lowercased().hasPrefix("tzone://microsoft/") { trimmed = String(trimmed.dropFirst(18)) }
        switch trimmed.uppercased() {
        case "UTC", "GMT", "Z", "ETC/UTC", "ETC/GMT", "UT", "ZULU", "ETC/ZULU", "UNIVERSAL":
            return ICalTimeZone(storage: .fixed(0), identifier: tzid)
        default: break
        }
        if let zone = system(trimmed, identifier: tzid) { return zone }
        if let iana = WindowsZoneNames.ianaByWindowsName[trimmed.lowercased()] {
            return system(iana, identifier: tzid)
        }
        if trimmed.contains("/") {
            // Olson path with a vendor prefix: try ever shorter suffixes.
            let parts = trimmed.split(separator: "/")
            if parts.count > 1 {
                for drop in 0..<parts.count {
                    let suffix = parts[drop...].joined(separator: "/")
                    if suffix.contains("/") || drop == parts.count - 1, let zone = system(suffix, identifier: tzid) {
                        return zone
                    }
                }
            }
        }
        if trimmed.hasPrefix("(") { return displayName(trimmed, identifier: tzid) }
        return nil
    }

    static func system(_ name: String, identifier: String) -> ICalTimeZone? {
        // Foundation also accepts abbreviations ("EST") and odd forms; only
        // take names that look like identifiers to keep the answer predictable.
        guard name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        guard let zone = TimeZone(identifier: name) else { return nil }
        return ICalTimeZone(storage: .system(zone), identifier: identifier)
    }

    /// `(UTC+01:00) Amsterdam, Berlin…` or `(GMT-05.00) Eastern Time (US & Canada)`.
    static func displayName(_ text: String, identifier: String) -> ICalTimeZone? {
        guard let close = text.firstIndex(of: ")") else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close]
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        let place = (rest.split(separator: ",").first.map(String.init) ?? rest).lowercased()
        if let iana = WindowsZoneNames.ianaByDisplayPlace[place], let zone = system(iana, identifier: identifier) {
            return zone
        }
        var offsetText = inside.uppercased()
        if offsetText.hasPrefix("UTC") { offsetText.removeFirst(3) } else if offsetText.hasPrefix("GMT") { offsetText.removeFirst(3) } else { return nil }
        if offsetText.isEmpty { return ICalTimeZone(storage: .fixed(0), identifier: identifier) }
        let digits = offsetText.replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        guard let offset = ICalUTCOffset(parsing: digits) else { return nil }
        return ICalTimeZone(storage: .fixed(offset.seconds), identifier: identifier)
    }
}

/// Process-wide memo of TZID → zone lookups (Foundation lookups are not free).
final class ZoneNameCache: @unchecked Sendable {
    // @unchecked: every access to `entries` happens while holding `lock`.
    struct Entry { let zone: ICalTimeZone? }

    static let shared = ZoneNameCache()
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func lookup(_ tzid: String) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        return entries[tzid]
    }

    func store(_ tzid: String, _ zone: ICalTimeZone?) {
        lock.lock()
        defer { lock.unlock() }
        // Bound memory against hostile input inventing endless TZIDs.
        if entries.count > 4096 { entries.removeAll() }
        entries[tzid] = Entry(zone: zone)
    }
}
