import ArgumentParser
import FastCGIFront
import Foundation
import Logging
import MariaDBStore

/// Almanac's settings: built-in defaults, then the config file, then `ALMANAC_DB_URL`, then flags.
struct Settings {
    var databaseURL: String?
    var listen = "unix:var/run/almanac.sock"
    var workers: Int?
    var realm = "SabreDAV"
    var baseURL = "/"
    var maxBody = 10 << 20
    var logLevel = Logger.Level.info
    var drainTimeout = 10.0
    var digestSecret: String?
    var trustRemoteUser = false
    /// `imip.*`, `smtp.*`, `sendmail.*`: invitations by mail (Mail/IMIPSettings.swift).
    var imip = IMIPSettings()
    /// The file the values came from, if any.
    var source: String?

    /// Where to look for a config file when `--config` is not given.
    static func defaultConfigPath() -> String? {
        if let path = ProcessInfo.processInfo.environment["ALMANAC_CONFIG"], !path.isEmpty {
            return path == "none" ? nil : path
        }
        for candidate in ["var/almanac.conf", "/etc/almanac/almanac.conf"]
        where FileManager.default.fileExists(atPath: candidate) {
            return candidate
        }
        return nil
    }

    /// Loads the config file (explicit or default), then the environment.
    static func load(configPath: String?) throws -> Settings {
        var settings = Settings()
        if let path = configPath ?? defaultConfigPath(), path != "none" {
            try settings.apply(file: path)
        }
        if let url = ProcessInfo.processInfo.environment["ALMANAC_DB_URL"], !url.isEmpty {
            settings.databaseURL = url
        }
        return settings
    }

    /// Reads `key = value` lines; `#` starts a comment; unknown keys are errors.
    mutating func apply(file path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read config file \(path)")
        }
        source = path
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ValidationError("\(path):\(number + 1): expected key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            do { try set(key, value) } catch let error as ValidationError {
                throw ValidationError("\(path):\(number + 1): \(error.message)")
            }
        }
    }

    mutating func set(_ key: String, _ value: String) throws {
        switch key {
        case "db_url": databaseURL = value
        case "listen": listen = value
        case "workers":
            guard let number = Int(value), number > 0 else { throw ValidationError("workers must be a positive number") }
            workers = number
        case "realm": realm = value
        case "base_url": baseURL = value
        case "max_body":
            guard let bytes = Self.parseSize(value) else { throw ValidationError("max_body: expected bytes, e.g. 10M") }
            maxBody = bytes
        case "log_level":
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw ValidationError("log_level: one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        case "drain_timeout":
            guard let seconds = Double(value) else { throw ValidationError("drain_timeout: seconds") }
            drainTimeout = seconds
        case "digest_secret": digestSecret = value
        case "trust_remote_user": trustRemoteUser = ["1", "true", "yes", "on"].contains(value.lowercased())
        default:
            guard try imip.set(key, value) else { throw ValidationError("unknown setting \(key)") }
        }
    }

    /// `10485760`, `512K`, `10M`, `1G`.
    static func parseSize(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        if let last = text.uppercased().last, let unit = units[last] {
            return Int(text.dropLast()).map { $0 * unit }
        }
        return Int(text)
    }

    /// The database to use: configured, or the private one `make run` keeps under var/.
    func database() throws -> MariaDBConfiguration {
        if let url = databaseURL { return try MariaDBConfiguration(url: url) }
        let socket = FileManager.default.currentDirectoryPath + "/var/mariadb/mysqld.sock"
        if FileManager.default.fileExists(atPath: socket) {
            return MariaDBConfiguration(user: "root", database: "almanac", socket: socket)
        }
        throw ValidationError(
            "no database configured: set db_url in the config file, ALMANAC_DB_URL, or --db-url (or run `make run` once)")
    }

    /// The mount path of the server, from `base_url` (a path or a full URL).
    var basePath: String {
        var text = baseURL
        if let scheme = text.range(of: "://") {
            let rest = text[scheme.upperBound...]
            text = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        return text.isEmpty ? "/" : text
    }

    /// The listen address, with a relative unix socket path made absolute.
    func listenAddress() throws -> ListenAddress {
        guard let address = ListenAddress(listen) else {
            throw ValidationError("listen: expected unix:/path, tcp:host:port or fd0, got \(listen)")
        }
        if case .unix(let path) = address, !path.hasPrefix("/") {
            return .unix(path: FileManager.default.currentDirectoryPath + "/" + path)
        }
        return address
    }
}
