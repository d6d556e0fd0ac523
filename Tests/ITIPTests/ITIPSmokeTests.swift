import Testing
@testable import ITIP

@Test func ITIPBuilds() { #expect(Bool(true)) }
