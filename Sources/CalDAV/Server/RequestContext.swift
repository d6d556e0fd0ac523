/// What every handler knows about the request it answers.
struct RequestContext {
    /// The request as it came.
    let request: DAVRequest
    /// The resource it targets.
    let path: ResourcePath
    /// Who sent it.
    let user: AuthenticatedUser
    /// Unix seconds when the request was taken up.
    let now: Int64

    /// The Depth header (RFC 4918 §10.2): 0, 1 or nil for infinity; `defaultValue` when absent.
    func depth(default defaultValue: Int?) throws -> Int? {
        guard let raw = request.header("depth")?.trimmingSpaces().lowercased() else { return defaultValue }
        switch raw {
        case "0": return 0
        case "1": return 1
        case "infinity": return nil
        default: throw DAVError.badRequest("bad Depth header \(raw)")
        }
    }
}
