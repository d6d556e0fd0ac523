import DAVXML
import Storage

/// The live properties the engine serves, by name (RFC 4918 §15, RFC 3744 §5, RFC 4791 §5.2/§6.2, RFC 6638 §2/§9, RFC 6578 §4).
struct PropertyTable<Store: CalendarStore> {
    let byName: [PropertyName: LiveProperty<Store>]
    let ordered: [LiveProperty<Store>]

    static func make() -> PropertyTable {
        let rows = davProperties() + calendarProperties() + principalProperties() + objectProperties()
            + aclProperties() + sharingProperties() + schedulingProperties() + availabilityProperties()
            + timezoneIDProperties()
        var byName: [PropertyName: LiveProperty<Store>] = [:]
        for row in rows { byName[row.name] = row }
        return PropertyTable(byName: byName, ordered: rows)
    }

    typealias Row = LiveProperty<Store>

    /// Properties every resource has (RFC 4918 §15, RFC 5397, RFC 3744 §5).
    static func davProperties() -> [Row] {
        [
            Row(.resourceType) { server, scope in server.resourceType(scope.resource) },
            Row(.currentUserPrincipal) { server, scope in
                .hrefs(.currentUserPrincipal, [server.urls.href(.principal(scope.user.username))])
            },
            Row(.principalCollectionSet, allprop: false) { server, _ in
                .hrefs(.principalCollectionSet, [server.urls.href(.principals)])
            },
            Row(.owner, allprop: false) { server, scope in
                if let instance = scope.resource.instance, instance.access != .owner,
                    let owner = try server.ownerInstance(of: instance),
                    let name = owner.principalURI.split(separator: "/").last
                {
                    return .hrefs(.owner, [server.urls.href(.principal(String(name)))])
                }
                return scope.path.ownerName.map { .hrefs(.owner, [server.urls.href(.principal($0))]) }
            },
            Row(.currentUserPrivilegeSet, read: .readCurrentUserPrivilegeSet, allprop: false) { _, scope in
                XMLElement(
                    .currentUserPrivilegeSet,
                    children: scope.privileges.elementNames.map { name in
                        XMLElement(
                            .privilege,
                            children: [XMLElement(PropertyName(namespace: name.namespace, local: name.name))])
                    })
            },
            Row(.supportedLock) { _, _ in
                let entries: [XMLElement] = [PropertyName.exclusive, .shared].map { scope in
                    XMLElement(
                        PropertyName(.dav, "lockentry"),
                        children: [
                            XMLElement(.lockScope, children: [XMLElement(scope)]),
                            XMLElement(.lockType, children: [XMLElement(.write)]),
                        ])
                }
                return XMLElement(.supportedLock, children: entries)
            },
            Row(.lockDiscovery, allprop: false) { server, scope in
                let locks = try server.store.locks(
                    for: scope.path.storagePath, includeChildren: false, now: server.now())
                return XMLElement(.lockDiscovery, children: locks.map { server.activeLockElement($0) })
            },
            Row(.supportedReportSet, allprop: false) { server, scope in server.supportedReports(scope.resource) },
            Row(
                .displayName,
                get: { _, scope in
                    switch scope.resource {
                    case .principal(let record): return record.displayName.map { .text(.displayName, $0) }
                    case .calendar(let instance): return instance.properties.displayName.map { .text(.displayName, $0) }
                    case .proxyGroup(_, let kind, _): return .text(.displayName, kind.rawValue)
                    default: return nil
                    }
                },
                set: { _, patch, value in
                    if patch.calendar != nil {
                        patch.calendar?.displayName = value?.text
                        return true
                    }
                    if patch.principal != nil {
                        patch.principal?.displayName = value?.text
                        return true
                    }
                    return false
                }),
        ]
    }

    /// Calendar collection properties (RFC 4791 §5.2, RFC 6578, RFC 6638 §9.1, Apple and CalendarServer extensions).
    static func calendarProperties() -> [Row] {
        func column(_ name: PropertyName, _ keyPath: WritableKeyPath<CalendarProperties, String?>) -> Row {
            Row(
                name,
                get: { _, scope in
                    guard case .calendar(let instance) = scope.resource else { return nil }
                    return instance.properties[keyPath: keyPath].map { .text(name, $0) }
                },
                set: { _, patch, value in
                    guard patch.calendar != nil else { return false }
                    patch.calendar?[keyPath: keyPath] = value?.text
                    return true
                })
        }
        func onCalendar(_ name: PropertyName, allprop: Bool = true, _ body: @escaping (CalendarInstance) -> XMLElement?)
            -> Row
        {
            Row(name, allprop: allprop) { _, scope in
                guard case .calendar(let instance) = scope.resource else { return nil }
                return body(instance)
            }
        }
        return [
            column(.calendarDescription, \.description),
            column(.calendarTimezone, \.timezone),
            column(.calendarColor, \.color),
            Row(
                .calendarOrder,
                get: { _, scope in
                    guard case .calendar(let instance) = scope.resource else { return nil }
                    return .text(.calendarOrder, String(instance.properties.order))
                },
                set: { _, patch, value in
                    guard patch.calendar != nil else { return false }
                    guard let text = value?.trimmedText else {
                        patch.calendar?.order = 0
                        return true
                    }
                    guard let order = Int(text), order >= 0 else {
                        throw DAVError(409, nil, "calendar-order must be a number")
                    }
                    patch.calendar?.order = order
                    return true
                }),
            Row(
                .scheduleCalendarTransp,
                get: { _, scope in
                    guard case .calendar(let instance) = scope.resource else { return nil }
                    let value: PropertyName = instance.properties.transparent ? .transparent : .opaque
                    return XMLElement(.scheduleCalendarTransp, children: [XMLElement(value)])
                },
                set: { _, patch, value in
                    guard patch.calendar != nil else { return false }
                    guard let value else {
                        patch.calendar?.transparent = false
                        return true
                    }
                    if value.has(.transparent) {
                        patch.calendar?.transparent = true
                    } else if value.has(.opaque) {
                        patch.calendar?.transparent = false
                    } else {
                        throw DAVError(409, nil, "schedule-calendar-transp needs opaque or transparent")
                    }
                    return true
                }),
            onCalendar(.syncToken, allprop: false) { .text(.syncToken, SyncTokenFormat.string($0.syncToken)) },
            onCalendar(.getCTag, allprop: false) { .text(.getCTag, SyncTokenFormat.string($0.syncToken)) },
            Row(
                .supportedCalendarComponentSet,
                get: { _, scope in
                    guard case .calendar(let instance) = scope.resource else { return nil }
                    return XMLElement(
                        .supportedCalendarComponentSet,
                        children: instance.components.map { XMLElement(.comp, attributes: ["name": $0]) })
                },
                set: { _, patch, value in
                    // Only MKCALENDAR may set it (RFC 4791 §5.2.3); PROPPATCH finds `components` nil.
                    guard patch.components != nil, let value else {
                        throw DAVError(403, .cannotModifyProtectedProperty, "")
                    }
                    let names = value.children(.comp).compactMap { $0.attribute("name")?.uppercased() }
                    let known = ["VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY"]
                    guard !names.isEmpty, names.allSatisfy(known.contains) else {
                        throw DAVError(403, .supportedCalendarComponent, "unsupported component in the set")
                    }
                    patch.components = names
                    return true
                }),
            onCalendar(.supportedCalendarData) { _ in
                XMLElement(
                    .supportedCalendarData,
                    children: [
                        XMLElement(.calendarData, attributes: ["content-type": "text/calendar", "version": "2.0"])
                    ])
            },
            Row(.maxResourceSize) { server, scope in
                guard case .calendar = scope.resource else { return nil }
                return .text(.maxResourceSize, String(server.configuration.maxResourceSize))
            },
            Row(.maxInstances, allprop: false) { server, scope in
                guard case .calendar = scope.resource else { return nil }
                return .text(.maxInstances, String(server.configuration.maxInstances))
            },
            Row(.maxAttendeesPerInstance, allprop: false) { server, scope in
                guard case .calendar = scope.resource else { return nil }
                return .text(.maxAttendeesPerInstance, String(server.configuration.maxAttendeesPerInstance))
            },
        ]
    }
}
