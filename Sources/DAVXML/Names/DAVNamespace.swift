/// An XML namespace of a WebDAV element, with fixed cases for the namespaces CalDAV servers speak (RFC 4918 §21).
///
/// Build unknown namespaces with `init(uri:)` so that a known URI always maps to its case;
/// `.other("DAV:")` would not compare equal to `.dav`.
public enum DAVNamespace: Hashable, Sendable {
    /// `DAV:` (RFC 4918).
    case dav
    /// `urn:ietf:params:xml:ns:caldav` (RFC 4791).
    case calDAV
    /// `http://calendarserver.org/ns/` (Apple CalendarServer extensions).
    case calendarServer
    /// `http://apple.com/ns/ical/` (iCal client properties such as calendar-color).
    case appleICal
    /// Any other namespace URI; the empty string means "no namespace".
    case other(String)

    /// The namespace for a URI, mapping known URIs to their fixed case.
    @inlinable
    public init(uri: String) {
        switch uri {
        case "DAV:": self = .dav
        case "urn:ietf:params:xml:ns:caldav": self = .calDAV
        case "http://calendarserver.org/ns/": self = .calendarServer
        case "http://apple.com/ns/ical/": self = .appleICal
        default: self = .other(uri)
        }
    }

    /// The namespace URI.
    @inlinable
    public var uri: String {
        switch self {
        case .dav: return "DAV:"
        case .calDAV: return "urn:ietf:params:xml:ns:caldav"
        case .calendarServer: return "http://calendarserver.org/ns/"
        case .appleICal: return "http://apple.com/ns/ical/"
        case .other(let uri): return uri
        }
    }

    /// The prefix our writers declare once on the root element (`d`, `cal`, `cs`, `ical`); nil for other namespaces.
    @inlinable
    public var prefix: String? {
        switch self {
        case .dav: return "d"
        case .calDAV: return "cal"
        case .calendarServer: return "cs"
        case .appleICal: return "ical"
        case .other: return nil
        }
    }

    /// The four namespaces declared on every root element we write.
    public static let common: [DAVNamespace] = [.dav, .calDAV, .calendarServer, .appleICal]
}
