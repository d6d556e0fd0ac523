import Testing

@testable import CalDAV

@Suite struct MD5Tests {
    /// The test suite of RFC 1321 §A.5.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a"
        ),
    ])
    func rfc1321Vectors(input: String, expected: String) {
        #expect(MD5.hex(input) == expected)
    }

    @Test func sabreDigestA1() {
        // users.digesta1 of erin/erin in the sabre fixture is md5("erin:SabreDAV:erin").
        #expect(MD5.hex("erin:SabreDAV:erin") == "216ccdcc2a971aa5ed7b9f391011a274")
        #expect(MD5.hex(Array("abc".utf8)) == MD5.hex("abc"))
    }

    @Test func digestResponseFromSabreTranscript() {
        // Step p00 of the sabre transcript: grace's qop=auth response to sabre's nonce.
        let ha1 = MD5.hex("grace:SabreDAV:grace")
        let ha2 = MD5.hex("PROPFIND:/principals/grace/")
        let response = MD5.hex("\(ha1):6b069b436210a:00000001:ac679548a0e74104:auth:\(ha2)")
        #expect(response == "6f7464ac71ce672ec6f19e034fb4ebfa")
    }

    @Test func longInputCrossesBlocks() {
        let input = String(repeating: "a", count: 1000)
        #expect(MD5.hex(input) == "cabe45dcc9ae5b66ba86600cca6b8ba8")
    }
}
