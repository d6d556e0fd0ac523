import ITIP

extension DAVError {
    /// A refused scheduling change: 403 with its RFC 6638 §3.2.4 precondition.
    static func scheduling(_ error: ITIPError) -> DAVError {
        DAVError(403, .calDAV(error.precondition), "\(error)")
    }
}

extension DAVError.Condition {
    /// A CALDAV-namespace precondition by name, e.g. the RFC 6638 §3.2.4 scheduling ones.
    static func calDAV(_ name: String) -> DAVError.Condition {
        .named(namespace: "urn:ietf:params:xml:ns:caldav", name: name)
    }
}
