import Testing

@testable import DAVXML

@Suite struct SharingRequestTests {
    @Test func davShareResource() throws {
        // draft-pot-webdav-resource-sharing §5.3.2.1 example shape.
        let body = """
            <?xml version="1.0" encoding="utf-8" ?>
            <D:share-resource xmlns:D="DAV:">
              <D:sharee>
                <D:href>mailto:eric@example.com</D:href>
                <D:prop><D:displayname>Eric York</D:displayname></D:prop>
                <D:comment>Shared workspace</D:comment>
                <D:share-access><D:read-write/></D:share-access>
              </D:sharee>
              <D:sharee>
                <D:href>/principals/grace/</D:href>
                <D:share-access><D:no-access/></D:share-access>
              </D:sharee>
            </D:share-resource>
            """
        guard case .shareResource(let request) = try SharingRequest.parse(bytes(body)) else {
            Issue.record("not share-resource")
            return
        }
        #expect(
            request.sharees == [
                ShareResourceRequest.Sharee(
                    href: "mailto:eric@example.com", access: .readWrite, comment: "Shared workspace",
                    properties: [XMLElement(.displayName, text: "Eric York")]),
                ShareResourceRequest.Sharee(href: "/principals/grace/", access: .noAccess),
            ])
    }

    @Test func shareResourceErrors() {
        let noAccess = "<D:share-resource xmlns:D=\"DAV:\"><D:sharee><D:href>/p/</D:href></D:sharee></D:share-resource>"
        #expect(throws: DAVXMLError.missingElement(.shareAccess)) { try ShareResourceRequest.parse(bytes(noAccess)) }
        let badAccess = "<D:share-resource xmlns:D=\"DAV:\"><D:sharee><D:href>/p/</D:href><D:share-access><D:admin/></D:share-access></D:sharee></D:share-resource>"
        #expect(throws: DAVXMLError.invalidValue(element: .shareAccess, value: "{DAV:}admin")) { try ShareResourceRequest.parse(bytes(badAccess)) }
    }

    @Test func calendarServerShareFromMacOS() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <A:share xmlns:A="http://calendarserver.org/ns/">
              <A:set>
                <B:href xmlns:B="DAV:">mailto:erin@example.net</B:href>
                <A:common-name>Erin Example</A:common-name>
                <A:summary>Frank's calendar</A:summary>
                <A:read-write/>
              </A:set>
              <A:set><B:href xmlns:B="DAV:">/principals/grace/</B:href><A:read/></A:set>
              <A:remove><B:href xmlns:B="DAV:">mailto:heidi@example.net</B:href></A:remove>
            </A:share>
            """
        guard case .calendarServerShare(let share) = try SharingRequest.parse(bytes(body)) else {
            Issue.record("not CS:share")
            return
        }
        #expect(
            share.changes == [
                .set(href: "mailto:erin@example.net", commonName: "Erin Example", summary: "Frank's calendar", readWrite: true),
                .set(href: "/principals/grace/", commonName: nil, summary: nil, readWrite: false),
                .remove(href: "mailto:heidi@example.net"),
            ])
        let noHref = "<A:share xmlns:A=\"http://calendarserver.org/ns/\"><A:set><A:read/></A:set></A:share>"
        #expect(throws: DAVXMLError.missingElement(.href)) { try CalendarServerShare.parse(bytes(noHref)) }
    }

    @Test func calendarServerInviteReply() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <B:invite-reply xmlns:B="http://calendarserver.org/ns/" xmlns:A="DAV:">
              <A:href>mailto:erin@example.net</A:href>
              <B:invite-accepted/>
              <B:hosturl><A:href>/calendars/frank/calendar/</A:href></B:hosturl>
              <B:in-reply-to>a8b3c7f2-0b6d-4a43-a4ad-2f1c3a0e9b11</B:in-reply-to>
              <B:summary>Frank's calendar</B:summary>
            </B:invite-reply>
            """
        #expect(
            try SharingRequest.parse(bytes(body))
                == .inviteReply(
                    CalendarServerInviteReply(
                        href: "mailto:erin@example.net", accepted: true, hostURL: "/calendars/frank/calendar/",
                        inReplyTo: "a8b3c7f2-0b6d-4a43-a4ad-2f1c3a0e9b11", summary: "Frank's calendar")))
        let declined = """
            <B:invite-reply xmlns:B="http://calendarserver.org/ns/" xmlns:A="DAV:"><B:invite-declined/><B:hosturl><A:href>/c/</A:href></B:hosturl></B:invite-reply>
            """
        #expect(try CalendarServerInviteReply.parse(bytes(declined)).accepted == false)
        let neither = "<B:invite-reply xmlns:B=\"http://calendarserver.org/ns/\" xmlns:A=\"DAV:\"><B:hosturl><A:href>/c/</A:href></B:hosturl></B:invite-reply>"
        #expect(throws: DAVXMLError.missingElement(.csInviteAccepted)) { try CalendarServerInviteReply.parse(bytes(neither)) }
    }

    @Test func otherPostBodiesAreUnknown() throws {
        #expect(try SharingRequest.parse(bytes("<D:foo xmlns:D=\"DAV:\"/>")) == .unknown(PropertyName(.dav, "foo")))
    }
}
