import Storage
import Testing

@testable import CalDAV

/// calendarobjects rows of the sabre 4.7.1 fixture: body, etag, size and index columns as sabre wrote them.
let sabreObjectRows:
    [(
        uri: String, components: [String], etag: String, size: Int, type: String, first: Int64?, last: Int64?,
        uid: String, body: String
    )] = [
        (
            "e205eef4-a155-405b-a93a-347cab1d3b5a.ics", ["VEVENT", "VTODO"], "9c67df957a09e4bb570e6cf01bf2ee4d", 494,
            "VEVENT", 1_801_672_200, 1_801_675_800, "e205eef4-a155-405b-a93a-347cab1d3b5a",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:e205eef4-a155-405b-a93a-347cab1d3b5a\r\nDTSTAMP:20261125T082451Z\r\nCREATED:20261125T082437Z\r\nLAST-MODIFIED:20261125T082451Z\r\nSUMMARY:Vendor demo call\r\nDTSTART:20270203T163000Z\r\nDTEND:20270203T173000Z\r\nLOCATION:Video bridge\r\nSEQUENCE:1\r\nTRANSP:OPAQUE\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Vendor demo in 15 minutes\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "f66e17f9-a3e1-4f1d-92f6-61aeedbe7800.ics", ["VEVENT", "VTODO"], "fa916d18a13fe6734af9a6678d25e899", 655,
            "VEVENT", 1_802_826_000, 1_802_835_000, "f66e17f9-a3e1-4f1d-92f6-61aeedbe7800",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:f66e17f9-a3e1-4f1d-92f6-61aeedbe7800\r\nDTSTAMP:20261125T082437Z\r\nSUMMARY:Kyoto site visit\r\nDTSTART;TZID=Asia/Tokyo:20270217T100000\r\nDTEND;TZID=Asia/Tokyo:20270217T123000\r\nLOCATION:Kyoto branch office, Shimogyo-ku\r\nDESCRIPTION:Walk through the server room and the new meeting rooms with the\r\n  facilities team; bring the floor plans and the badge list.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "bf9f72bf-5b91-42e9-980f-3b8a575dd1d0.ics", ["VEVENT", "VTODO"], "4b5b859b79a3ec7596f4a9335665d520", 582,
            "VEVENT", 1_801_445_400, 1_805_680_800, "bf9f72bf-5b91-42e9-980f-3b8a575dd1d0",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:bf9f72bf-5b91-42e9-980f-3b8a575dd1d0\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Release train check-in\r\nDTSTART:20270201T013000Z\r\nDTEND:20270201T020000Z\r\nRRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=8\r\nSEQUENCE:0\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:bf9f72bf-5b91-42e9-980f-3b8a575dd1d0\r\nDTSTAMP:20261125T082441Z\r\nSUMMARY:Release train check-in (moved to Tuesday)\r\nRECURRENCE-ID:20270215T013000Z\r\nDTSTART:20270216T013000Z\r\nDTEND:20270216T020000Z\r\nSEQUENCE:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "hakone-offsite.ics", ["VEVENT", "VTODO"], "332016d4865c518e1f932211cfff5f4a", 327, "VEVENT", 1_804_464_000,
            1_804_723_200, "hakone-offsite-2027@example.net",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:hakone-offsite-2027@example.net\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Hakone offsite\r\nDTSTART;VALUE=DATE:20270308\r\nDTEND;VALUE=DATE:20270311\r\nCATEGORIES:Team,Travel\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "9d285e49-95d4-4635-a9e0-d1462d885adc.ics", ["VEVENT", "VTODO"], "7688104a8939a4592a12f0b77b2edb28", 316,
            "VEVENT", 1_802_286_000, 1_802_293_200, "9d285e49-95d4-4635-a9e0-d1462d885adc",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:9d285e49-95d4-4635-a9e0-d1462d885adc\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Pottery class\r\nDTSTART:20270210T190000\r\nDTEND:20270210T210000\r\nLOCATION:Community arts centre\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "7e36522e-a45a-4bc3-8cc5-d66b901f18e2.ics", ["VEVENT", "VTODO"], "daa70b569f3beb1b474ac4f372a5cf20", 369,
            "VEVENT", 1_801_209_600, 1_830_243_600, "7e36522e-a45a-4bc3-8cc5-d66b901f18e2",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:7e36522e-a45a-4bc3-8cc5-d66b901f18e2\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Month-end numbers\r\nDTSTART:20270129T080000Z\r\nDTEND:20270129T090000Z\r\nRRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T235959Z\r\nEXDATE:20270430T080000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "3a72fd0d-3338-4095-9393-4651d87f7914.ics", ["VEVENT", "VTODO"], "f41bd931e05ba3d3d1023fabe8c94a85", 338,
            "VEVENT", 1_805_068_800, 1_805_414_400, "3a72fd0d-3338-4095-9393-4651d87f7914",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:3a72fd0d-3338-4095-9393-4651d87f7914\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Lisbon conference\r\nDTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270319\r\nLOCATION:Lisbon, Portugal\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "7ffadf73-8da3-4f5a-a964-3e8395f01b3c.ics", ["VEVENT", "VTODO"], "fc6903771b765e5162d54cfd2612fa91", 303,
            "VEVENT", 1_803_367_800, 1_803_373_200, "7ffadf73-8da3-4f5a-a964-3e8395f01b3c",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:7ffadf73-8da3-4f5a-a964-3e8395f01b3c\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Vehicle inspection\r\nDTSTART:20270223T073000Z\r\nDURATION:PT1H30M\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "de1f8264-7591-4a96-9be4-285b8ca699db.ics", ["VEVENT", "VTODO"], "8dc41bcb3c8b072ddbb5090ae4b95fc4", 490,
            "VEVENT", 1_806_719_400, 1_806_732_000, "de1f8264-7591-4a96-9be4-285b8ca699db",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:de1f8264-7591-4a96-9be4-285b8ca699db\r\nDTSTAMP:20261125T082439Z\r\nSUMMARY:Hanami picnic\r\nDTSTART;TZID=Asia/Tokyo:20270403T113000\r\nDTEND;TZID=Asia/Tokyo:20270403T150000\r\nLOCATION:Ueno Park\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "e4f218ac-f993-4c83-94ab-5dead1e14afd.ics", ["VTODO"], "3e319caa6089fb438d8abade173e606f", 329, "VTODO",
            nil, nil, "e4f218ac-f993-4c83-94ab-5dead1e14afd",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VTODO\r\nUID:e4f218ac-f993-4c83-94ab-5dead1e14afd\r\nDTSTAMP:20261125T082442Z\r\nCREATED:20261125T082442Z\r\nSUMMARY:Rotate database credentials\r\nDUE:20270226T170000Z\r\nPRIORITY:1\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
        ),
        (
            "sabredav-cc921c0c-0849-4453-b7c9-96815cd34a7c.ics", ["VEVENT", "VTODO"],
            "3390b5b9abbaaea3b586f8910fb19091", 1130, "VEVENT", 1_804_140_000, 1_804_143_600,
            "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sabre//Sabre VObject 4.6.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:adfe35a6-21c2-4c1d-9639-d1a1bfed4d87\r\nCREATED:20261125T082443Z\r\nSUMMARY:Migration go/no-go\r\nLOCATION:Room Fuji / video bridge\r\nDESCRIPTION:Decide whether the calendar migration goes ahead this quarter.\r\nDTSTART;TZID=Asia/Tokyo:20270304T150000\r\nDTEND;TZID=Asia/Tokyo:20270304T160000\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\nORGANIZER;CN=Frank Foster:mailto:frank@example.net\r\nATTENDEE;CN=Frank Foster;ROLE=CHAIR;PARTSTAT=ACCEPTED;CUTYPE=INDIVIDUAL:mai\r\n lto:frank@example.net\r\nATTENDEE;CN=Grace Garcia;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;CUTYPE=IND\r\n IVIDUAL:mailto:grace@example.net\r\nATTENDEE;CN=Heidi Horvath;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CUTYPE=IND\r\n IVIDUAL:mailto:heidi@example.net\r\nATTENDEE;CN=Zed External;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR\r\n UE;CUTYPE=INDIVIDUAL:mailto:zed@example.com\r\nDTSTAMP:20261125T082447Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87.ics", ["VEVENT", "VTODO"], "cf6fe075d23b99941c18591407f70f7a", 1202,
            "VEVENT", 1_804_140_000, 1_804_143_600, "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:adfe35a6-21c2-4c1d-9639-d1a1bfed4d87\r\nDTSTAMP:20261125T082446Z\r\nCREATED:20261125T082443Z\r\nSUMMARY:Migration go/no-go\r\nLOCATION:Room Fuji / video bridge\r\nDESCRIPTION:Decide whether the calendar migration goes ahead this quarter.\r\nDTSTART;TZID=Asia/Tokyo:20270304T150000\r\nDTEND;TZID=Asia/Tokyo:20270304T160000\r\nSEQUENCE:1\r\nSTATUS:CONFIRMED\r\nORGANIZER;CN=Frank Foster:mailto:frank@example.net\r\nATTENDEE;CN=Frank Foster;ROLE=CHAIR;PARTSTAT=ACCEPTED;CUTYPE=INDIVIDUAL:mai\r\n lto:frank@example.net\r\nATTENDEE;CN=Grace Garcia;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;CUTYPE=IND\r\n IVIDUAL;SCHEDULE-STATUS=1.2:mailto:grace@example.net\r\nATTENDEE;CN=Heidi Horvath;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CUTYPE=IND\r\n IVIDUAL;SCHEDULE-STATUS=2.0:mailto:heidi@example.net\r\nATTENDEE;CN=Zed External;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR\r\n UE;CUTYPE=INDIVIDUAL;SCHEDULE-STATUS=1.1:mailto:zed@example.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        (
            "b1e4451d-a264-4926-836e-0df413849119.ics", ["VEVENT", "VTODO"], "1dce0eeea2b6f2453bd21fdd1d352da0", 316,
            "VEVENT", 1_803_254_400, 1_803_340_800, "b1e4451d-a264-4926-836e-0df413849119",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Net//Public Fixture Client 1.0//EN\r\nCALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\nUID:b1e4451d-a264-4926-836e-0df413849119\r\nDTSTAMP:20261125T082451Z\r\nSUMMARY:Library books due\r\nDTSTART;VALUE=DATE:20270222\r\nDTEND;VALUE=DATE:20270223\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
    ]
