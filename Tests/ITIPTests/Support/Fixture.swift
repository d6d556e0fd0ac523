import Foundation
import ICalendar

/// Reads a fixture file from the test bundle.
enum Fixture {
    static func text(_ path: String) throws -> String {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func calendar(_ path: String) throws -> ICalComponent {
        try TestICS.parse(text(path))
    }
}
