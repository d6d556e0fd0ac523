

/// The `DAV:share-resource` POST body (draft-pot-webdav-resource-sharing §5.3.2).
public struct ShareResourceRequest: Hashable, Sendable {
    /// One `DAV:sharee`.
    public struct Sharee: Hashable, Sendable {
        /// The sharee's principal URL or `mailto:` address.
        public var href: String
        /// The access to grant; `.noAccess` removes the sharee.
        public var access: ShareAccess
        /// `DAV:comment`.
        public var comment: String?
        /// Properties under `DAV:prop` (e.g. displayname).
        public var properties: [XMLElement]

        /// Creates a sharee.
        public init(href: String, access: ShareAccess, comment: String? = nil, properties: [XMLElement] = []) {
            self.href = href
            self.access = access
            self.comment = comment
            self.properties = properties
        }
    }

    /// The sharees, in order.
    public var sharees: [Sharee]

    /// Creates a request.
    public init(sharees: [Sharee]) {
        self.sharees = sharees
    }

    /// Parses a share-resource body.
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> ShareResourceRequest {
        try ShareResourceRequest(element: XMLElement.parse(bytes, limits: limits))
    }

    /// Reads a parsed `share-resource` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        try element.expect(.shareResource)
        var sharees: [Sharee] = []
        for sharee in element.children(.sharee) {
            guard let href = sharee.hrefs.first else { throw .missingElement(.href) }
            guard let accessName = try sharee.require(.shareAccess).children.first?.name else {
                throw .missingElement(.shareAccess)
            }
            guard let access = ShareAccess(elementName: accessName) else {
                throw .invalidValue(element: .shareAccess, value: accessName.clark)
            }
            sharees.append(
                Sharee(
                    href: href, access: access, comment: sharee.child(.comment)?.text,
                    properties: sharee.child(.prop)?.children ?? []))
        }
        self.init(sharees: sharees)
    }
}
