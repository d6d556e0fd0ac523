/// The rows an `InMemoryStore` holds; a value, so a transaction can snapshot it.
struct InMemoryState {
    struct CalendarRow {
        var id: CalendarID
        var syncToken: Int64
        var components: [String]
    }

    struct ChangeRow {
        var calendarID: CalendarID
        var uri: String
        var syncToken: Int64
        var operation: ChangeOperation
    }

    var lastID: Int64 = 0
    var users: [UserRecord] = []
    var principals: [PrincipalRecord] = []
    var groupMembers: [(group: PrincipalID, member: PrincipalID)] = []
    var calendars: [CalendarRow] = []
    var instances: [CalendarInstance] = []
    var objects: [StoredObject] = []
    var changes: [ChangeRow] = []
    var properties: [DeadProperty] = []
    var inbox: [InboxItem] = []
    var locks: [LockRecord] = []
    var mails: [QueuedMail] = []

    /// A fresh row id (shared across tables; ids only need to be unique per table).
    mutating func nextID() -> Int64 {
        lastID += 1
        return lastID
    }

    /// The instance as read from the database: joined with its calendar row.
    func joined(_ instance: CalendarInstance) -> CalendarInstance {
        var copy = instance
        if let calendar = calendars.first(where: { $0.id == instance.calendarID }) {
            copy.syncToken = calendar.syncToken
            copy.components = calendar.components
        }
        return copy
    }

    /// Logs a change at the calendar's current token, then bumps the token (sabre's order).
    mutating func recordChange(_ uri: String, _ operation: ChangeOperation, in calendar: CalendarID) {
        guard let index = calendars.firstIndex(where: { $0.id == calendar }) else { return }
        changes.append(
            ChangeRow(calendarID: calendar, uri: uri, syncToken: calendars[index].syncToken, operation: operation))
        calendars[index].syncToken += 1
    }
}
