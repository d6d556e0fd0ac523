import DAVXML
import Storage

extension PropertyTable {
    /// Access-control properties (RFC 3744 §4.4, §5), all computed from `grants(for:instance:)`.
    static func aclProperties() -> [Row] {
        [
            Row(.supportedCollationSet, allprop: false) { _, scope in
                guard case .calendar = scope.resource else { return nil }
                return XMLElement(
                    .supportedCollationSet,
                    children: CalendarFilterMatcher.collations.sorted().map {
                        XMLElement(PropertyName(.calDAV, "supported-collation"), text: $0)
                    })
            },
            Row(.acl, read: .readACL, allprop: false) { server, scope in
                let grants = try server.grants(for: scope.path, instance: scope.resource.instance)
                return XMLElement(.acl, children: grants.map(server.aceElement))
            },
            Row(.supportedPrivilegeSet, allprop: false) { _, _ in
                XMLElement(
                    .supportedPrivilegeSet, children: [SupportedPrivilegeTree.element(SupportedPrivilegeTree.root)])
            },
            Row(.aclRestrictions, read: .readACL, allprop: false) { _, _ in
                // Only grants, no inversion, every ACE protected: nothing can be written (RFC 3744 §5.6).
                XMLElement(
                    .aclRestrictions,
                    children: [
                        XMLElement(PropertyName(.dav, "grant-only")), XMLElement(PropertyName(.dav, "no-invert")),
                    ])
            },
            Row(.inheritedACLSet, read: .readACL, allprop: false) { _, _ in XMLElement(.inheritedACLSet) },
            Row(.group, allprop: false) { _, scope in scope.path.ownerName == nil ? nil : XMLElement(.group) },
        ]
    }
}
