import Testing
@testable import CalDAV

@Test func CalDAVBuilds() { #expect(Bool(true)) }
