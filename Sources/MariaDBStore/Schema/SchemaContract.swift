/// The sabre/dav 4.x table layout (columns, keys, engine, collation) that `db check` compares against.
///
/// Integer display widths (`int(11)` vs `int(10)`) are ignored: they are cosmetic
/// and differ between MariaDB versions and dump tools.
public enum SchemaContract {
    /// One expected column.
    public struct Column: Sendable, Equatable {
        /// Column name.
        public var name: String
        /// Normalized type: lower case, no integer display width (`int unsigned`, `varbinary(50)`).
        public var type: String
        /// Whether NULL is allowed.
        public var nullable: Bool
        /// The default as information_schema prints it, nil for none or NULL.
        public var defaultValue: String?
    }

    /// One expected index.
    public struct Index: Sendable, Equatable {
        /// Index name (`PRIMARY` for the primary key).
        public var name: String
        /// Whether it is UNIQUE.
        public var unique: Bool
        /// Columns in order, with prefix lengths as `path(600)`.
        public var columns: [String]
    }

    /// One expected table.
    public struct Table: Sendable {
        /// Table name.
        public var name: String
        /// Columns in order.
        public var columns: [Column]
        /// Indexes, including PRIMARY.
        public var indexes: [Index]
    }

    /// The collation every sabre table uses.
    public static let collation = "utf8mb4_general_ci"

    private static func col(_ name: String, _ type: String, notNull: Bool = false, default value: String? = nil)
        -> Column
    {
        Column(name: name, type: type, nullable: !notNull, defaultValue: value)
    }

    private static func table(_ name: String, _ columns: [Column], _ indexes: [Index]) -> Table {
        Table(
            name: name, columns: [col("id", "int unsigned", notNull: true)] + columns,
            indexes: [Index(name: "PRIMARY", unique: true, columns: ["id"])] + indexes)
    }

    private static func unique(_ name: String, _ columns: String...) -> Index {
        Index(name: name, unique: true, columns: columns)
    }

    private static func key(_ name: String, _ columns: String...) -> Index {
        Index(name: name, unique: false, columns: columns)
    }

    /// The sabre/dav 4.x tables (CalDAV, CardDAV, principals, properties, locks).
    public static let sabreTables: [Table] = [
        table("users", [col("username", "varbinary(50)"), col("digesta1", "varbinary(32)")], [unique("username", "username")]),
        table(
            "principals",
            [col("uri", "varbinary(200)", notNull: true), col("email", "varbinary(80)"), col("displayname", "varchar(80)")],
            [unique("uri", "uri")]),
        table(
            "groupmembers",
            [col("principal_id", "int unsigned", notNull: true), col("member_id", "int unsigned", notNull: true)],
            [unique("principal_id", "principal_id", "member_id")]),
        table(
            "calendars",
            [col("synctoken", "int unsigned", notNull: true, default: "1"), col("components", "varbinary(21)")], []),
        table(
            "calendarinstances",
            [
                col("calendarid", "int unsigned", notNull: true), col("principaluri", "varbinary(100)"),
                col("access", "tinyint", notNull: true, default: "1"), col("displayname", "varchar(100)"),
                col("uri", "varbinary(200)"), col("description", "text"),
                col("calendarorder", "int unsigned", notNull: true, default: "0"), col("calendarcolor", "varbinary(10)"),
                col("timezone", "text"), col("transparent", "tinyint", notNull: true, default: "0"),
                col("share_href", "varbinary(100)"), col("share_displayname", "varchar(100)"),
                col("share_invitestatus", "tinyint", notNull: true, default: "2"),
            ],
            [
                unique("principaluri", "principaluri", "uri"), unique("calendarid", "calendarid", "principaluri"),
                unique("calendarid_2", "calendarid", "share_href"),
            ]),
        table(
            "calendarobjects",
            [
                col("calendardata", "mediumblob"), col("uri", "varbinary(200)"),
                col("calendarid", "int unsigned", notNull: true), col("lastmodified", "int unsigned"),
                col("etag", "varbinary(32)"), col("size", "int unsigned", notNull: true),
                col("componenttype", "varbinary(8)"), col("firstoccurence", "int unsigned"),
                col("lastoccurence", "int unsigned"), col("uid", "varbinary(200)"),
            ],
            [unique("calendarid", "calendarid", "uri"), key("calendarid_time", "calendarid", "firstoccurence")]),
        table(
            "calendarchanges",
            [
                col("uri", "varbinary(200)", notNull: true), col("synctoken", "int unsigned", notNull: true),
                col("calendarid", "int unsigned", notNull: true), col("operation", "tinyint", notNull: true),
            ],
            [key("calendarid_synctoken", "calendarid", "synctoken")]),
        table(
            "calendarsubscriptions",
            [
                col("uri", "varbinary(200)", notNull: true), col("principaluri", "varbinary(100)", notNull: true),
                col("source", "text"), col("displayname", "varchar(100)"), col("refreshrate", "varchar(10)"),
                col("calendarorder", "int unsigned", notNull: true, default: "0"), col("calendarcolor", "varbinary(10)"),
                col("striptodos", "tinyint"), col("stripalarms", "tinyint"), col("stripattachments", "tinyint"),
                col("lastmodified", "int unsigned"),
            ],
            [unique("principaluri", "principaluri", "uri")]),
        table(
            "schedulingobjects",
            [
                col("principaluri", "varbinary(255)"), col("calendardata", "mediumblob"), col("uri", "varbinary(200)"),
                col("lastmodified", "int unsigned"), col("etag", "varbinary(32)"),
                col("size", "int unsigned", notNull: true),
            ], []),
        table(
            "propertystorage",
            [
                col("path", "varbinary(1024)", notNull: true), col("name", "varbinary(100)", notNull: true),
                col("valuetype", "int unsigned"), col("value", "mediumblob"),
            ],
            [unique("path_property", "path(600)", "name")]),
        table(
            "locks",
            [
                col("owner", "varchar(100)"), col("timeout", "int unsigned"), col("created", "int"),
                col("token", "varbinary(100)"), col("scope", "tinyint"), col("depth", "tinyint"),
                col("uri", "varbinary(1000)"),
            ],
            [key("token", "token"), key("uri", "uri(100)")]),
        table(
            "addressbooks",
            [
                col("principaluri", "varbinary(255)"), col("displayname", "varchar(255)"), col("uri", "varbinary(200)"),
                col("description", "text"), col("synctoken", "int unsigned", notNull: true, default: "1"),
            ],
            [unique("principaluri", "principaluri(100)", "uri(100)")]),
        table(
            "cards",
            [
                col("addressbookid", "int unsigned", notNull: true), col("carddata", "mediumblob"),
                col("uri", "varbinary(200)"), col("lastmodified", "int unsigned"), col("etag", "varbinary(32)"),
                col("size", "int unsigned", notNull: true),
            ], []),
        table(
            "addressbookchanges",
            [
                col("uri", "varbinary(200)", notNull: true), col("synctoken", "int unsigned", notNull: true),
                col("addressbookid", "int unsigned", notNull: true), col("operation", "tinyint", notNull: true),
            ],
            [key("addressbookid_synctoken", "addressbookid", "synctoken")]),
    ]

    /// Almanac's additive pieces: (table, column) pairs; a nil column means the whole table.
    public static let almanacAdditions: [(table: String, column: String?)] = [
        ("calendarobjects", "almanac_scheduletag"),
        ("almanac_mailqueue", nil),
        ("almanac_settings", nil),
    ]

    /// Almanac's additive indexes (table, index name, columns), created by `sql/almanac-1.sql`.
    public static let almanacIndexes: [(table: String, name: String, columns: [String])] = [
        ("calendarobjects", "almanac_uid", ["calendarid", "uid"]),
        ("calendarobjects", "almanac_occurrences", ["calendarid", "lastoccurence", "firstoccurence"]),
    ]
}
