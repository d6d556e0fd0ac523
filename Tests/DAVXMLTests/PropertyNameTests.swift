import Testing

@testable import DAVXML

@Suite struct PropertyNameTests {
    @Test func clarkNotationRoundTrips() {
        #expect(PropertyName.scheduleInboxURL.clark == "{urn:ietf:params:xml:ns:caldav}schedule-inbox-URL")
        #expect(PropertyName(clark: "{DAV:}getetag") == .getETag)
        #expect(PropertyName(clark: "{http://apple.com/ns/ical/}calendar-color") == .calendarColor)
        #expect(PropertyName(clark: "{urn:x}y") == PropertyName(.other("urn:x"), "y"))
        #expect(PropertyName(clark: "plain") == PropertyName(.other(""), "plain"))
        #expect(PropertyName(clark: "{DAV:") == nil)
        #expect(PropertyName(clark: "{DAV:}") == nil)
        #expect(PropertyName(clark: "") == nil)
    }

    @Test func knownURIsMapToFixedCases() {
        #expect(DAVNamespace(uri: "DAV:") == .dav)
        #expect(DAVNamespace(uri: "urn:ietf:params:xml:ns:caldav") == .calDAV)
        #expect(DAVNamespace(uri: "http://calendarserver.org/ns/") == .calendarServer)
        #expect(DAVNamespace(uri: "http://apple.com/ns/ical/") == .appleICal)
        #expect(DAVNamespace(uri: "http://me.com/_namespace/") == .other("http://me.com/_namespace/"))
        #expect(PropertyName(namespace: "DAV:", local: "href") == .href)
        #expect(PropertyName(.other("DAV:"), "href") == .href)
        #expect(DAVNamespace.common.map(\.prefix) == ["d", "cal", "cs", "ical"])
        #expect(DAVNamespace.other("urn:x").prefix == nil)
    }

    @Test func constantsCarryTheirNamespaces() {
        #expect(PropertyName.getCTag == PropertyName(.calendarServer, "getctag"))
        #expect(PropertyName.calendarOrder == PropertyName(.appleICal, "calendar-order"))
        #expect(PropertyName.csInvite != PropertyName.invite)
        #expect(PropertyName.invite.namespace == .dav)
        #expect(PropertyName.principalURL.local == "principal-URL")
        #expect(PropertyName.scheduleDefaultCalendarURL.local == "schedule-default-calendar-URL")
    }
}
