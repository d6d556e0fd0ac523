import Testing
@testable import IMIP

@Test func IMIPBuilds() { #expect(Bool(true)) }
