import Testing
@testable import DAVXML

@Test func DAVXMLBuilds() { #expect(Bool(true)) }
