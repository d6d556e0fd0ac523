/// Names in the CalDAV namespace (RFC 4791, 6638, 7809, 7953).
extension PropertyName {
    /// `CALDAV:calendar-home-set`.
    public static let calendarHomeSet = PropertyName(.calDAV, "calendar-home-set")
    /// `CALDAV:calendar-description`.
    public static let calendarDescription = PropertyName(.calDAV, "calendar-description")
    /// `CALDAV:calendar-timezone`.
    public static let calendarTimezone = PropertyName(.calDAV, "calendar-timezone")
    /// `CALDAV:calendar-timezone-id`.
    public static let calendarTimezoneID = PropertyName(.calDAV, "calendar-timezone-id")
    /// `CALDAV:supported-calendar-component-set`.
    public static let supportedCalendarComponentSet = PropertyName(.calDAV, "supported-calendar-component-set")
    /// `CALDAV:supported-calendar-data`.
    public static let supportedCalendarData = PropertyName(.calDAV, "supported-calendar-data")
    /// `CALDAV:max-resource-size`.
    public static let maxResourceSize = PropertyName(.calDAV, "max-resource-size")
    /// `CALDAV:min-date-time`.
    public static let minDateTime = PropertyName(.calDAV, "min-date-time")
    /// `CALDAV:max-date-time`.
    public static let maxDateTime = PropertyName(.calDAV, "max-date-time")
    /// `CALDAV:max-instances`.
    public static let maxInstances = PropertyName(.calDAV, "max-instances")
    /// `CALDAV:max-attendees-per-instance`.
    public static let maxAttendeesPerInstance = PropertyName(.calDAV, "max-attendees-per-instance")
    /// `CALDAV:calendar-user-address-set`.
    public static let calendarUserAddressSet = PropertyName(.calDAV, "calendar-user-address-set")
    /// `CALDAV:calendar-user-type`.
    public static let calendarUserType = PropertyName(.calDAV, "calendar-user-type")
    /// `CALDAV:schedule-inbox-URL`.
    public static let scheduleInboxURL = PropertyName(.calDAV, "schedule-inbox-URL")
    /// `CALDAV:schedule-outbox-URL`.
    public static let scheduleOutboxURL = PropertyName(.calDAV, "schedule-outbox-URL")
    /// `CALDAV:schedule-default-calendar-URL`.
    public static let scheduleDefaultCalendarURL = PropertyName(.calDAV, "schedule-default-calendar-URL")
    /// `CALDAV:schedule-calendar-transp`.
    public static let scheduleCalendarTransp = PropertyName(.calDAV, "schedule-calendar-transp")
    /// `CALDAV:schedule-tag`.
    public static let scheduleTag = PropertyName(.calDAV, "schedule-tag")
    /// `CALDAV:calendar-availability`.
    public static let calendarAvailability = PropertyName(.calDAV, "calendar-availability")
    /// `CALDAV:calendar-data`.
    public static let calendarData = PropertyName(.calDAV, "calendar-data")
    /// `CALDAV:supported-collation-set`.
    public static let supportedCollationSet = PropertyName(.calDAV, "supported-collation-set")
    /// `CALDAV:calendar`.
    public static let calendar = PropertyName(.calDAV, "calendar")
    /// `CALDAV:schedule-inbox`.
    public static let scheduleInbox = PropertyName(.calDAV, "schedule-inbox")
    /// `CALDAV:schedule-outbox`.
    public static let scheduleOutbox = PropertyName(.calDAV, "schedule-outbox")
    /// `CALDAV:mkcalendar`.
    public static let mkcalendar = PropertyName(.calDAV, "mkcalendar")
    /// `CALDAV:calendar-query`.
    public static let calendarQuery = PropertyName(.calDAV, "calendar-query")
    /// `CALDAV:calendar-multiget`.
    public static let calendarMultiget = PropertyName(.calDAV, "calendar-multiget")
    /// `CALDAV:free-busy-query`.
    public static let freeBusyQuery = PropertyName(.calDAV, "free-busy-query")
    /// `CALDAV:filter`.
    public static let filter = PropertyName(.calDAV, "filter")
    /// `CALDAV:comp-filter`.
    public static let compFilter = PropertyName(.calDAV, "comp-filter")
    /// `CALDAV:prop-filter`.
    public static let propFilter = PropertyName(.calDAV, "prop-filter")
    /// `CALDAV:param-filter`.
    public static let paramFilter = PropertyName(.calDAV, "param-filter")
    /// `CALDAV:is-not-defined`.
    public static let isNotDefined = PropertyName(.calDAV, "is-not-defined")
    /// `CALDAV:time-range`.
    public static let timeRange = PropertyName(.calDAV, "time-range")
    /// `CALDAV:text-match`.
    public static let textMatch = PropertyName(.calDAV, "text-match")
    /// `CALDAV:comp`.
    public static let comp = PropertyName(.calDAV, "comp")
    /// `CALDAV:prop`.
    public static let calDAVProp = PropertyName(.calDAV, "prop")
    /// `CALDAV:allcomp`.
    public static let allComp = PropertyName(.calDAV, "allcomp")
    /// `CALDAV:allprop`.
    public static let calDAVAllProp = PropertyName(.calDAV, "allprop")
    /// `CALDAV:expand`.
    public static let expand = PropertyName(.calDAV, "expand")
    /// `CALDAV:limit-recurrence-set`.
    public static let limitRecurrenceSet = PropertyName(.calDAV, "limit-recurrence-set")
    /// `CALDAV:limit-freebusy-set`.
    public static let limitFreeBusySet = PropertyName(.calDAV, "limit-freebusy-set")
    /// `CALDAV:timezone`.
    public static let timezone = PropertyName(.calDAV, "timezone")
    /// `CALDAV:timezone-id`.
    public static let timezoneID = PropertyName(.calDAV, "timezone-id")
    /// `CALDAV:read-free-busy`.
    public static let readFreeBusy = PropertyName(.calDAV, "read-free-busy")
    /// `CALDAV:schedule-deliver`.
    public static let scheduleDeliver = PropertyName(.calDAV, "schedule-deliver")
    /// `CALDAV:schedule-deliver-invite`.
    public static let scheduleDeliverInvite = PropertyName(.calDAV, "schedule-deliver-invite")
    /// `CALDAV:schedule-deliver-reply`.
    public static let scheduleDeliverReply = PropertyName(.calDAV, "schedule-deliver-reply")
    /// `CALDAV:schedule-query-freebusy`.
    public static let scheduleQueryFreeBusy = PropertyName(.calDAV, "schedule-query-freebusy")
    /// `CALDAV:schedule-send`.
    public static let scheduleSend = PropertyName(.calDAV, "schedule-send")
    /// `CALDAV:schedule-send-invite`.
    public static let scheduleSendInvite = PropertyName(.calDAV, "schedule-send-invite")
    /// `CALDAV:schedule-send-reply`.
    public static let scheduleSendReply = PropertyName(.calDAV, "schedule-send-reply")
    /// `CALDAV:schedule-send-freebusy`.
    public static let scheduleSendFreeBusy = PropertyName(.calDAV, "schedule-send-freebusy")
    /// `CALDAV:schedule-response`.
    public static let scheduleResponse = PropertyName(.calDAV, "schedule-response")
    /// `CALDAV:recipient`.
    public static let recipient = PropertyName(.calDAV, "recipient")
    /// `CALDAV:request-status`.
    public static let requestStatus = PropertyName(.calDAV, "request-status")
    /// `CALDAV:opaque`.
    public static let opaque = PropertyName(.calDAV, "opaque")
    /// `CALDAV:transparent`.
    public static let transparent = PropertyName(.calDAV, "transparent")
    /// `CALDAV:supported-calendar-component`.
    public static let supportedCalendarComponent = PropertyName(.calDAV, "supported-calendar-component")
    /// `CALDAV:valid-calendar-data`.
    public static let validCalendarData = PropertyName(.calDAV, "valid-calendar-data")
    /// `CALDAV:valid-calendar-object-resource`.
    public static let validCalendarObjectResource = PropertyName(.calDAV, "valid-calendar-object-resource")
    /// `CALDAV:supported-filter`.
    public static let supportedFilter = PropertyName(.calDAV, "supported-filter")
    /// `CALDAV:valid-filter`.
    public static let validFilter = PropertyName(.calDAV, "valid-filter")
    /// `CALDAV:calendar-collection-location-ok`.
    public static let calendarCollectionLocationOk = PropertyName(.calDAV, "calendar-collection-location-ok")
    /// `CALDAV:no-uid-conflict`.
    public static let noUIDConflict = PropertyName(.calDAV, "no-uid-conflict")
    /// `CALDAV:valid-scheduling-message`.
    public static let validSchedulingMessage = PropertyName(.calDAV, "valid-scheduling-message")
    /// `CALDAV:valid-organizer`.
    public static let validOrganizer = PropertyName(.calDAV, "valid-organizer")
    /// `CALDAV:unique-scheduling-object-resource`.
    public static let uniqueSchedulingObjectResource = PropertyName(.calDAV, "unique-scheduling-object-resource")
    /// `CALDAV:same-organizer-in-all-components`.
    public static let sameOrganizerInAllComponents = PropertyName(.calDAV, "same-organizer-in-all-components")
    /// `CALDAV:allowed-organizer-scheduling-object-change`.
    public static let allowedOrganizerSchedulingObjectChange = PropertyName(.calDAV, "allowed-organizer-scheduling-object-change")
    /// `CALDAV:allowed-attendee-scheduling-object-change`.
    public static let allowedAttendeeSchedulingObjectChange = PropertyName(.calDAV, "allowed-attendee-scheduling-object-change")
    /// `CALDAV:initialize-calendar-collection`.
    public static let initializeCalendarCollection = PropertyName(.calDAV, "initialize-calendar-collection")
    /// `CALDAV:response` (schedule-response entry).
    public static let calDAVResponse = PropertyName(.calDAV, "response")
    /// `CALDAV:recipient-exists`.
    public static let recipientExists = PropertyName(.calDAV, "recipient-exists")
    /// `CALDAV:recipient-permissions`.
    public static let recipientPermissions = PropertyName(.calDAV, "recipient-permissions")
    /// `CALDAV:organizer-allowed`.
    public static let organizerAllowed = PropertyName(.calDAV, "organizer-allowed")
    /// `CALDAV:originator-allowed`.
    public static let originatorAllowed = PropertyName(.calDAV, "originator-allowed")
    /// `CALDAV:recipient-specified`.
    public static let recipientSpecified = PropertyName(.calDAV, "recipient-specified")
    /// `CALDAV:valid-calendar-user-address`.
    public static let validCalendarUserAddress = PropertyName(.calDAV, "valid-calendar-user-address")
    /// `CALDAV:default-calendar-needed`.
    public static let defaultCalendarNeeded = PropertyName(.calDAV, "default-calendar-needed")
    /// `CALDAV:valid-schedule-default-calendar-URL`.
    public static let validScheduleDefaultCalendarURL = PropertyName(.calDAV, "valid-schedule-default-calendar-URL")
    /// `CALDAV:default-calendar-delete-allowed`.
    public static let defaultCalendarDeleteAllowed = PropertyName(.calDAV, "default-calendar-delete-allowed")
    /// `CALDAV:valid-calendar-timezone`.
    public static let validCalendarTimezone = PropertyName(.calDAV, "valid-calendar-timezone")
    /// `CALDAV:valid-timezone`.
    public static let validTimezone = PropertyName(.calDAV, "valid-timezone")
    /// `CALDAV:valid-schedule-calendar-transp`.
    public static let validScheduleCalendarTransp = PropertyName(.calDAV, "valid-schedule-calendar-transp")
    /// `CALDAV:calendar-free-busy-set`.
    public static let calendarFreeBusySet = PropertyName(.calDAV, "calendar-free-busy-set")
    /// `CALDAV:default-alarm-vevent-date`.
    public static let defaultAlarmVEventDate = PropertyName(.calDAV, "default-alarm-vevent-date")
    /// `CALDAV:default-alarm-vevent-datetime`.
    public static let defaultAlarmVEventDateTime = PropertyName(.calDAV, "default-alarm-vevent-datetime")
}
