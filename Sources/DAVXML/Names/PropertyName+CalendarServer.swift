/// Names in the CalendarServer and Apple iCal namespaces (caldav-sharing, caldav-ctag, calendar-proxy).
extension PropertyName {
    /// `CS:getctag`.
    public static let getCTag = PropertyName(.calendarServer, "getctag")
    /// `CS:calendar-proxy-read-for`.
    public static let calendarProxyReadFor = PropertyName(.calendarServer, "calendar-proxy-read-for")
    /// `CS:calendar-proxy-write-for`.
    public static let calendarProxyWriteFor = PropertyName(.calendarServer, "calendar-proxy-write-for")
    /// `CS:invite`.
    public static let csInvite = PropertyName(.calendarServer, "invite")
    /// `CS:allowed-sharing-modes`.
    public static let allowedSharingModes = PropertyName(.calendarServer, "allowed-sharing-modes")
    /// `CS:shared-url`.
    public static let sharedURL = PropertyName(.calendarServer, "shared-url")
    /// `CS:source`.
    public static let source = PropertyName(.calendarServer, "source")
    /// `CS:email-address-set`.
    public static let emailAddressSet = PropertyName(.calendarServer, "email-address-set")
    /// `CS:me-card`.
    public static let meCard = PropertyName(.calendarServer, "me-card")
    /// `CS:notification-URL`.
    public static let notificationURL = PropertyName(.calendarServer, "notification-URL")
    /// `CS:auto-schedule`.
    public static let autoSchedule = PropertyName(.calendarServer, "auto-schedule")
    /// `CS:pushkey`.
    public static let pushKey = PropertyName(.calendarServer, "pushkey")
    /// `CS:push-transports`.
    public static let pushTransports = PropertyName(.calendarServer, "push-transports")
    /// `CS:first-name`.
    public static let firstName = PropertyName(.calendarServer, "first-name")
    /// `CS:last-name`.
    public static let lastName = PropertyName(.calendarServer, "last-name")
    /// `CS:calendar-proxy-read`.
    public static let calendarProxyRead = PropertyName(.calendarServer, "calendar-proxy-read")
    /// `CS:calendar-proxy-write`.
    public static let calendarProxyWrite = PropertyName(.calendarServer, "calendar-proxy-write")
    /// `CS:shared-owner`.
    public static let csSharedOwner = PropertyName(.calendarServer, "shared-owner")
    /// `CS:shared`.
    public static let csShared = PropertyName(.calendarServer, "shared")
    /// `CS:subscribed`.
    public static let subscribed = PropertyName(.calendarServer, "subscribed")
    /// `CS:can-be-shared`.
    public static let canBeShared = PropertyName(.calendarServer, "can-be-shared")
    /// `CS:can-be-published`.
    public static let canBePublished = PropertyName(.calendarServer, "can-be-published")
    /// `CS:calendarserver-principal-search`.
    public static let calendarServerPrincipalSearch = PropertyName(.calendarServer, "calendarserver-principal-search")
    /// `CS:search-token`.
    public static let searchToken = PropertyName(.calendarServer, "search-token")
    /// `CS:context`.
    public static let context = PropertyName(.calendarServer, "context")
    /// `CS:limit`.
    public static let csLimit = PropertyName(.calendarServer, "limit")
    /// `CS:nresults`.
    public static let csNResults = PropertyName(.calendarServer, "nresults")
    /// `CS:share`.
    public static let csShare = PropertyName(.calendarServer, "share")
    /// `CS:set`.
    public static let csSet = PropertyName(.calendarServer, "set")
    /// `CS:remove`.
    public static let csRemove = PropertyName(.calendarServer, "remove")
    /// `CS:common-name`.
    public static let commonName = PropertyName(.calendarServer, "common-name")
    /// `CS:summary`.
    public static let summary = PropertyName(.calendarServer, "summary")
    /// `CS:read`.
    public static let csRead = PropertyName(.calendarServer, "read")
    /// `CS:read-write`.
    public static let csReadWrite = PropertyName(.calendarServer, "read-write")
    /// `CS:invite-reply`.
    public static let inviteReply = PropertyName(.calendarServer, "invite-reply")
    /// `CS:hosturl`.
    public static let hostURL = PropertyName(.calendarServer, "hosturl")
    /// `CS:in-reply-to`.
    public static let inReplyTo = PropertyName(.calendarServer, "in-reply-to")
    /// `CS:invite-noresponse`.
    public static let csInviteNoResponse = PropertyName(.calendarServer, "invite-noresponse")
    /// `CS:invite-accepted`.
    public static let csInviteAccepted = PropertyName(.calendarServer, "invite-accepted")
    /// `CS:invite-declined`.
    public static let csInviteDeclined = PropertyName(.calendarServer, "invite-declined")
    /// `CS:invite-invalid`.
    public static let csInviteInvalid = PropertyName(.calendarServer, "invite-invalid")
    /// `CS:organizer`.
    public static let organizer = PropertyName(.calendarServer, "organizer")
    /// `CS:user`.
    public static let user = PropertyName(.calendarServer, "user")
    /// `CS:access`.
    public static let access = PropertyName(.calendarServer, "access")
    /// `CS:shared-as`.
    public static let sharedAs = PropertyName(.calendarServer, "shared-as")
    /// `CS:notification`.
    public static let notification = PropertyName(.calendarServer, "notification")
    /// `CS:notificationtype`.
    public static let notificationType = PropertyName(.calendarServer, "notificationtype")
    /// `ICAL:calendar-color`.
    public static let calendarColor = PropertyName(.appleICal, "calendar-color")
    /// `ICAL:calendar-order`.
    public static let calendarOrder = PropertyName(.appleICal, "calendar-order")
    /// `CS:publish-url`.
    public static let publishURL = PropertyName(.calendarServer, "publish-url")
    /// `CS:pre-publish-url`.
    public static let prePublishURL = PropertyName(.calendarServer, "pre-publish-url")
    /// `CS:record-type`.
    public static let recordType = PropertyName(.calendarServer, "record-type")
    /// `ICAL:refreshrate`.
    public static let refreshRate = PropertyName(.appleICal, "refreshrate")
}
