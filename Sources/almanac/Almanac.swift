import ArgumentParser

/// The `almanac` command: a CalDAV server over sabre/dav's MariaDB tables.
@main
struct Almanac: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "CalDAV server (FastCGI) over sabre/dav's MariaDB tables.",
        discussion: """
            Settings come from the config file (--config, $ALMANAC_CONFIG, ./var/almanac.conf or \
            /etc/almanac/almanac.conf), then $ALMANAC_DB_URL, then flags.
            """,
        subcommands: [Serve.self, Database.self, User.self, IMIPCommand.self],
        defaultSubcommand: Serve.self)
}

/// Options every subcommand that touches the database takes.
struct CommonOptions: ParsableArguments {
    @Option(help: "Config file (key = value lines).")
    var config: String?

    @Option(name: .customLong("db-url"), help: "mysql://user:password@host:port/db or mysql://user@localhost/db?socket=/path")
    var databaseURL: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical")
    var logLevel: String?

    /// Settings after applying these flags on top of file and environment.
    func settings() throws -> Settings {
        var settings = try Settings.load(configPath: config)
        if let databaseURL { settings.databaseURL = databaseURL }
        if let logLevel { try settings.set("log_level", logLevel) }
        return settings
    }
}
