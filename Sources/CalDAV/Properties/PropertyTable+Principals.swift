import DAVXML
import Storage

extension PropertyTable {
    /// Principal properties (RFC 3744 §4, RFC 4791 §6.2.1, RFC 6638 §2.4, caldav-proxy.txt).
    static func principalProperties() -> [Row] {
        func onPrincipal(
            _ name: PropertyName, allprop: Bool = true,
            _ body: @escaping (CalDAVServer<Store>, PrincipalRecord, String) throws -> XMLElement?
        ) -> Row {
            Row(name, allprop: allprop) { server, scope in
                guard case .principal(let record) = scope.resource else { return nil }
                return try body(server, record, String(record.uri.split(separator: "/").last ?? ""))
            }
        }
        return [
            onPrincipal(.principalURL) { server, _, name in .hrefs(.principalURL, [server.urls.href(.principal(name))])
            },
            onPrincipal(.calendarHomeSet) { server, _, name in
                .hrefs(.calendarHomeSet, [server.urls.href(.calendarHome(name))])
            },
            onPrincipal(.calendarUserAddressSet) { server, record, name in
                var hrefs: [String] = []
                if let email = record.email, !email.isEmpty { hrefs.append("mailto:" + email) }
                hrefs.append(server.urls.href(.principal(name)))
                return .hrefs(.calendarUserAddressSet, hrefs)
            },
            onPrincipal(PropertyName(.calendarServer, "email-address-set"), allprop: false) { _, record, _ in
                XMLElement(
                    PropertyName(.calendarServer, "email-address-set"),
                    children: record.email.map {
                        [XMLElement(PropertyName(.calendarServer, "email-address"), text: $0)]
                    } ?? [])
            },
            onPrincipal(.scheduleInboxURL) { server, _, name in
                .hrefs(.scheduleInboxURL, [server.urls.href(.inbox(name))])
            },
            onPrincipal(.scheduleOutboxURL) { server, _, name in
                .hrefs(.scheduleOutboxURL, [server.urls.href(.outbox(name))])
            },
            onPrincipal(.calendarUserType) { _, _, _ in .text(.calendarUserType, "INDIVIDUAL") },
            onPrincipal(.groupMembership, allprop: false) { server, record, _ in
                let groups = try server.store.memberships(of: record.id)
                return .hrefs(.groupMembership, groups.compactMap { server.principalHref($0.uri) })
            },
            onPrincipal(.calendarProxyReadFor, allprop: false) { server, record, _ in
                try server.proxyFor(record, kind: .read)
            },
            onPrincipal(.calendarProxyWriteFor, allprop: false) { server, record, _ in
                try server.proxyFor(record, kind: .write)
            },
            Row(
                .groupMemberSet, allprop: false,
                get: { server, scope in
                    guard case .proxyGroup(_, _, let group) = scope.resource else { return nil }
                    let members = try group.map { try server.store.members(of: $0.id) } ?? []
                    return .hrefs(.groupMemberSet, members.compactMap { server.principalHref($0.uri) })
                },
                set: { server, patch, value in
                    guard patch.members != nil else { return false }
                    var ids: [PrincipalID] = []
                    for href in value?.children(.href).map(\.trimmedText) ?? [] {
                        guard case .principal(let name) = server.urls.resolve(href),
                            let record = try server.store.principal(uri: "principals/" + name)
                        else { throw DAVError(409, nil, "\(href) is not a principal") }
                        ids.append(record.id)
                    }
                    patch.members = ids
                    return true
                }),
        ]
    }

    /// Properties of calendar objects and inbox items (RFC 4918 §15, RFC 6638 §3.2.10).
    static func objectProperties() -> [Row] {
        [
            Row(.getETag) { _, scope in
                switch scope.resource {
                case .object(_, let object): return .text(.getETag, ETag.quoted(object.etag))
                case .inboxItem(let item): return .text(.getETag, ETag.quoted(item.etag))
                default: return nil
                }
            },
            Row(.getContentType) { server, scope in
                switch scope.resource {
                case .object(_, let object):
                    return .text(
                        .getContentType, CalDAVServer<Store>.contentType(componentType: object.index.componentType))
                case .inboxItem: return .text(.getContentType, "text/calendar; charset=utf-8")
                default: return nil
                }
            },
            Row(.getContentLength) { _, scope in
                switch scope.resource {
                case .object(_, let object): return .text(.getContentLength, String(object.size))
                case .inboxItem(let item): return .text(.getContentLength, String(item.size))
                default: return nil
                }
            },
            Row(.getLastModified) { _, scope in
                switch scope.resource {
                case .object(_, let object): return .text(.getLastModified, HTTPDate.format(object.lastModified))
                case .inboxItem(let item): return .text(.getLastModified, HTTPDate.format(item.lastModified))
                default: return nil
                }
            },
            Row(.calendarData, allprop: false) { server, scope in
                switch scope.resource {
                case .object(let instance, let object):
                    guard let data = object.data else { return nil }
                    guard let request = scope.calendarData, !request.isPlain else { return .text(.calendarData, data) }
                    let shaper = CalendarDataShaper(
                        request: request,
                        floatingZone: scope.floatingZone ?? FloatingZone.zone(calendarTimezone: instance.properties.timezone) ?? .utc,
                        maxInstances: server.configuration.maxInstances)
                    return .text(.calendarData, try shaper.shape(data))
                case .inboxItem(let item): return item.data.map { .text(.calendarData, $0) }
                default: return nil
                }
            },
        ]
    }
}

extension CalDAVServer {
    /// The href of a principal uri (`principals/frank/calendar-proxy-read` → `/principals/frank/calendar-proxy-read/`).
    func principalHref(_ uri: String) -> String? {
        guard let path = ResourcePath(segments: uri.split(separator: "/").map(String.init)) else { return nil }
        return urls.href(path)
    }

    /// calendar-proxy-read-for / -write-for: the principals whose proxy group `record` is in.
    func proxyFor(_ record: PrincipalRecord, kind: ResourcePath.ProxyKind) throws -> XMLElement {
        let suffix = "/" + kind.rawValue
        let owners = try store.memberships(of: record.id).filter { $0.uri.hasSuffix(suffix) }.map {
            String($0.uri.dropLast(suffix.count))
        }
        let name: PropertyName = kind == .read ? .calendarProxyReadFor : .calendarProxyWriteFor
        return .hrefs(name, owners.compactMap(principalHref))
    }

    /// DAV:resourcetype by resource kind (RFC 4918 §15.9, RFC 4791 §4.2, RFC 6638 §2.1–2.2).
    func resourceType(_ resource: Resource) -> XMLElement? {
        let collection = XMLElement(.collection)
        switch resource {
        case .root, .principals, .calendarHomes, .calendarHome: return XMLElement(.resourceType, children: [collection])
        case .principal: return XMLElement(.resourceType, children: [XMLElement(.principal)])
        case .proxyGroup(_, let kind, _):
            return XMLElement(
                .resourceType,
                children: [
                    XMLElement(.principal), XMLElement(kind == .read ? .calendarProxyRead : .calendarProxyWrite),
                ])
        case .calendar(let instance):
            let sharing: PropertyName = instance.access == .owner ? .csSharedOwner : .csShared
            return XMLElement(.resourceType, children: [collection, XMLElement(.calendar), XMLElement(sharing)])
        case .inbox: return XMLElement(.resourceType, children: [collection, XMLElement(.scheduleInbox)])
        case .outbox: return XMLElement(.resourceType, children: [collection, XMLElement(.scheduleOutbox)])
        case .object, .inboxItem: return XMLElement(.resourceType)
        }
    }

    /// DAV:supported-report-set (RFC 3253 §3.1.5): what REPORT answers on this resource.
    func supportedReports(_ resource: Resource) -> XMLElement {
        var reports: [PropertyName] = [
            .expandProperty, .principalPropertySearch, .principalSearchPropertySet, .principalMatch,
            .calendarServerPrincipalSearch,
        ]
        switch resource {
        case .calendar: reports += [.calendarMultiget, .calendarQuery, .freeBusyQuery, .syncCollection]
        case .object: reports += [.calendarMultiget, .calendarQuery]
        default: break
        }
        return XMLElement(
            .supportedReportSet,
            children: reports.map {
                XMLElement(.supportedReport, children: [XMLElement(.report, children: [XMLElement($0)])])
            })
    }
}

/// sabre's sync token form `http://sabre.io/ns/sync/N` (RFC 6578 §3.2 leaves the form to the server).
enum SyncTokenFormat {
    static let prefix = "http://sabre.io/ns/sync/"

    /// The token string of a `calendars.synctoken` value.
    static func string(_ token: Int64) -> String { prefix + String(token) }

    /// The number in a token string, or nil for a token of another form.
    static func parse(_ text: String) -> Int64? {
        guard text.hasPrefix(prefix), let value = Int64(text.dropFirst(prefix.count)), value >= 0 else { return nil }
        return value
    }
}
