extension CalDAVServer {
    /// The DAV compliance classes we announce (RFC 4918 §10.1, RFC 4791 §5.1, RFC 6638 §2, RFC 5689, RFC 7953).
    static var complianceClasses: String {
        [
            "1", "2", "3", "calendar-access", "calendar-schedule", "calendar-auto-schedule", "calendar-availability",
            "access-control", "extended-mkcol", "calendarserver-principal-property-search", "calendar-proxy",
            "resource-sharing", "calendarserver-sharing",
        ].joined(separator: ", ")
    }

    /// OPTIONS: no auth needed (RFC 4918 §9.1 discovery); announces classes and methods.
    func options() -> DAVResponse {
        DAVResponse(
            status: 200,
            headers: [
                ("DAV", Self.complianceClasses),
                ("Allow", Self.allowedMethods.joined(separator: ", ")),
                ("MS-Author-Via", "DAV"),
                ("Accept-Ranges", "none"),
                ("Content-Length", "0"),
            ])
    }
}
