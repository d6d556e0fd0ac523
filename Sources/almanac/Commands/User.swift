import ArgumentParser
import CalDAV
import MariaDBStore
import Storage

/// `almanac user …`: accounts laid out as sabre-based servers (Baikal) lay them out.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage users.", subcommands: [Add.self, Passwd.self, List.self, Delete.self])

    /// `users.digesta1`: md5 of `name:realm:password` (RFC 7616 §3.4.2 A1, realm SabreDAV by default).
    static func digest(username: String, realm: String, password: String) -> String {
        MD5.hex("\(username):\(realm):\(password)")
    }

    /// `almanac user add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user, its principal (+ calendar-proxy-read/-write) and a default calendar.")
        @OptionGroup var common: CommonOptions
        @Argument var name: String
        @Option var password: String
        @Option var email: String?
        @Option(name: .customLong("display-name")) var displayName: String?
        @Option(help: "Name of the default calendar collection.") var calendar = "default"

        func run() throws {
            guard !name.isEmpty, !name.contains("/") else { throw ValidationError("bad user name") }
            let settings = try common.settings()
            let store = MariaDBStore(configuration: try settings.database())
            let principal = "principals/\(name)"
            try store.transaction {
                if try store.user(named: name) != nil || store.principal(uri: principal) != nil {
                    throw ValidationError("user \(name) exists")
                }
                try store.createUser(
                    username: name, digestA1: User.digest(username: name, realm: settings.realm, password: password))
                try store.createPrincipal(uri: principal, email: email, displayName: displayName ?? name)
                try store.createPrincipal(uri: "\(principal)/calendar-proxy-read", email: nil, displayName: nil)
                try store.createPrincipal(uri: "\(principal)/calendar-proxy-write", email: nil, displayName: nil)
                try store.createCalendar(
                    principalURI: principal, uri: calendar, properties: CalendarProperties(displayName: "Default calendar"),
                    components: ["VEVENT", "VTODO"])
            }
            print("user \(name) created with calendar /calendars/\(name)/\(calendar)/")
        }
    }

    /// `almanac user passwd`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password.")
        @OptionGroup var common: CommonOptions
        @Argument var name: String
        @Option var password: String

        func run() throws {
            let settings = try common.settings()
            let store = MariaDBStore(configuration: try settings.database())
            try store.setDigest(
                username: name, digestA1: User.digest(username: name, realm: settings.realm, password: password))
            print("password of \(name) changed")
        }
    }

    /// `almanac user list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with email and display name.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let store = MariaDBStore(configuration: try common.settings().database())
            for user in try store.users() {
                let principal = try store.principal(uri: "principals/\(user.username)")
                let calendars = try store.calendars(ofPrincipal: "principals/\(user.username)").count
                print(
                    [user.username, principal?.email ?? "-", principal?.displayName ?? "-", "\(calendars) calendar(s)"]
                        .joined(separator: "\t"))
            }
        }
    }

    /// `almanac user delete`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a user with its calendars, objects, inbox, properties, principals and memberships.")
        @OptionGroup var common: CommonOptions
        @Argument var name: String

        func run() throws {
            let store = MariaDBStore(configuration: try common.settings().database())
            let principal = "principals/\(name)"
            try store.transaction {
                guard try store.user(named: name) != nil || store.principal(uri: principal) != nil else {
                    throw ValidationError("no user \(name)")
                }
                for instance in try store.calendars(ofPrincipal: principal) { try store.deleteCalendar(instance.id) }
                for item in try store.inboxItems(ofPrincipal: principal, withData: false) {
                    try store.deleteInboxItem(ofPrincipal: principal, named: item.uri)
                }
                try store.removeDeadProperties(pathPrefix: "calendars/\(name)")
                try store.removeDeadProperties(pathPrefix: principal)
                for uri in ["\(principal)/calendar-proxy-read", "\(principal)/calendar-proxy-write", principal]
                where try store.principal(uri: uri) != nil {
                    try store.deletePrincipal(uri: uri)
                }
                if try store.user(named: name) != nil { try store.deleteUser(username: name) }
            }
            print("user \(name) deleted")
        }
    }
}
