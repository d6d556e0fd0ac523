import DAVXML

/// The privileges Almanac knows and how they aggregate (RFC 3744 §3, §5.3; RFC 4791 §6.1.1; RFC 6638 §6.1–6.2).
enum SupportedPrivilegeTree {
    /// One node: the privilege element, whether it is abstract, a description and the privileges it aggregates.
    struct Node {
        var namespace: String
        var name: String
        var description: String
        var isAbstract = false
        var children: [Node] = []
    }

    static let root = Node(
        namespace: "DAV:", name: "all", description: "Any operation", isAbstract: true,
        children: [
            Node(
                namespace: "DAV:", name: "read", description: "Read resources and their properties",
                children: [
                    Node(namespace: "DAV:", name: "read-acl", description: "Read the ACL"),
                    Node(
                        namespace: "DAV:", name: "read-current-user-privilege-set", description: "Read own privileges"),
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "read-free-busy",
                        description: "Read free-busy time"),
                ]),
            Node(
                namespace: "DAV:", name: "write", description: "Change resources",
                children: [
                    Node(namespace: "DAV:", name: "write-properties", description: "Change properties"),
                    Node(namespace: "DAV:", name: "write-content", description: "Change content"),
                    Node(namespace: "DAV:", name: "bind", description: "Add members"),
                    Node(namespace: "DAV:", name: "unbind", description: "Remove members"),
                ]),
            Node(namespace: "DAV:", name: "unlock", description: "Remove others' locks"),
            Node(namespace: "DAV:", name: "write-acl", description: "Change the ACL (no ACE can be changed here)"),
            Node(
                namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-deliver",
                description: "Deliver scheduling messages",
                children: [
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-deliver-invite",
                        description: "Deliver invitations"),
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-deliver-reply",
                        description: "Deliver replies"),
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-query-freebusy",
                        description: "Ask for free-busy time"),
                ]),
            Node(
                namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-send",
                description: "Send scheduling messages",
                children: [
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-send-invite",
                        description: "Send invitations"),
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-send-reply",
                        description: "Send replies"),
                    Node(
                        namespace: "urn:ietf:params:xml:ns:caldav", name: "schedule-send-freebusy",
                        description: "Send free-busy requests"),
                ]),
            Node(namespace: "DAV:", name: "share", description: "Share the calendar"),
        ])

    /// `DAV:supported-privilege` for a node and its subtree.
    static func element(_ node: Node) -> XMLElement {
        var children = [
            XMLElement(.privilege, children: [XMLElement(PropertyName(namespace: node.namespace, local: node.name))])
        ]
        if node.isAbstract { children.append(XMLElement(.abstract)) }
        children.append(XMLElement(.description, attributes: ["xml:lang": "en"], text: node.description))
        children += node.children.map(element)
        return XMLElement(.supportedPrivilege, children: children)
    }
}
