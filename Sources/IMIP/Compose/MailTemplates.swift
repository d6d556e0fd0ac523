import Foundation
import Mustache

/// The subject, text and HTML templates for every language, bundled defaults
/// overridden by an admin's folder (`<dir>/<language>/{subject,text,html}.mustache`).
public struct MailTemplates: Sendable {
    /// The three templates of one language.
    struct LanguageSet: Sendable {
        var subject: MustacheTemplate
        var text: MustacheTemplate
        var html: MustacheTemplate
    }

    /// The template file names every language provides.
    static let names = ["subject", "text", "html"]

    private var sets: [String: LanguageSet]

    /// Languages available, sorted (e.g. `["de", "en", "es", "fr"]`).
    public var languages: [String] { sets.keys.sorted() }

    /// Loads the built-in templates, then files from `overrideDirectory` replace
    /// or add single templates; a new language folder must provide all three.
    public init(overrideDirectory: String? = nil) throws {
        // The defaults are compiled in: a static binary needs no resource bundle beside it.
        var sources = BundledTemplates.sources
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw IMIPError.template("template directory \(overrideDirectory) not found")
            }
            MailTemplates.collect(from: overrideDirectory, into: &sources)
        }
        try self.init(sources: sources)
    }

    /// Templates from text: language → name (`subject`, `text`, `html`) → Mustache source.
    public init(sources: [String: [String: String]]) throws {
        var sets: [String: LanguageSet] = [:]
        for (language, files) in sources {
            guard let subject = files["subject"], let text = files["text"], let html = files["html"] else {
                throw IMIPError.template("language \(language) lacks one of subject, text, html")
            }
            do {
                sets[language.lowercased()] = LanguageSet(
                    subject: try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + subject),
                    text: try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text),
                    html: try MustacheTemplate(string: html))
            } catch {
                throw IMIPError.template("\(language): \(error)")
            }
        }
        guard !sets.isEmpty else { throw IMIPError.template("no templates") }
        self.sets = sets
    }

    private static func collect(from directory: String, into sources: inout [String: [String: String]]) {
        let manager = FileManager.default
        guard let languages = try? manager.contentsOfDirectory(atPath: directory) else { return }
        for language in languages {
            for name in names {
                let path = "\(directory)/\(language)/\(name).mustache"
                if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                    sources[language.lowercased(), default: [:]][name] = text
                }
            }
        }
    }

    /// The language to use for a LANGUAGE tag (RFC 5646): the full tag, then its
    /// primary subtag, then `fallback`, then English, then any.
    public func language(for tag: String?, fallback: String) -> String {
        for candidate in [tag, fallback, "en"].compactMap({ $0 }) {
            let lowered = candidate.lowercased().replacingOccurrences(of: "_", with: "-").trimmingSpaces
            if sets[lowered] != nil { return lowered }
            if let primary = lowered.split(separator: "-").first, sets[String(primary)] != nil { return String(primary) }
        }
        return languages[0]
    }

    /// The templates of a language returned by `language(for:fallback:)`.
    func set(_ language: String) -> LanguageSet {
        sets[language] ?? sets[self.language(for: language, fallback: "en")]!
    }
}
