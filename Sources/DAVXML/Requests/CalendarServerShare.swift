/// One change in a `CS:share` POST (CalendarServer caldav-sharing §5.2).
public enum CalendarServerShareChange: Hashable, Sendable {
    /// `CS:set`: invite or update a sharee.
    case set(href: String, commonName: String?, summary: String?, readWrite: Bool)
    /// `CS:remove`: withdraw the share.
    case remove(href: String)
}

/// The `CS:share` POST body sent by macOS/iOS Calendar to share a calendar.
public struct CalendarServerShare: Hashable, Sendable {
    /// The changes, in document order.
    public var changes: [CalendarServerShareChange]

    /// Creates a request.
    public init(changes: [CalendarServerShareChange]) {
        self.changes = changes
    }

    /// Parses a `CS:share` body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> CalendarServerShare {
        try CalendarServerShare(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `CS:share` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.csShare)
        var changes: [CalendarServerShareChange] = []
        for child in element.children where child.name.namespace == .calendarServer {
            guard let href = child.hrefs.first else {
                if child.name == .csSet || child.name == .csRemove { throw .missingElement(.href) }
                continue
            }
            if child.name == .csSet {
                changes.append(
                    .set(
                        href: href, commonName: child.child(.commonName)?.trimmedText,
                        summary: child.child(.summary)?.text, readWrite: child.has(.csReadWrite)))
            } else if child.name == .csRemove {
                changes.append(.remove(href: href))
            }
        }
        self.init(changes: changes)
    }
}
