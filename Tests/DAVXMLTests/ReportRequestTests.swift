import Testing

@testable import DAVXML

@Suite struct ReportRequestTests {
    @Test func transcriptInitialSyncCollection() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <D:sync-collection xmlns:D="DAV:">
              <D:sync-token/>
              <D:sync-level>1</D:sync-level>
              <D:prop><D:getetag/><D:getcontenttype/></D:prop>
            </D:sync-collection>
            """
        guard case .syncCollection(let sync) = try ReportRequest.parse(bytes(body)) else {
            Issue.record("not a sync-collection")
            return
        }
        #expect(sync == SyncCollection(syncToken: "", level: .one, properties: .prop([.getETag, .getContentType])))
    }

    @Test func davx5IncrementalSyncWithLimitAndCalendarData() throws {
        let body = """
            <?xml version='1.0' encoding='UTF-8' ?><sync-collection xmlns="DAV:" xmlns:CAL="urn:ietf:params:xml:ns:caldav"><sync-token>http://sabre.io/ns/sync/4</sync-token><sync-level>1</sync-level><limit><nresults>100</nresults></limit><prop><getetag /><CAL:calendar-data /></prop></sync-collection>
            """
        let sync = try SyncCollection.parse(bytes(body))
        #expect(sync.syncToken == "http://sabre.io/ns/sync/4")
        #expect(sync.limit == 100)
        #expect(sync.calendarData == CalendarDataRequest())
        #expect(sync.properties == .prop([.getETag, .calendarData]))
    }

    @Test func syncCollectionErrors() {
        #expect(throws: DAVXMLError.missingElement(.syncToken)) {
            try SyncCollection.parse(bytes("<D:sync-collection xmlns:D=\"DAV:\"><D:prop/></D:sync-collection>"))
        }
        let level = "<D:sync-collection xmlns:D=\"DAV:\"><D:sync-token/><D:sync-level>2</D:sync-level></D:sync-collection>"
        #expect(throws: DAVXMLError.invalidValue(element: .syncLevel, value: "2")) { try SyncCollection.parse(bytes(level)) }
        let infinite = "<D:sync-collection xmlns:D=\"DAV:\"><D:sync-token/><D:sync-level>infinite</D:sync-level></D:sync-collection>"
        #expect((try? SyncCollection.parse(bytes(infinite)))?.level == .infinite)
    }

    @Test func iOSExpandPropertyForProxies() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <A:expand-property xmlns:A="DAV:">
              <A:property name="calendar-proxy-write-for" namespace="http://calendarserver.org/ns/">
                <A:property name="displayname" namespace="DAV:"/>
                <A:property name="calendar-user-address-set" namespace="urn:ietf:params:xml:ns:caldav"/>
                <A:property name="email-address-set" namespace="http://calendarserver.org/ns/"/>
              </A:property>
              <A:property name="calendar-proxy-read-for" namespace="http://calendarserver.org/ns/">
                <A:property name="displayname"/>
              </A:property>
              <A:property name="owner"/>
            </A:expand-property>
            """
        guard case .expandProperty(let expand) = try ReportRequest.parse(bytes(body)) else {
            Issue.record("not expand-property")
            return
        }
        #expect(
            expand.properties == [
                ExpandPropertyItem(
                    name: .calendarProxyWriteFor,
                    children: [
                        ExpandPropertyItem(name: .displayName), ExpandPropertyItem(name: .calendarUserAddressSet),
                        ExpandPropertyItem(name: .emailAddressSet),
                    ]),
                ExpandPropertyItem(name: .calendarProxyReadFor, children: [ExpandPropertyItem(name: .displayName)]),
                ExpandPropertyItem(name: .owner),
            ])
    }

    @Test func principalPropertySearchAnyof() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <A:principal-property-search xmlns:A="DAV:" test="anyof">
              <A:property-search>
                <A:prop><A:displayname/></A:prop>
                <A:match match-type="starts-with">fra</A:match>
              </A:property-search>
              <A:property-search>
                <A:prop><B:email-address-set xmlns:B="http://calendarserver.org/ns/"/></A:prop>
                <A:match>fra</A:match>
              </A:property-search>
              <A:apply-to-principal-collection-set/>
              <A:prop><A:displayname/><C:calendar-user-address-set xmlns:C="urn:ietf:params:xml:ns:caldav"/></A:prop>
            </A:principal-property-search>
            """
        guard case .principalPropertySearch(let search) = try ReportRequest.parse(bytes(body)) else {
            Issue.record("not principal-property-search")
            return
        }
        #expect(search.test == .anyof)
        #expect(search.applyToPrincipalCollectionSet)
        #expect(
            search.searches == [
                PrincipalPropertySearch.Search(properties: [.displayName], match: "fra", matchType: .startsWith),
                PrincipalPropertySearch.Search(properties: [.emailAddressSet], match: "fra"),
            ])
        #expect(search.properties == [.displayName, .calendarUserAddressSet])
    }

    @Test func evolutionPrincipalPropertySearchDefaultsToAllof() throws {
        let body = """
            <D:principal-property-search xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:property-search><D:prop><C:calendar-user-address-set/></D:prop><D:match>mailto:frank@example.net</D:match></D:property-search><D:prop><D:displayname/></D:prop></D:principal-property-search>
            """
        let search = try PrincipalPropertySearch.parse(bytes(body))
        #expect(search.test == .allof)
        #expect(!search.applyToPrincipalCollectionSet)
        #expect(search.searches.first?.match == "mailto:frank@example.net")
    }

    @Test func principalMatchSelfAndProperty() throws {
        let selfBody = "<D:principal-match xmlns:D=\"DAV:\"><D:self/><D:prop><D:displayname/></D:prop></D:principal-match>"
        #expect(try ReportRequest.parse(bytes(selfBody)) == .principalMatch(PrincipalMatch(target: .selfPrincipal, properties: [.displayName])))
        let ownerBody = "<D:principal-match xmlns:D=\"DAV:\"><D:principal-property><D:owner/></D:principal-property></D:principal-match>"
        #expect(try PrincipalMatch.parse(bytes(ownerBody)) == PrincipalMatch(target: .principalProperty(.owner)))
        #expect(throws: DAVXMLError.missingElement(.selfPrincipal)) {
            try PrincipalMatch.parse(bytes("<D:principal-match xmlns:D=\"DAV:\"/>"))
        }
    }

    @Test func principalSearchPropertySet() throws {
        #expect(try ReportRequest.parse(bytes("<D:principal-search-property-set xmlns:D=\"DAV:\"/>")) == .principalSearchPropertySet)
    }

    @Test func iOSCalendarServerPrincipalSearch() throws {
        let body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <B:calendarserver-principal-search xmlns:B="http://calendarserver.org/ns/" context="attendee">
              <B:search-token>fra</B:search-token>
              <B:search-token>foster</B:search-token>
              <B:limit><B:nresults>50</B:nresults></B:limit>
              <A:prop xmlns:A="DAV:">
                <C:calendar-user-address-set xmlns:C="urn:ietf:params:xml:ns:caldav"/>
                <B:email-address-set/>
                <A:displayname/>
                <C:calendar-user-type xmlns:C="urn:ietf:params:xml:ns:caldav"/>
                <A:principal-URL/>
              </A:prop>
            </B:calendarserver-principal-search>
            """
        guard case .calendarServerPrincipalSearch(let search) = try ReportRequest.parse(bytes(body)) else {
            Issue.record("not calendarserver-principal-search")
            return
        }
        #expect(search.tokens == ["fra", "foster"])
        #expect(search.context == "attendee")
        #expect(search.limit == 50)
        #expect(search.properties == [.calendarUserAddressSet, .emailAddressSet, .displayName, .calendarUserType, .principalURL])
    }

    @Test func unknownReportsAreNamed() throws {
        let report = try ReportRequest.parse(bytes("<C:addressbook-query xmlns:C=\"urn:ietf:params:xml:ns:carddav\"/>"))
        #expect(report == .unknown(PropertyName(.other("urn:ietf:params:xml:ns:carddav"), "addressbook-query")))
        #expect(report.name.local == "addressbook-query")
    }

    @Test func dispatchCoversCalDAVReports() throws {
        let query = "<C:calendar-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:filter><C:comp-filter name=\"VCALENDAR\"/></C:filter></C:calendar-query>"
        #expect(try ReportRequest.parse(bytes(query)).name == .calendarQuery)
        let multiget = "<C:calendar-multiget xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:D=\"DAV:\"><D:href>/a.ics</D:href></C:calendar-multiget>"
        #expect(try ReportRequest.parse(bytes(multiget)).name == .calendarMultiget)
        let freeBusy = "<C:free-busy-query xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:time-range start=\"20060104T140000Z\"/></C:free-busy-query>"
        #expect(try ReportRequest.parse(bytes(freeBusy)) == .freeBusyQuery(FreeBusyQuery(timeRange: DAVTimeRange(start: 1_136_383_200, end: nil))))
        // Multiget of zero hrefs: a typed error, not an empty report.
        #expect(throws: DAVXMLError.missingElement(.href)) {
            try ReportRequest.parse(bytes("<C:calendar-multiget xmlns:C=\"urn:ietf:params:xml:ns:caldav\"/>"))
        }
    }
}
