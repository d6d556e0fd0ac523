/// Which of the sabre URL space's resources a request path names (RFC 4791 §4, RFC 6638 §2).
///
/// Names are percent-decoded. Every case is a place, not a row: whether the
/// principal, calendar or object exists is looked up afterwards.
enum ResourcePath: Hashable, Sendable {
    /// `/`
    case root
    /// `/.well-known/caldav` (RFC 6764 §5)
    case wellKnown
    /// `/principals/`
    case principals
    /// `/principals/NAME/`
    case principal(String)
    /// `/principals/NAME/calendar-proxy-read/` or `-write/`
    case proxyGroup(String, ProxyKind)
    /// `/calendars/`
    case calendarHomes
    /// `/calendars/NAME/`
    case calendarHome(String)
    /// `/calendars/NAME/CAL/`
    case calendar(String, String)
    /// `/calendars/NAME/CAL/OBJECT`
    case calendarObject(String, String, String)
    /// `/calendars/NAME/inbox/`
    case inbox(String)
    /// `/calendars/NAME/inbox/ITEM`
    case inboxItem(String, String)
    /// `/calendars/NAME/outbox/`
    case outbox(String)

    /// The calendar-proxy sub-principals (caldav-proxy.txt).
    enum ProxyKind: String, Hashable, Sendable {
        case read = "calendar-proxy-read"
        case write = "calendar-proxy-write"
    }

    /// Parses decoded path segments (below the base path).
    init?(segments: [String]) {
        switch segments.count {
        case 0: self = .root
        case 1:
            switch segments[0] {
            case "principals": self = .principals
            case "calendars": self = .calendarHomes
            default: return nil
            }
        case 2:
            switch segments[0] {
            case "principals": self = .principal(segments[1])
            case "calendars": self = .calendarHome(segments[1])
            case ".well-known" where segments[1] == "caldav": self = .wellKnown
            default: return nil
            }
        case 3:
            switch segments[0] {
            case "principals":
                guard let kind = ProxyKind(rawValue: segments[2]) else { return nil }
                self = .proxyGroup(segments[1], kind)
            case "calendars":
                switch segments[2] {
                case "inbox": self = .inbox(segments[1])
                case "outbox": self = .outbox(segments[1])
                default: self = .calendar(segments[1], segments[2])
                }
            default: return nil
            }
        case 4:
            guard segments[0] == "calendars" else { return nil }
            switch segments[2] {
            case "inbox": self = .inboxItem(segments[1], segments[3])
            case "outbox": return nil
            default: self = .calendarObject(segments[1], segments[2], segments[3])
            }
        default: return nil
        }
    }

    /// The user whose space this is (`NAME`), if any.
    var ownerName: String? {
        switch self {
        case .root, .wellKnown, .principals, .calendarHomes: return nil
        case .principal(let name), .proxyGroup(let name, _), .calendarHome(let name), .calendar(let name, _),
            .calendarObject(let name, _, _), .inbox(let name), .inboxItem(let name, _), .outbox(let name):
            return name
        }
    }

    /// Whether the resource is a collection (its href ends in `/`).
    var isCollection: Bool {
        switch self {
        case .calendarObject, .inboxItem, .wellKnown: return false
        default: return true
        }
    }

    /// Decoded segments below the base path.
    var segments: [String] {
        switch self {
        case .root: return []
        case .wellKnown: return [".well-known", "caldav"]
        case .principals: return ["principals"]
        case .principal(let n): return ["principals", n]
        case .proxyGroup(let n, let kind): return ["principals", n, kind.rawValue]
        case .calendarHomes: return ["calendars"]
        case .calendarHome(let n): return ["calendars", n]
        case .calendar(let n, let c): return ["calendars", n, c]
        case .calendarObject(let n, let c, let o): return ["calendars", n, c, o]
        case .inbox(let n): return ["calendars", n, "inbox"]
        case .inboxItem(let n, let i): return ["calendars", n, "inbox", i]
        case .outbox(let n): return ["calendars", n, "outbox"]
        }
    }

    /// The `propertystorage.path` form: segments joined by `/`, no slash around.
    var storagePath: String { segments.joined(separator: "/") }

    /// The parent collection, if any.
    var parent: ResourcePath? {
        let parts = segments
        guard !parts.isEmpty else { return nil }
        return ResourcePath(segments: Array(parts.dropLast()))
    }
}
