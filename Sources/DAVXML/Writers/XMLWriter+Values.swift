extension XMLWriter {
    /// Writes `<name>value</name>` for a response property.
    mutating func property(_ property: DAVProperty, minimal: Bool) {
        let name = property.name
        switch property.value {
        case .empty:
            empty(name)
        case .text(let value):
            element(name, text: value)
        case .href(let value):
            open(name)
            href(value)
            close(name)
        case .hrefs(let values):
            if values.isEmpty { return empty(name) }
            open(name)
            for value in values { href(value) }
            close(name)
        case .xml(let elements):
            if elements.isEmpty { return empty(name) }
            open(name)
            for element in elements { write(element) }
            close(name)
        case .rawXML(let inner):
            if inner.isEmpty { return empty(name) }
            open(name)
            append(inner)
            close(name)
        case .resourceType(let types):
            if types.isEmpty { return empty(name) }
            open(name)
            for type in types { empty(type) }
            close(name)
        case .supportedReports(let reports):
            open(name)
            for report in reports {
                open(.supportedReport)
                open(.report)
                empty(report)
                close(.report)
                close(.supportedReport)
            }
            close(name)
        case .privileges(let privileges):
            open(name)
            for privilege in privileges { self.privilege(privilege) }
            close(name)
        case .componentSet(let components):
            open(name)
            for component in components { empty(.comp, attributes: ["name": component]) }
            close(name)
        case .acl(let entries):
            open(name)
            for entry in entries { ace(entry) }
            close(name)
        case .supportedPrivileges(let nodes):
            open(name)
            for node in nodes { supportedPrivilege(node) }
            close(name)
        case .lockDiscovery(let locks):
            if locks.isEmpty { return empty(name) }
            open(name)
            for lock in locks { activeLock(lock) }
            close(name)
        case .supportedLock:
            open(name)
            for scope in [PropertyName.exclusive, .shared] {
                open(.lockEntry)
                open(.lockScope)
                empty(scope)
                close(.lockScope)
                open(.lockType)
                empty(.write)
                close(.lockType)
                close(.lockEntry)
            }
            close(name)
        case .shareAccess(let access):
            open(name)
            empty(access.elementName)
            close(name)
        case .invite(let sharees):
            open(name)
            for sharee in sharees { davSharee(sharee) }
            close(name)
        case .calendarServerInvite(let organizer, let sharees):
            open(name)
            if let organizer {
                open(.organizer)
                href(organizer.href)
                if let commonName = organizer.commonName { element(.commonName, text: commonName) }
                close(.organizer)
            }
            for sharee in sharees { calendarServerSharee(sharee) }
            close(name)
        case .allowedSharingModes(let canBeShared, let canBePublished):
            open(name)
            if canBeShared { empty(.canBeShared) }
            if canBePublished { empty(.canBePublished) }
            close(name)
        case .element(let element):
            write(element)
        case .responses(let responses):
            open(name)
            for response in responses { self.response(response, minimal: minimal) }
            close(name)
        }
    }

    /// Writes one `DAV:response`.
    mutating func response(_ response: MultistatusResponse, minimal: Bool) {
        open(.response)
        href(response.href)
        if let code = response.status {
            status(code)
            if let error = response.error {
                open(.error)
                empty(error)
                close(.error)
            }
        } else {
            var written = 0
            for propstat in response.propstats {
                if propstat.properties.isEmpty || (minimal && propstat.status == 404) { continue }
                written += 1
                open(.propStat)
                open(.prop)
                for property in propstat.properties { self.property(property, minimal: minimal) }
                close(.prop)
                status(propstat.status)
                if let error = propstat.error {
                    open(.error)
                    empty(error)
                    close(.error)
                }
                if let description = propstat.description { element(.responseDescription, text: description) }
                close(.propStat)
            }
            if written == 0 {
                // A response must hold a status or a propstat (RFC 4918 §14.24): when every propstat
                // was empty or dropped for `return=minimal`, an empty 200 propstat keeps it valid.
                open(.propStat)
                empty(.prop)
                status(200)
                close(.propStat)
            }
        }
        if let description = response.description { element(.responseDescription, text: description) }
        close(.response)
    }

    mutating func privilege(_ privilege: PropertyName) {
        open(.privilege)
        empty(privilege)
        close(.privilege)
    }

    mutating func ace(_ entry: AccessControlEntry) {
        open(.ace)
        if entry.invert { open(.invert) }
        open(.principal)
        switch entry.principal {
        case .href(let value): href(value)
        case .all: empty(.all)
        case .authenticated: empty(.authenticated)
        case .unauthenticated: empty(.unauthenticated)
        case .selfPrincipal: empty(.selfPrincipal)
        case .property(let property):
            open(.property)
            empty(property)
            close(.property)
        }
        close(.principal)
        if entry.invert { close(.invert) }
        for (list, name) in [(entry.grant, PropertyName.grant), (entry.deny, .deny)] where !list.isEmpty {
            open(name)
            for privilege in list { self.privilege(privilege) }
            close(name)
        }
        if entry.isProtected { empty(.protected) }
        if let inherited = entry.inherited {
            open(.inherited)
            href(inherited)
            close(.inherited)
        }
        close(.ace)
    }

    mutating func supportedPrivilege(_ node: SupportedPrivilege) {
        open(.supportedPrivilege)
        privilege(node.privilege)
        if node.isAbstract { empty(.abstract) }
        if let description = node.description { element(.description, text: description) }
        for child in node.children { supportedPrivilege(child) }
        close(.supportedPrivilege)
    }

    mutating func activeLock(_ lock: ActiveLock) {
        open(.activeLock)
        open(.lockScope)
        empty(lock.scope == .exclusive ? .exclusive : .shared)
        close(.lockScope)
        open(.lockType)
        empty(.write)
        close(.lockType)
        element(.depth, text: lock.depthInfinity ? "infinity" : "0")
        if let owner = lock.owner { write(owner) }
        element(.timeout, text: lock.timeoutSeconds.map { "Second-\($0)" } ?? "Infinite")
        open(.lockToken)
        href(lock.token)
        close(.lockToken)
        open(.lockRoot)
        href(lock.root)
        close(.lockRoot)
        close(.activeLock)
    }

    mutating func davSharee(_ sharee: ShareeInfo) {
        open(.sharee)
        href(sharee.href)
        if let commonName = sharee.commonName {
            open(.prop)
            element(.displayName, text: commonName)
            close(.prop)
        }
        if let comment = sharee.comment { element(.comment, text: comment) }
        open(.shareAccess)
        empty(sharee.access.elementName)
        close(.shareAccess)
        switch sharee.status {
        case .noResponse: empty(.inviteNoResponse)
        case .accepted: empty(.inviteAccepted)
        case .declined: empty(.inviteDeclined)
        case .invalid: empty(.inviteInvalid)
        }
        close(.sharee)
    }

    mutating func calendarServerSharee(_ sharee: ShareeInfo) {
        open(.user)
        href(sharee.href)
        if let commonName = sharee.commonName { element(.commonName, text: commonName) }
        switch sharee.status {
        case .noResponse: empty(.csInviteNoResponse)
        case .accepted: empty(.csInviteAccepted)
        case .declined: empty(.csInviteDeclined)
        case .invalid: empty(.csInviteInvalid)
        }
        open(.access)
        empty(sharee.access == .readWrite ? .csReadWrite : .csRead)
        close(.access)
        if let comment = sharee.comment { element(.summary, text: comment) }
        close(.user)
    }
}
