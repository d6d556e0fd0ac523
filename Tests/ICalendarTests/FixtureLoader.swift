import Foundation

@testable import ICalendar

/// Reads golden files from the test bundle's Fixtures folder.
enum FixtureLoader {
    static let clientFiles = [
        "apple-calendar", "thunderbird", "outlook", "google", "davx5-task", "lord-howe", "old-style-vtimezone",
    ]

    static func bytes(_ name: String, folder: String = "clients") -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "ics", subdirectory: "Fixtures/\(folder)"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        return [UInt8](data)
    }

    static func calendar(_ name: String) throws -> ICalComponent {
        try ICalComponent.parse(bytes(name))
    }
}
