import Storage

extension CalDAVServer {
    /// POST (RFC 5995 has no meaning here): only a schedule outbox accepts it (RFC 6638 §5).
    func post(_ context: RequestContext) throws -> DAVResponse {
        switch context.path {
        case .outbox(let owner):
            return try outboxPost(context, owner: owner)
        default:
            try require(.read, on: context.path, for: context.user)
            throw DAVError.methodNotAllowed("POST is only accepted by a schedule outbox", allow: Self.allowedMethods)
        }
    }
}
