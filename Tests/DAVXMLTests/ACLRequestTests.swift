import Testing

@testable import DAVXML

@Suite struct ACLRequestTests {
    @Test func rfc3744AclBodyWithEveryPrincipalKind() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8" ?>
            <D:acl xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <D:ace>
                <D:principal><D:href>/principals/erin/</D:href></D:principal>
                <D:grant><D:privilege><D:read/></D:privilege><D:privilege><D:write/></D:privilege></D:grant>
              </D:ace>
              <D:ace>
                <D:invert><D:principal><D:self/></D:principal></D:invert>
                <D:deny><D:privilege><D:all/></D:privilege></D:deny>
              </D:ace>
              <D:ace><D:principal><D:all/></D:principal><D:grant><D:privilege><C:read-free-busy/></D:privilege></D:grant></D:ace>
              <D:ace><D:principal><D:authenticated/></D:principal><D:grant><D:privilege><D:read/></D:privilege></D:grant></D:ace>
              <D:ace><D:principal><D:unauthenticated/></D:principal><D:deny><D:privilege><D:read/></D:privilege></D:deny></D:ace>
              <D:ace>
                <D:principal><D:property><D:owner/></D:property></D:principal>
                <D:grant><D:privilege><D:all/></D:privilege></D:grant>
                <D:protected/>
                <D:inherited><D:href>/calendars/erin/</D:href></D:inherited>
              </D:ace>
            </D:acl>
            """
        let acl = try ACLRequest.parse(bytes(body))
        #expect(
            acl.entries == [
                AccessControlEntry(principal: .href("/principals/erin/"), grant: [.read, .write]),
                AccessControlEntry(principal: .selfPrincipal, invert: true, deny: [.all]),
                AccessControlEntry(principal: .all, grant: [.readFreeBusy]),
                AccessControlEntry(principal: .authenticated, grant: [.read]),
                AccessControlEntry(principal: .unauthenticated, deny: [.read]),
                AccessControlEntry(
                    principal: .property(.owner), grant: [.all], isProtected: true, inherited: "/calendars/erin/"),
            ])
    }

    @Test func aceWithoutPrincipalIsTyped() {
        let body = "<D:acl xmlns:D=\"DAV:\"><D:ace><D:grant><D:privilege><D:read/></D:privilege></D:grant></D:ace></D:acl>"
        #expect(throws: DAVXMLError.missingElement(.principal)) { try ACLRequest.parse(bytes(body)) }
        let odd = "<D:acl xmlns:D=\"DAV:\"><D:ace><D:principal><D:nobody/></D:principal></D:ace></D:acl>"
        #expect(throws: DAVXMLError.invalidValue(element: .principal, value: "{DAV:}nobody")) { try ACLRequest.parse(bytes(odd)) }
    }
}

@Suite struct LockInfoTests {
    @Test func exclusiveWriteLockWithOwner() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8" ?>
            <D:lockinfo xmlns:D='DAV:'>
              <D:lockscope><D:exclusive/></D:lockscope>
              <D:locktype><D:write/></D:locktype>
              <D:owner><D:href>http://example.org/~ejw/contact.html</D:href></D:owner>
            </D:lockinfo>
            """
        let info = try #require(try LockInfo.parse(bytes(body)))
        #expect(info.scope == .exclusive)
        #expect(info.owner == XMLElement(.owner, children: [XMLElement(.href, text: "http://example.org/~ejw/contact.html")]))
    }

    @Test func sharedLockWithoutOwnerAndRefresh() throws {
        let body = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:shared/></D:lockscope><D:locktype><D:write/></D:locktype></D:lockinfo>"
        #expect(try LockInfo.parse(bytes(body)) == LockInfo(scope: .shared))
        #expect(try LockInfo.parse([]) == nil)
    }

    @Test func badLockBodiesAreTyped() {
        let noType = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:shared/></D:lockscope></D:lockinfo>"
        #expect(throws: DAVXMLError.missingElement(.lockType)) { try LockInfo.parse(bytes(noType)) }
        let readLock = "<D:lockinfo xmlns:D=\"DAV:\"><D:lockscope><D:shared/></D:lockscope><D:locktype><D:read/></D:locktype></D:lockinfo>"
        #expect(throws: DAVXMLError.invalidValue(element: .lockType, value: "{DAV:}read")) { try LockInfo.parse(bytes(readLock)) }
    }
}
