/// Who made a request: the login name and its principal uri (`principals/NAME`).
public struct AuthenticatedUser: Hashable, Sendable {
    /// The `users.username`.
    public var username: String
    /// `principals/NAME`, without slashes around it.
    public var principalURI: String
    /// Creates a user.
    public init(username: String) {
        self.username = username
        self.principalURI = "principals/" + username
    }
}
