import Storage

extension MariaDBStore: CalendarCollectionStore {
    private static let instanceSelect = """
        SELECT ci.id, ci.calendarid, ci.principaluri, ci.uri, ci.access, ci.displayname, ci.description, \
        ci.calendarorder, ci.calendarcolor, ci.timezone, ci.transparent, ci.share_href, ci.share_displayname, \
        ci.share_invitestatus, c.synctoken, c.components \
        FROM calendarinstances ci JOIN calendars c ON c.id = ci.calendarid
        """

    private static func instance(from row: SQLRow) -> CalendarInstance {
        let properties = CalendarProperties(
            displayName: row.optionalString(5), description: row.optionalString(6), order: Int(row.int(7)),
            color: row.optionalString(8), timezone: row.optionalString(9), transparent: row.int(10) != 0)
        let components = row.string(15).split(separator: ",").map(String.init)
        return CalendarInstance(
            id: CalendarInstanceID(row.int(0)), calendarID: CalendarID(row.int(1)), principalURI: row.string(2),
            uri: row.string(3), access: CalendarAccess(rawValue: Int(row.int(4))) ?? .read, properties: properties,
            shareHref: row.optionalString(11), shareDisplayName: row.optionalString(12),
            shareInviteStatus: Int(row.int(13)), syncToken: row.int(14), components: components)
    }

    /// The instances in a principal's calendar home, by calendarorder.
    public func calendars(ofPrincipal principalURI: String) throws -> [CalendarInstance] {
        try query(
            "\(Self.instanceSelect) WHERE ci.principaluri = ? ORDER BY ci.calendarorder, ci.id", [.text(principalURI)]
        ).map(Self.instance)
    }

    /// One instance by principal and collection name.
    public func calendar(ofPrincipal principalURI: String, named uri: String) throws -> CalendarInstance? {
        try query(
            "\(Self.instanceSelect) WHERE ci.principaluri = ? AND ci.uri = ?", [.text(principalURI), .text(uri)]
        ).first.map(Self.instance)
    }

    /// Every instance of one calendar, owner first.
    public func instances(of calendar: CalendarID) throws -> [CalendarInstance] {
        try query(
            "\(Self.instanceSelect) WHERE ci.calendarid = ? ORDER BY ci.access <> 1, ci.id", [.int(calendar.rawValue)]
        ).map(Self.instance)
    }

    /// Creates `calendars` + an owner `calendarinstances` row.
    @discardableResult
    public func createCalendar(
        principalURI: String, uri: String, properties: CalendarProperties, components: [String]
    ) throws -> CalendarInstance {
        try transaction {
            let componentList = components.joined(separator: ",")
            let calendar = try execute(
                "INSERT INTO calendars (synctoken, components) VALUES (1, ?)", [.text(componentList)]
            ).insertID
            let instance = try execute(
                "INSERT INTO calendarinstances (calendarid, principaluri, access, displayname, uri, description, "
                    + "calendarorder, calendarcolor, timezone, transparent) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .int(calendar), .text(principalURI), .optional(properties.displayName), .text(uri),
                    .optional(properties.description), .int(Int64(properties.order)), .optional(properties.color),
                    .optional(properties.timezone), .int(properties.transparent ? 1 : 0),
                ]
            ).insertID
            return CalendarInstance(
                id: CalendarInstanceID(instance), calendarID: CalendarID(calendar), principalURI: principalURI,
                uri: uri, access: .owner, properties: properties, syncToken: 1, components: components)
        }
    }

    /// Writes the column-mapped properties and records a change with an empty uri (op 2), like sabre.
    public func updateCalendar(_ instance: CalendarInstanceID, properties: CalendarProperties) throws {
        try transaction {
            guard let row = try query("SELECT calendarid FROM calendarinstances WHERE id = ?", [.int(instance.rawValue)])
                .first
            else { throw StorageError.notFound("calendar instance \(instance.rawValue)") }
            try execute(
                "UPDATE calendarinstances SET displayname = ?, description = ?, calendarorder = ?, calendarcolor = ?, "
                    + "timezone = ?, transparent = ? WHERE id = ?",
                [
                    .optional(properties.displayName), .optional(properties.description),
                    .int(Int64(properties.order)), .optional(properties.color), .optional(properties.timezone),
                    .int(properties.transparent ? 1 : 0), .int(instance.rawValue),
                ])
            try recordChange(in: CalendarID(row.int(0)), uri: "", operation: .modified)
        }
    }

    /// Deletes an instance; the owner's takes the calendar, its objects, changes and sharee rows with it.
    public func deleteCalendar(_ instance: CalendarInstanceID) throws {
        try transaction {
            guard
                let row = try query(
                    "SELECT calendarid, access FROM calendarinstances WHERE id = ?", [.int(instance.rawValue)]
                ).first
            else { throw StorageError.notFound("calendar instance \(instance.rawValue)") }
            let calendar = SQLValue.int(row.int(0))
            if row.int(1) == Int64(CalendarAccess.owner.rawValue) {
                try lockCalendar(CalendarID(row.int(0)))  // the same lock order as object writes
                try execute("DELETE FROM calendarobjects WHERE calendarid = ?", [calendar])
                try execute("DELETE FROM calendarchanges WHERE calendarid = ?", [calendar])
                try execute("DELETE FROM calendarinstances WHERE calendarid = ?", [calendar])
                try execute("DELETE FROM calendars WHERE id = ?", [calendar])
            } else {
                try execute("DELETE FROM calendarinstances WHERE id = ?", [.int(instance.rawValue)])
            }
        }
    }

    /// Inserts a sharee row.
    @discardableResult
    public func addSharee(
        to calendar: CalendarID, principalURI: String?, uri: String, access: CalendarAccess,
        properties: CalendarProperties, shareHref: String, shareDisplayName: String?, inviteStatus: Int
    ) throws -> CalendarInstance {
        try transaction {
            guard
                let token = try query("SELECT synctoken, components FROM calendars WHERE id = ?", [.int(calendar.rawValue)])
                    .first
            else { throw StorageError.notFound("calendar \(calendar.rawValue)") }
            let id = try execute(
                "INSERT INTO calendarinstances (calendarid, principaluri, access, displayname, uri, description, "
                    + "calendarorder, calendarcolor, timezone, transparent, share_href, share_displayname, "
                    + "share_invitestatus) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    .int(calendar.rawValue), .optional(principalURI), .int(Int64(access.rawValue)),
                    .optional(properties.displayName), .text(uri), .optional(properties.description),
                    .int(Int64(properties.order)), .optional(properties.color), .optional(properties.timezone),
                    .int(properties.transparent ? 1 : 0), .text(shareHref), .optional(shareDisplayName),
                    .int(Int64(inviteStatus)),
                ]
            ).insertID
            return CalendarInstance(
                id: CalendarInstanceID(id), calendarID: calendar, principalURI: principalURI ?? "", uri: uri,
                access: access, properties: properties, shareHref: shareHref, shareDisplayName: shareDisplayName,
                shareInviteStatus: inviteStatus, syncToken: token.int(0),
                components: token.string(1).split(separator: ",").map(String.init))
        }
    }

    /// Removes the sharee row of `shareHref`.
    public func removeSharee(from calendar: CalendarID, shareHref: String) throws {
        try execute(
            "DELETE FROM calendarinstances WHERE calendarid = ? AND share_href = ?",
            [.int(calendar.rawValue), .text(shareHref)])
    }

    /// Appends a `calendarchanges` row at the calendar's current token and bumps the token (sabre's rows).
    ///
    /// The bump comes first: its UPDATE takes the `calendars` row lock (see `lockCalendar`; held
    /// already after `objectForUpdate`), and the `INSERT … SELECT` then reads this transaction's
    /// own new token. Under READ COMMITTED that SELECT would not lock, so reading before the
    /// bump could log two writers' changes at the same token.
    func recordChange(in calendar: CalendarID, uri: String, operation: ChangeOperation) throws {
        let bumped = try execute(
            "UPDATE calendars SET synctoken = synctoken + 1 WHERE id = ?", [.int(calendar.rawValue)])
        if bumped.affectedRows == 0 { throw StorageError.notFound("calendar \(calendar.rawValue)") }
        markLocked(calendar)
        try execute(
            "INSERT INTO calendarchanges (uri, synctoken, calendarid, operation) "
                + "SELECT ?, synctoken - 1, id, ? FROM calendars WHERE id = ?",
            [.text(uri), .int(Int64(operation.rawValue)), .int(calendar.rawValue)])
    }
}
