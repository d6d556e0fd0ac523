import Foundation
import Testing

@testable import IMIP

@Suite struct MailEncodingTests {
    static let samples = [
        "plain ascii", "", "Grüße aus Köln – 🎉 emoji and = signs", String(repeating: "x", count: 200),
        "trailing space \nnext\ttab\t\n.leading dot\nFrom the start\n", String(repeating: "é", count: 100),
        "line1\r\nline2\r\n",
    ]

    @Test(arguments: samples)
    func quotedPrintableRoundTrip(text: String) {
        let encoded = QuotedPrintable.encode(text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.count <= 76)
            #expect(!line.hasPrefix("."))
            #expect(!line.hasPrefix("From "))
            #expect(!(line.hasSuffix(" ") || line.hasSuffix("\t")))
        }
        #expect(encoded.utf8.allSatisfy { $0 < 0x80 })
        let decoded = String(decoding: QuotedPrintable.decode(Array(encoded.utf8)), as: UTF8.self)
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(decoded == expected)
    }

    @Test func quotedPrintableDecodesSoftBreaksAndLowercaseHex() {
        #expect(QuotedPrintable.decode(Array("a=\r\nb=c3=a9=\nc= \r\nd=ZZ".utf8)) == Array("abécd=ZZ".utf8))
    }

    @Test(arguments: samples + ["Ünïcödé " + String(repeating: "ß", count: 60)])
    func encodedWordsRoundTrip(text: String) {
        let clean = HeaderText.sanitized(text)
        let encoded = EncodedWord.unstructured(clean)
        for word in encoded.split(separator: " ") where word.hasPrefix("=?") {
            #expect(word.count <= 75)
        }
        #expect(EncodedWord.decode(encoded) == clean)
        #expect(AddressList.parse(MailAddress("a@example.org", name: clean).headerValue()).first?.name ?? "" == clean)
    }

    @Test func decodesQAndBWordsAndJoinsAdjacentOnes() {
        #expect(EncodedWord.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard") == "André Pirard")
        #expect(EncodedWord.decode("=?UTF-8?B?R3LDvMOfZQ==?= =?UTF-8?Q?_aus_K=C3=B6ln?=") == "Grüße aus Köln")
        #expect(EncodedWord.decode("=?utf-8?q?a?=\r\n =?utf-8?q?b?=") == "ab")
        #expect(EncodedWord.decode("not =?encoded") == "not =?encoded")
        #expect(EncodedWord.decode("=?UTF-8*en?Q?hi?=") == "hi")
    }

    @Test func sanitizingRemovesEveryLineBreak() {
        let nasty = "a\rb\nc\r\nd\u{0}e\u{7F}f\u{85}g\u{2028}h\u{2029}i\u{0B}j\u{0C}k\t l"
        let clean = HeaderText.sanitized(nasty)
        #expect(clean == "a b c d e f g h i j k l")
        #expect(HeaderText.sanitized(String(repeating: "x", count: 500), maxLength: 10) == "xxxxxxxxxx…")
    }

    @Test func phrasesQuoteSpecials() {
        #expect(MailAddress("a@example.org", name: "Foster, Frank").headerValue() == "\"Foster, Frank\" <a@example.org>")
        #expect(MailAddress("a@example.org", name: "Say \"hi\"").headerValue() == "\"Say \\\"hi\\\"\" <a@example.org>")
        #expect(MailAddress("a@example.org").headerValue() == "<a@example.org>")
        #expect(MailAddress("a@example.org", name: "=?UTF-8?B?eA==?=").headerValue() == "\"=?UTF-8?B?eA==?=\" <a@example.org>")
    }

    @Test func addressValidity() {
        #expect(MailAddress("mailto:Grace@Example.NET").address == "Grace@Example.NET")
        #expect(MailAddress("grace@example.net").isValid)
        for bad in ["", "grace", "@example.net", "grace@", "a@b@c", "a b@c", "a\r\n@b", "<a@b>", "-f@x", "a,b@c"] {
            #expect(!MailAddress(bad).isValid, "\(bad)")
        }
        #expect(MailAddress.sameAddress("MAILTO:Grace@Example.net", "grace@example.NET"))
    }

    @Test func addressLists() {
        let list = AddressList.parse(
            "\"Foster, Frank\" <frank@example.net>, grace@example.net (Grace G), Team: heidi@example.net, <zed@example.com>;, =?UTF-8?Q?Gr=C3=A2ce?= <g2@example.net>")
        #expect(list.map(\.address) == ["frank@example.net", "grace@example.net", "heidi@example.net", "zed@example.com", "g2@example.net"])
        #expect(list[0].name == "Foster, Frank")
        #expect(list[4].name == "Grâce")
        #expect(AddressList.parse("undisclosed-recipients:;").isEmpty)
    }

    @Test func mimeParametersAndContinuations() {
        let (type, parameters) = MIMEEntity.parseContentType(
            "Text/Calendar; method=REQUEST; charset=\"utf-8\"; name*0*=UTF-8''caf%C3%A9; name*1*=%20invite.ics; x=\"a;b\"")
        #expect(type == "text/calendar")
        #expect(parameters["method"] == "REQUEST")
        #expect(parameters["charset"] == "utf-8")
        #expect(parameters["name"] == "café invite.ics")
        #expect(parameters["x"] == "a;b")
    }

    @Test func deepNestingStopsAtTheLimit() {
        var message = "Content-Type: text/plain\r\n\r\ninner\r\n"
        for level in 0..<40 {
            message = "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n\(message)--b\(level)--\r\n"
        }
        let entity = MIMEEntity(parsing: Array(message.utf8))
        var depth = 0
        var current = entity
        while let first = current.parts.first { current = first; depth += 1 }
        #expect(depth == MIMEEntity.maxDepth)
    }
}
