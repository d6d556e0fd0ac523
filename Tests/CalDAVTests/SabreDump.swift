import Foundation

@testable import Storage

/// Rows of the `INSERT INTO` statements of a mysqldump file, values as SQL literals decoded (NULL → nil).
enum SabreDump {
    static func rows(_ sql: String) -> [String: [[String?]]] {
        var tables: [String: [[String?]]] = [:]
        let bytes = Array(sql.utf8)
        var index = 0
        let marker = Array("INSERT INTO `".utf8)
        while index < bytes.count {
            guard bytes[index] == marker[0], index + marker.count < bytes.count,
                Array(bytes[index..<(index + marker.count)]) == marker
            else {
                index += 1
                continue
            }
            index += marker.count
            let nameStart = index
            while bytes[index] != UInt8(ascii: "`") { index += 1 }
            let table = String(decoding: bytes[nameStart..<index], as: UTF8.self)
            var rows: [[String?]] = []
            var row: [String?] = []
            var inRow = false
            while index < bytes.count {
                let byte = bytes[index]
                if !inRow {
                    if byte == UInt8(ascii: "(") {
                        inRow = true
                        row = []
                    }
                    if byte == UInt8(ascii: ";") { break }
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "'") {
                    var value: [UInt8] = []
                    index += 1
                    while bytes[index] != UInt8(ascii: "'") {
                        if bytes[index] == UInt8(ascii: "\\") {
                            index += 1
                            switch bytes[index] {
                            case UInt8(ascii: "n"): value.append(10)
                            case UInt8(ascii: "r"): value.append(13)
                            case UInt8(ascii: "t"): value.append(9)
                            case UInt8(ascii: "0"): value.append(0)
                            default: value.append(bytes[index])
                            }
                        } else {
                            value.append(bytes[index])
                        }
                        index += 1
                    }
                    row.append(String(decoding: value, as: UTF8.self))
                    index += 1
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: " ") {
                    index += 1
                } else if byte == UInt8(ascii: ")") {
                    rows.append(row)
                    inRow = false
                    index += 1
                } else {
                    let start = index
                    while bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: ")") { index += 1 }
                    let literal = String(decoding: bytes[start..<index], as: UTF8.self)
                    row.append(literal == "NULL" ? nil : literal)
                }
            }
            tables[table, default: []] += rows
        }
        return tables
    }

    /// An in-memory store holding the dump's rows, as Almanac would find them in MariaDB.
    static func store() throws -> InMemoryStore {
        let url = Bundle.module.url(
            forResource: "sabre-public-dataset", withExtension: "sql", subdirectory: "Fixtures")!
        let tables = rows(try String(contentsOf: url, encoding: .utf8))
        let store = InMemoryStore()
        func int(_ value: String?) -> Int64 { Int64(value ?? "0") ?? 0 }
        var state = InMemoryState()
        for row in tables["users"] ?? [] {
            state.users.append(UserRecord(id: int(row[0]), username: row[1]!, digestA1: row[2]!))
        }
        for row in tables["principals"] ?? [] {
            state.principals.append(
                PrincipalRecord(id: PrincipalID(int(row[0])), uri: row[1]!, email: row[2], displayName: row[3]))
        }
        for row in tables["groupmembers"] ?? [] {
            state.groupMembers.append((PrincipalID(int(row[1])), PrincipalID(int(row[2]))))
        }
        for row in tables["calendars"] ?? [] {
            state.calendars.append(
                .init(
                    id: CalendarID(int(row[0])), syncToken: int(row[1]),
                    components: row[2]!.split(separator: ",").map(String.init)))
        }
        for row in tables["calendarinstances"] ?? [] {
            let properties = CalendarProperties(
                displayName: row[4], description: row[6], order: Int(int(row[7])), color: row[8], timezone: row[9],
                transparent: row[10] == "1")
            state.instances.append(
                CalendarInstance(
                    id: CalendarInstanceID(int(row[0])), calendarID: CalendarID(int(row[1])),
                    principalURI: row[2] ?? "", uri: row[5]!,
                    access: CalendarAccess(rawValue: Int(int(row[3])))!, properties: properties, shareHref: row[11],
                    shareDisplayName: row[12],
                    shareInviteStatus: Int(int(row[13])), syncToken: 0, components: []))
        }
        for row in tables["calendarobjects"] ?? [] {
            let index = ObjectIndex(
                uid: row[10], componentType: row[7], firstOccurrence: row[8].map { int($0) },
                lastOccurrence: row[9].map { int($0) })
            state.objects.append(
                StoredObject(
                    id: ObjectID(int(row[0])), calendarID: CalendarID(int(row[3])), uri: row[2]!, data: row[1],
                    etag: row[5]!,
                    size: Int(int(row[6])), lastModified: int(row[4]), index: index))
        }
        for row in tables["calendarchanges"] ?? [] {
            state.changes.append(
                .init(
                    calendarID: CalendarID(int(row[3])), uri: row[1]!, syncToken: int(row[2]),
                    operation: ChangeOperation(rawValue: Int(int(row[4])))!))
        }
        for row in tables["schedulingobjects"] ?? [] {
            state.inbox.append(
                InboxItem(
                    id: int(row[0]), principalURI: row[1]!, uri: row[3]!, data: row[2], etag: row[5]!,
                    size: Int(int(row[6])), lastModified: int(row[4])))
        }
        for row in tables["propertystorage"] ?? [] {
            state.properties.append(
                DeadProperty(
                    path: row[1]!, name: row[2]!, valueType: Int(int(row[3])), value: Array((row[4] ?? "").utf8)))
        }
        state.lastID = 10_000
        store.state = state
        return store
    }
}
