import Testing

@testable import DAVXML

func string(_ body: [UInt8]) -> String { String(decoding: body, as: UTF8.self) }

@Suite struct MultistatusWriterTests {
    @Test func writesSyncResponseLikeSabre() throws {
        var writer = MultistatusWriter()
        writer.add(
            href: "/calendars/erin/calendar/b1e4451d.ics",
            found: [
                DAVProperty(.getETag, .text("\"1dce0eeea2b6f2453bd21fdd1d352da0\"")),
                DAVProperty(.getContentType, .text("text/calendar; charset=utf-8; component=vevent")),
            ])
        writer.add(href: "/calendars/erin/calendar/5cd0384b.ics", status: 404)
        let body = string(writer.finish(syncToken: "http://sabre.io/ns/sync/8"))
        #expect(
            body == """
                <?xml version="1.0" encoding="utf-8"?>
                <d:multistatus xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:ical="http://apple.com/ns/ical/">\
                <d:response><d:href>/calendars/erin/calendar/b1e4451d.ics</d:href><d:propstat><d:prop>\
                <d:getetag>&quot;1dce0eeea2b6f2453bd21fdd1d352da0&quot;</d:getetag>\
                <d:getcontenttype>text/calendar; charset=utf-8; component=vevent</d:getcontenttype></d:prop>\
                <d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>\
                <d:response><d:href>/calendars/erin/calendar/5cd0384b.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>\
                <d:sync-token>http://sabre.io/ns/sync/8</d:sync-token></d:multistatus>

                """)
    }

    @Test func outputReparsesWithEveryValueKind() throws {
        var writer = MultistatusWriter()
        let unknown = PropertyName(.other("http://me.com/_namespace/"), "bulk-requests")
        writer.add(
            href: "/calendars/frank/calendar/",
            propstats: [
                Propstat(
                    status: 200,
                    properties: [
                        DAVProperty(.resourceType, .resourceType([.collection, .calendar, .sharedOwner])),
                        DAVProperty(.displayName, .text("Tom & Jerry <3 \"quotes\"")),
                        DAVProperty(.owner, .href("/principals/frank/")),
                        DAVProperty(.calendarUserAddressSet, .hrefs(["mailto:frank@example.net", "/principals/frank/"])),
                        DAVProperty(.supportedCalendarComponentSet, .componentSet(["VEVENT", "VTODO"])),
                        DAVProperty(.supportedReportSet, .supportedReports([.calendarQuery, .syncCollection])),
                        DAVProperty(.currentUserPrivilegeSet, .privileges([.read, .readFreeBusy])),
                        DAVProperty(.calendarColor, .rawXML("#2E8B57FF")),
                        DAVProperty(
                            PropertyName(.other("urn:example:dead"), "bag"),
                            .rawXML("<x:item xmlns:x=\"urn:example:dead\">1</x:item>")),
                        DAVProperty(
                            .supportedCalendarData,
                            .xml([XMLElement(.calendarData, attributes: ["content-type": "text/calendar", "version": "2.0"])])),
                        DAVProperty(.shareAccess, .shareAccess(.sharedOwner)),
                        DAVProperty(.supportedLock, .supportedLock),
                        DAVProperty(.lockDiscovery, .lockDiscovery([])),
                        DAVProperty(.allowedSharingModes, .allowedSharingModes(canBeShared: true, canBePublished: false)),
                    ]),
                Propstat(status: 404, names: [unknown, .calendarOrder]),
                Propstat(status: 403, names: [.calendarFreeBusySet], error: .needPrivileges),
            ])
        let body = writer.finish()
        let root = try XMLElement.parse(body)
        #expect(root.name == .multiStatus)
        let response = try #require(root.child(.response))
        #expect(response.child(.href)?.text == "/calendars/frank/calendar/")
        let propstats = response.children(.propStat)
        #expect(propstats.map { $0.child(.status)?.text } == ["HTTP/1.1 200 OK", "HTTP/1.1 404 Not Found", "HTTP/1.1 403 Forbidden"])
        let found = try #require(propstats[0].child(.prop))
        #expect(found.child(.resourceType)?.childNames == [.collection, .calendar, .sharedOwner])
        #expect(found.child(.displayName)?.text == "Tom & Jerry <3 \"quotes\"")
        #expect(found.child(.owner)?.hrefs == ["/principals/frank/"])
        #expect(found.child(.calendarUserAddressSet)?.hrefs == ["mailto:frank@example.net", "/principals/frank/"])
        #expect(found.child(.supportedCalendarComponentSet)?.children.map { $0.attribute("name") } == ["VEVENT", "VTODO"])
        #expect(
            found.child(.supportedReportSet)?.children(.supportedReport).compactMap { $0.child(.report)?.children.first?.name }
                == [.calendarQuery, .syncCollection])
        #expect(found.child(.currentUserPrivilegeSet)?.children(.privilege).compactMap { $0.children.first?.name } == [.read, .readFreeBusy])
        #expect(found.child(.calendarColor)?.text == "#2E8B57FF")
        #expect(found.child(PropertyName(.other("urn:example:dead"), "bag"))?.children.first?.text == "1")
        #expect(found.child(.supportedCalendarData)?.children.first?.attribute("content-type") == "text/calendar")
        #expect(found.child(.shareAccess)?.childNames == [.sharedOwner])
        #expect(found.child(.supportedLock)?.children(.lockEntry).count == 2)
        #expect(found.child(.lockDiscovery)?.children.isEmpty == true)
        #expect(found.child(.allowedSharingModes)?.childNames == [.canBeShared])
        #expect(propstats[1].child(.prop)?.childNames == [unknown, .calendarOrder])
        #expect(propstats[2].child(.error)?.childNames == [.needPrivileges])
    }

    @Test func unknownNamespacesAreDeclaredLocally() {
        var writer = MultistatusWriter()
        let first = PropertyName(.other("http://me.com/_namespace/"), "bulk-requests")
        let second = PropertyName(.other("urn:x"), "y")
        writer.add(href: "/", propstats: [Propstat(status: 404, names: [first, second, first])])
        let body = string(writer.finish())
        #expect(body.contains("<x1:bulk-requests xmlns:x1=\"http://me.com/_namespace/\"/>"))
        #expect(body.contains("<x2:y xmlns:x2=\"urn:x\"/>"))
        #expect(body.contains("<x3:bulk-requests xmlns:x3=\"http://me.com/_namespace/\"/>"))
        #expect(!body.contains("xmlns=\""))
    }

    @Test func nestedUnknownNamespaceReusesTheDeclarationInScope() throws {
        var writer = MultistatusWriter()
        let ns = DAVNamespace.other("urn:n")
        let value = XMLElement(PropertyName(ns, "a"), children: [XMLElement(PropertyName(ns, "b"), text: "t")])
        writer.add(href: "/", found: [DAVProperty(PropertyName(ns, "p"), .xml([value]))])
        let body = writer.finish()
        let text = string(body)
        #expect(text.contains("<x1:p xmlns:x1=\"urn:n\"><x1:a><x1:b>t</x1:b></x1:a></x1:p>"))
        let prop = try XMLElement.parse(body).child(.response)?.child(.propStat)?.child(.prop)
        #expect(prop?.children.first?.children == [value])
    }

    @Test func minimalOmits404PropstatsAndEmptyGroups() {
        var full = MultistatusWriter()
        var minimal = MultistatusWriter(minimal: true)
        for index in 0..<2 {
            let writerFound = [DAVProperty(.getETag, .text("\"e\""))]
            if index == 0 {
                full.add(href: "/a.ics", found: writerFound, notFound: [.calendarColor])
            } else {
                minimal.add(href: "/a.ics", found: writerFound, notFound: [.calendarColor])
            }
        }
        let fullBody = string(full.finish())
        let minimalBody = string(minimal.finish())
        #expect(fullBody.contains("404 Not Found"))
        #expect(fullBody.contains("<ical:calendar-color/>"))
        #expect(!minimalBody.contains("404"))
        #expect(!minimalBody.contains("calendar-color"))
        #expect(minimalBody.contains("<d:getetag>&quot;e&quot;</d:getetag>"))
        var noFound = MultistatusWriter()
        noFound.add(href: "/x", found: [], notFound: [.getETag])
        #expect(string(noFound.finish()).components(separatedBy: "<d:propstat>").count == 2)
    }

    @Test func minimalResponseWithOnlyUnknownPropertiesKeepsAPropstat() throws {
        var minimal = MultistatusWriter(minimal: true)
        minimal.add(href: "/a.ics", found: [], notFound: [.calendarColor])
        minimal.add(href: "/b.ics", propstats: [])
        let body = minimal.finish()
        let responses = try XMLElement.parse(body).children(.response)
        #expect(responses.count == 2)
        for response in responses {
            // RFC 4918 §14.24: href followed by a status or at least one propstat.
            let propstat = response.child(.propStat)
            #expect(propstat != nil)
            #expect(propstat?.child(.status)?.trimmedText == "HTTP/1.1 200 OK")
            #expect(propstat?.child(.prop)?.children.isEmpty == true)
        }
        #expect(!string(body).contains("404"))
    }

    @Test func expandPropertyNestsResponses() throws {
        var writer = MultistatusWriter()
        let nested = MultistatusResponse(
            href: "/principals/frank/",
            propstats: [Propstat(status: 200, properties: [DAVProperty(.displayName, .text("Frank"))])])
        writer.add(href: "/principals/erin/", found: [DAVProperty(.calendarProxyReadFor, .responses([nested]))])
        let root = try XMLElement.parse(writer.finish())
        let inner = root.child(.response)?.child(.propStat)?.child(.prop)?.child(.calendarProxyReadFor)?.child(.response)
        #expect(inner?.child(.href)?.text == "/principals/frank/")
        #expect(inner?.child(.propStat)?.child(.prop)?.child(.displayName)?.text == "Frank")
    }

    @Test func responseLevelErrorAndDescription() throws {
        var writer = MultistatusWriter()
        writer.add(MultistatusResponse(href: "/a", status: 403, error: .needPrivileges, description: "no"))
        #expect(writer.byteCount > 0)
        let response = try XMLElement.parse(writer.finish()).child(.response)
        #expect(response?.child(.status)?.text == "HTTP/1.1 403 Forbidden")
        #expect(response?.child(.error)?.childNames == [.needPrivileges])
        #expect(response?.child(.responseDescription)?.text == "no")
    }

    @Test func aclSupportedPrivilegesLocksAndInvites() throws {
        var writer = MultistatusWriter()
        let lock = ActiveLock(
            scope: .exclusive, depthInfinity: false, owner: XMLElement(.owner, text: "me"), timeoutSeconds: 600,
            token: "opaquelocktoken:1234", root: "/calendars/erin/calendar/a.ics")
        writer.add(
            href: "/calendars/frank/calendar/",
            found: [
                DAVProperty(
                    .acl,
                    .acl([
                        AccessControlEntry(principal: .href("/principals/frank/"), grant: [.all], isProtected: true),
                        AccessControlEntry(principal: .property(.owner), invert: true, deny: [.write]),
                        AccessControlEntry(principal: .authenticated, grant: [.readFreeBusy], inherited: "/calendars/frank/"),
                    ])),
                DAVProperty(
                    .supportedPrivilegeSet,
                    .supportedPrivileges([
                        SupportedPrivilege(.all, isAbstract: true, description: "Any operation", children: [SupportedPrivilege(.read)])
                    ])),
                DAVProperty(.lockDiscovery, .lockDiscovery([lock])),
                DAVProperty(
                    .invite,
                    .invite([
                        ShareeInfo(href: "mailto:erin@example.net", access: .readWrite, status: .accepted, commonName: "Erin", comment: "hi")
                    ])),
                DAVProperty(
                    .csInvite,
                    .calendarServerInvite(
                        organizer: ShareeInfo(href: "/principals/frank/", access: .sharedOwner, commonName: "Frank"),
                        sharees: [ShareeInfo(href: "mailto:grace@example.net", access: .read, status: .noResponse)])),
            ])
        let prop = try #require(try XMLElement.parse(writer.finish()).child(.response)?.child(.propStat)?.child(.prop))
        let aces = try #require(prop.child(.acl)).children(.ace)
        #expect(try aces.map { try AccessControlEntry(element: $0) } == [
            AccessControlEntry(principal: .href("/principals/frank/"), grant: [.all], isProtected: true),
            AccessControlEntry(principal: .property(.owner), invert: true, deny: [.write]),
            AccessControlEntry(principal: .authenticated, grant: [.readFreeBusy], inherited: "/calendars/frank/"),
        ])
        let all = try #require(prop.child(.supportedPrivilegeSet)?.child(.supportedPrivilege))
        #expect(all.child(.privilege)?.childNames == [.all])
        #expect(all.has(.abstract))
        #expect(all.child(.description)?.text == "Any operation")
        #expect(all.child(.supportedPrivilege)?.child(.privilege)?.childNames == [.read])
        let active = try #require(prop.child(.lockDiscovery)?.child(.activeLock))
        #expect(active.child(.lockScope)?.childNames == [.exclusive])
        #expect(active.child(.depth)?.text == "0")
        #expect(active.child(.timeout)?.text == "Second-600")
        #expect(active.child(.owner)?.text == "me")
        #expect(active.child(.lockToken)?.hrefs == ["opaquelocktoken:1234"])
        #expect(active.child(.lockRoot)?.hrefs == ["/calendars/erin/calendar/a.ics"])
        let sharee = try #require(prop.child(.invite)?.child(.sharee))
        #expect(sharee.hrefs == ["mailto:erin@example.net"])
        #expect(sharee.child(.prop)?.child(.displayName)?.text == "Erin")
        #expect(sharee.child(.shareAccess)?.childNames == [.readWrite])
        #expect(sharee.has(.inviteAccepted))
        #expect(sharee.child(.comment)?.text == "hi")
        let csInvite = try #require(prop.child(.csInvite))
        #expect(csInvite.child(.organizer)?.child(.commonName)?.text == "Frank")
        let user = try #require(csInvite.child(.user))
        #expect(user.hrefs == ["mailto:grace@example.net"])
        #expect(user.has(.csInviteNoResponse))
        #expect(user.child(.access)?.childNames == [.csRead])
    }

    @Test func wholeElementsAreWrittenAsTheyAre() throws {
        var writer = MultistatusWriter()
        let transp = XMLElement(.scheduleCalendarTransp, children: [XMLElement(.opaque)])
        let dead = XMLElement(PropertyName(.other("urn:z"), "note"), attributes: ["lang": "en"], text: "a < b")
        writer.add(href: "/c/", propstats: [Propstat(status: 200, elements: [transp, dead])])
        let prop = try XMLElement.parse(writer.finish()).child(.response)?.child(.propStat)?.child(.prop)
        #expect(prop?.children == [transp, dead])
    }
}
