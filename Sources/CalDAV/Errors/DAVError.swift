/// The engine's one error type: an HTTP status plus, where the RFCs name one,
/// the precondition or postcondition element of the `DAV:error` body (RFC 4918 §16).
struct DAVError: Error, Sendable {
    /// HTTP status code.
    var status: Int
    /// The condition element, if any.
    var condition: Condition?
    /// A human-readable explanation (logged, and sent in the body as a comment-like element).
    var message: String
    /// Extra response headers (Allow for 405).
    var headers: [(name: String, value: String)]

    /// Creates an error.
    init(
        _ status: Int, _ condition: Condition? = nil, _ message: String = "",
        headers: [(name: String, value: String)] = []
    ) {
        self.status = status
        self.condition = condition
        self.message = message
        self.headers = headers
    }

    /// Conditions of RFC 4918 §16, RFC 3744 §7.1.1, RFC 4791 §5.3.2/§7, RFC 6578 §3.7, RFC 5689.
    enum Condition: Sendable, Equatable {
        /// DAV:need-privileges with (href, privilege local name) pairs (RFC 3744 §7.1.1).
        case needPrivileges([NeededPrivilege])
        case propfindFiniteDepth
        case validSyncToken
        case supportedReport
        case resourceMustBeNull
        case lockTokenSubmitted
        case noConflictingLock
        case validCalendarData
        case supportedCalendarData
        case validCalendarObjectResource
        case supportedCalendarComponent
        /// CALDAV:no-uid-conflict with the href of the resource holding the UID.
        case noUIDConflict(href: String)
        case maxResourceSize
        case maxAttendeesPerInstance
        case maxInstances
        case calendarCollectionLocationOk
        case validFilter
        case supportedFilter
        case validCalendarDataInFilter
        case numberOfMatchesWithinLimits
        /// DAV:valid-resourcetype (RFC 5689 §3.3)
        case validResourceType
        case cannotModifyProtectedProperty
        /// DAV:no-ace-conflict (RFC 3744 §8.1.1).
        case noACEConflict
        /// DAV:no-protected-ace-conflict (RFC 3744 §8.1.1).
        case noProtectedACEConflict
        /// DAV:not-supported-privilege (RFC 3744 §8.1.1).
        case notSupportedPrivilege
        /// DAV:lock-token-submitted naming the locked resource (RFC 4918 §16).
        case lockTokenSubmittedFor(href: String)
        /// A sharing precondition or other condition named by its element.
        case named(namespace: String, name: String)
        /// CALDAV:supported-collation (RFC 4791 §7.5.1)
        case supportedCollation
        /// CALDAV:valid-timezone (RFC 7809 §5.2).
        case validTimezone

        /// (namespace, local name) of the element.
        var element: (namespace: String, name: String) {
            let dav = "DAV:"
            let caldav = "urn:ietf:params:xml:ns:caldav"
            switch self {
            case .needPrivileges: return (dav, "need-privileges")
            case .propfindFiniteDepth: return (dav, "propfind-finite-depth")
            case .validSyncToken: return (dav, "valid-sync-token")
            case .supportedReport: return (dav, "supported-report")
            case .resourceMustBeNull: return (dav, "resource-must-be-null")
            case .lockTokenSubmitted: return (dav, "lock-token-submitted")
            case .noConflictingLock: return (dav, "no-conflicting-lock")
            case .validCalendarData: return (caldav, "valid-calendar-data")
            case .supportedCalendarData: return (caldav, "supported-calendar-data")
            case .validCalendarObjectResource: return (caldav, "valid-calendar-object-resource")
            case .supportedCalendarComponent: return (caldav, "supported-calendar-component")
            case .noUIDConflict: return (caldav, "no-uid-conflict")
            case .maxResourceSize: return (caldav, "max-resource-size")
            case .maxAttendeesPerInstance: return (caldav, "max-attendees-per-instance")
            case .maxInstances: return (caldav, "max-instances")
            case .calendarCollectionLocationOk: return (caldav, "calendar-collection-location-ok")
            case .validFilter: return (caldav, "valid-filter")
            case .supportedFilter: return (caldav, "supported-filter")
            case .validCalendarDataInFilter: return (caldav, "valid-calendar-data")
            case .numberOfMatchesWithinLimits: return (dav, "number-of-matches-within-limits")
            case .validResourceType: return (dav, "valid-resourcetype")
            case .cannotModifyProtectedProperty: return (dav, "cannot-modify-protected-property")
            case .noACEConflict: return (dav, "no-ace-conflict")
            case .noProtectedACEConflict: return (dav, "no-protected-ace-conflict")
            case .notSupportedPrivilege: return (dav, "not-supported-privilege")
            case .lockTokenSubmittedFor: return (dav, "lock-token-submitted")
            case .named(let namespace, let name): return (namespace, name)
            case .supportedCollation: return (caldav, "supported-collation")
            case .validTimezone: return (caldav, "valid-timezone")
            }
        }
    }

    /// One entry of DAV:need-privileges.
    struct NeededPrivilege: Sendable, Equatable {
        /// The resource's href.
        var href: String
        /// The missing privilege.
        var privilege: Privilege
        /// Creates an entry.
        init(href: String, privilege: Privilege) {
            self.href = href
            self.privilege = privilege
        }
    }
}

extension DAVError {
    static func notFound(_ message: String = "Not Found") -> DAVError { DAVError(404, nil, message) }
    static func badRequest(_ message: String) -> DAVError { DAVError(400, nil, message) }
    static func forbidden(_ condition: Condition?, _ message: String) -> DAVError { DAVError(403, condition, message) }
    static func conflict(_ message: String) -> DAVError { DAVError(409, nil, message) }
    static func preconditionFailed(_ message: String) -> DAVError { DAVError(412, nil, message) }
    static func methodNotAllowed(_ message: String, allow: [String]) -> DAVError {
        DAVError(405, nil, message, headers: [("Allow", allow.joined(separator: ", "))])
    }
}
