import Foundation
import FoundationXML

extension XMLElement {
    /// Parses a whole XML document into its root element, refusing DOCTYPEs, oversize and over-deep bodies (RFC 4918 §20.6).
    public static func parse(_ bytes: [UInt8], limits: XMLLimits = .default) throws(DAVXMLError) -> XMLElement {
        if bytes.count > limits.maxBytes { throw .tooLarge(limit: limits.maxBytes) }
        if bytes.isEmpty || bytes.allSatisfy(\.isXMLWhitespace) { throw .emptyBody }
        try XMLTreeParser.checkProlog(bytes)
        let builder = XMLTreeParser(maxDepth: limits.maxDepth, maxElements: limits.maxElements)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        // Never fetch anything a body points at (XXE); DOCTYPEs are refused above as well.
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let finished = parser.parse()
        if let failure = builder.failure { throw failure }
        guard finished, parser.parserError == nil, builder.stack.isEmpty, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code ?? -1
            throw .malformed(code: code, line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }
}

/// The SAX delegate that builds an `XMLElement` tree; lives only for one `parse` call on one thread.
final class XMLTreeParser: NSObject, XMLParserDelegate {
    let maxDepth: Int
    let maxElements: Int
    var elementCount = 0
    var stack: [XMLElement] = []
    var root: XMLElement?
    var failure: DAVXMLError?

    init(maxDepth: Int, maxElements: Int) {
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// Refuses a DOCTYPE (and any other markup declaration) before the root element, and non-UTF-8 encodings we cannot scan.
    static func checkProlog(_ bytes: [UInt8]) throws(DAVXMLError) {
        let count = bytes.count
        var index = 0
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        if count >= 2, bytes[0] == 0xFE || bytes[0] == 0xFF || bytes[0] == 0 || bytes[1] == 0 {
            throw .malformed(code: 32, line: 1, column: 1)  // UTF-16/32: clients send UTF-8 only
        }
        func hasPrefix(_ prefix: StaticString, at position: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard position + length <= count else { return false }
            return prefix.withUTF8Buffer { buffer in
                for offset in 0..<length where bytes[position + offset] != buffer[offset] { return false }
                return true
            }
        }
        func skip(past terminator: StaticString, from position: Int) -> Int? {
            var cursor = position
            while cursor < count {
                if hasPrefix(terminator, at: cursor) { return cursor + terminator.utf8CodeUnitCount }
                cursor += 1
            }
            return nil
        }
        while index < count {
            while index < count, bytes[index].isXMLWhitespace { index += 1 }
            guard index < count, bytes[index] == UInt8(ascii: "<") else { return }
            if hasPrefix("<?", at: index) {
                guard let next = skip(past: "?>", from: index + 2) else { return }
                index = next
            } else if hasPrefix("<!--", at: index) {
                guard let next = skip(past: "-->", from: index + 4) else { return }
                index = next
            } else if hasPrefix("<!", at: index) {
                throw .doctypeNotAllowed
            } else {
                return
            }
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if stack.count >= maxDepth {
            failure = .tooDeep(limit: maxDepth)
            parser.abortParsing()
            return
        }
        elementCount += 1
        if elementCount > maxElements {
            failure = .tooManyElements(limit: maxElements)
            parser.abortParsing()
            return
        }
        if root != nil {
            // A second root element: not well-formed.
            failure = .malformed(code: 5, line: parser.lineNumber, column: parser.columnNumber)
            parser.abortParsing()
            return
        }
        var attributes = attributeDict
        if !attributes.isEmpty {
            for key in attributes.keys where key == "xmlns" || key.hasPrefix("xmlns:") {
                attributes[key] = nil
            }
        }
        stack.append(XMLElement(PropertyName(namespace: namespaceURI ?? "", local: elementName), attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard var element = stack.popLast() else { return }
        if !element.children.isEmpty, element.text.isXMLWhitespace { element.text = "" }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuseDeclarations(parser)
        return nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil {
            failure = .malformed(code: (parseError as NSError).code, line: parser.lineNumber, column: parser.columnNumber)
        }
    }

    private func refuseDeclarations(_ parser: XMLParser) {
        failure = .doctypeNotAllowed
        parser.abortParsing()
    }
}
