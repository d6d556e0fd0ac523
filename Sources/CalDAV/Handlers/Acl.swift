import DAVXML
import Storage

extension CalDAVServer {
    /// ACL (RFC 3744 §8.1). Every ACE is protected and computed, so a request may only restate
    /// ACEs the resource already has; anything else is refused and nothing is ever written.
    func acl(_ context: RequestContext) throws -> DAVResponse {
        let resource = try load(context.path)
        try require(.writeACL, on: context.path, for: context.user, instance: resource.instance)
        let request = try ACLRequest.parse(context.request.body)
        let current = try grants(for: context.path, instance: resource.instance)
        for entry in request.entries {
            for name in entry.grant + entry.deny where Privilege(namespace: name.namespace.uri, name: name.local) == nil
            {
                throw DAVError(403, .notSupportedPrivilege, "\(name.clark) is not a supported privilege")
            }
            if entry.invert {
                throw DAVError(403, .named(namespace: "DAV:", name: "no-invert"), "DAV:invert is not supported")
            }
            if !entry.deny.isEmpty {
                throw DAVError(403, .named(namespace: "DAV:", name: "grant-only"), "only grant ACEs are supported")
            }
            guard let grantee = aclGrantee(entry.principal) else {
                throw DAVError(403, .named(namespace: "DAV:", name: "recognized-principal"), "unknown principal in ACE")
            }
            var privileges: Privilege = []
            for name in entry.grant {
                privileges.formUnion(Privilege(namespace: name.namespace.uri, name: name.local) ?? [])
            }
            if current.contains(ACLGrant(grantee: grantee, privileges: privileges)) { continue }
            if current.contains(where: { $0.grantee == grantee }) {
                throw DAVError(403, .noProtectedACEConflict, "the ACE for this principal is protected")
            }
            throw DAVError(403, .noACEConflict, "ACEs cannot be added to this resource")
        }
        return DAVResponse(status: 200, headers: [("Content-Length", "0")])
    }

    /// The grantee an ACE principal names, if it is one the computed ACLs use.
    private func aclGrantee(_ principal: ACEPrincipal) -> ACLGrant.Grantee? {
        switch principal {
        case .authenticated: return .authenticated
        case .href(let href):
            guard let path = urls.resolve(href) else { return nil }
            switch path {
            case .principal, .proxyGroup: return .principal(path.storagePath)
            default: return nil
            }
        default: return nil
        }
    }
}
