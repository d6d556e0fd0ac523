/// How outgoing iMIP mail is addressed and presented (RFC 6047 §3).
public struct IMIPConfiguration: Sendable {
    /// The address mail is sent from (From and envelope sender), e.g. `calendar@example.org`.
    public var senderAddress: String
    /// The From display name; `{name}` is replaced by the originator's name, e.g. `{name} via Almanac`.
    public var senderNameFormat: String
    /// Language when the recipient has no (known) LANGUAGE parameter.
    public var defaultLanguage: String
    /// Zone for UTC and floating times when neither the recipient's nor the event's zone is known.
    public var defaultTimeZone: String?
    /// The product name shown in mail footers.
    public var productName: String
    /// Put the originator's own address in From (with `senderAddress` as Sender and
    /// envelope sender) — only for domains whose SPF/DKIM this server satisfies.
    public var fromOriginatorAddress: Bool

    /// Creates a configuration.
    public init(
        senderAddress: String, senderNameFormat: String = "{name} via Almanac", defaultLanguage: String = "en",
        defaultTimeZone: String? = nil, productName: String = "Almanac", fromOriginatorAddress: Bool = false
    ) {
        self.fromOriginatorAddress = fromOriginatorAddress
        self.senderAddress = senderAddress
        self.senderNameFormat = senderNameFormat
        self.defaultLanguage = defaultLanguage
        self.defaultTimeZone = defaultTimeZone
        self.productName = productName
    }
}
