import DAVXML
import Storage

extension PropertyTable {
    /// Access-control properties (RFC 3744 §5.3, §5.5), describing the fixed model of `privileges(of:on:)`.
    static func aclProperties() -> [Row] {
        [
            Row(.supportedPrivilegeSet, allprop: false) { _, _ in
                func node(_ name: PropertyName, abstract: Bool = false, _ children: [XMLElement] = []) -> XMLElement {
                    var parts = [XMLElement(.privilege, children: [XMLElement(name)])]
                    if abstract { parts.append(XMLElement(.abstract)) }
                    return XMLElement(.supportedPrivilege, children: parts + children)
                }
                let read = node(.read, [node(.readACL), node(.readCurrentUserPrivilegeSet), node(.readFreeBusy)])
                let write = node(.write, [node(.writeProperties), node(.writeContent), node(.bind), node(.unbind)])
                let all = node(
                    .all, abstract: true,
                    [read, write, node(.unlock), node(.writeACL), node(.scheduleDeliver), node(.scheduleSend)])
                return XMLElement(.supportedPrivilegeSet, children: [all])
            },
            Row(.aclRestrictions, allprop: false) { _, _ in
                XMLElement(.aclRestrictions, children: [XMLElement(PropertyName(.dav, "grant-only")), XMLElement(PropertyName(.dav, "no-invert"))])
            },
            Row(.supportedCollationSet, allprop: false) { _, scope in
                guard case .calendar = scope.resource else { return nil }
                return XMLElement(
                    .supportedCollationSet,
                    children: CalendarFilterMatcher.collations.sorted().map { XMLElement(PropertyName(.calDAV, "supported-collation"), text: $0) })
            },
            Row(.acl, read: .readACL, allprop: false) { server, scope in
                guard let owner = scope.path.ownerName else { return nil }
                func ace(_ principal: String, _ privileges: [PropertyName]) -> XMLElement {
                    XMLElement(
                        .ace,
                        children: [
                            XMLElement(.principal, children: [XMLElement(.href, text: principal)]),
                            XMLElement(
                                .grant, children: privileges.map { XMLElement(.privilege, children: [XMLElement($0)]) }),
                            XMLElement(.protected),
                        ])
                }
                var aces = [ace(server.urls.href(.principal(owner)), [.all])]
                switch scope.path {
                case .calendarHome, .calendar, .calendarObject, .inbox, .inboxItem, .outbox:
                    aces.append(ace(server.urls.href(.proxyGroup(owner, .write)), [.read, .write]))
                    aces.append(ace(server.urls.href(.proxyGroup(owner, .read)), [.read]))
                default:
                    aces.append(
                        XMLElement(
                            .ace,
                            children: [
                                XMLElement(.principal, children: [XMLElement(.authenticated)]),
                                XMLElement(.grant, children: [XMLElement(.privilege, children: [XMLElement(.read)])]),
                                XMLElement(.protected),
                            ]))
                }
                return XMLElement(.acl, children: aces)
            },
        ]
    }
}
