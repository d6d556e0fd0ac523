/// Names in the `DAV:` namespace: properties, request elements, privileges and preconditions (RFC 4918, 3744, 3253, 5842, 6578, draft-pot-webdav-resource-sharing).
extension PropertyName {
    /// `DAV:resourcetype`.
    public static let resourceType = PropertyName(.dav, "resourcetype")
    /// `DAV:displayname`.
    public static let displayName = PropertyName(.dav, "displayname")
    /// `DAV:getetag`.
    public static let getETag = PropertyName(.dav, "getetag")
    /// `DAV:getcontenttype`.
    public static let getContentType = PropertyName(.dav, "getcontenttype")
    /// `DAV:getcontentlength`.
    public static let getContentLength = PropertyName(.dav, "getcontentlength")
    /// `DAV:getcontentlanguage`.
    public static let getContentLanguage = PropertyName(.dav, "getcontentlanguage")
    /// `DAV:getlastmodified`.
    public static let getLastModified = PropertyName(.dav, "getlastmodified")
    /// `DAV:creationdate`.
    public static let creationDate = PropertyName(.dav, "creationdate")
    /// `DAV:current-user-principal`.
    public static let currentUserPrincipal = PropertyName(.dav, "current-user-principal")
    /// `DAV:principal-URL`.
    public static let principalURL = PropertyName(.dav, "principal-URL")
    /// `DAV:owner`.
    public static let owner = PropertyName(.dav, "owner")
    /// `DAV:group`.
    public static let group = PropertyName(.dav, "group")
    /// `DAV:group-member-set`.
    public static let groupMemberSet = PropertyName(.dav, "group-member-set")
    /// `DAV:group-membership`.
    public static let groupMembership = PropertyName(.dav, "group-membership")
    /// `DAV:supported-report-set`.
    public static let supportedReportSet = PropertyName(.dav, "supported-report-set")
    /// `DAV:current-user-privilege-set`.
    public static let currentUserPrivilegeSet = PropertyName(.dav, "current-user-privilege-set")
    /// `DAV:acl`.
    public static let acl = PropertyName(.dav, "acl")
    /// `DAV:acl-restrictions`.
    public static let aclRestrictions = PropertyName(.dav, "acl-restrictions")
    /// `DAV:supported-privilege-set`.
    public static let supportedPrivilegeSet = PropertyName(.dav, "supported-privilege-set")
    /// `DAV:inherited-acl-set`.
    public static let inheritedACLSet = PropertyName(.dav, "inherited-acl-set")
    /// `DAV:principal-collection-set`.
    public static let principalCollectionSet = PropertyName(.dav, "principal-collection-set")
    /// `DAV:principal-address`.
    public static let principalAddress = PropertyName(.dav, "principal-address")
    /// `DAV:alternate-URI-set`.
    public static let alternateURISet = PropertyName(.dav, "alternate-URI-set")
    /// `DAV:sync-token`.
    public static let syncToken = PropertyName(.dav, "sync-token")
    /// `DAV:supportedlock`.
    public static let supportedLock = PropertyName(.dav, "supportedlock")
    /// `DAV:lockdiscovery`.
    public static let lockDiscovery = PropertyName(.dav, "lockdiscovery")
    /// `DAV:quota-available-bytes`.
    public static let quotaAvailableBytes = PropertyName(.dav, "quota-available-bytes")
    /// `DAV:quota-used-bytes`.
    public static let quotaUsedBytes = PropertyName(.dav, "quota-used-bytes")
    /// `DAV:add-member`.
    public static let addMember = PropertyName(.dav, "add-member")
    /// `DAV:resource-id`.
    public static let resourceID = PropertyName(.dav, "resource-id")
    /// `DAV:parent-set`.
    public static let parentSet = PropertyName(.dav, "parent-set")
    /// `DAV:share-access`.
    public static let shareAccess = PropertyName(.dav, "share-access")
    /// `DAV:invite`.
    public static let invite = PropertyName(.dav, "invite")
    /// `DAV:share-resource-uri`.
    public static let shareResourceURI = PropertyName(.dav, "share-resource-uri")
    /// `DAV:multistatus`.
    public static let multiStatus = PropertyName(.dav, "multistatus")
    /// `DAV:response`.
    public static let response = PropertyName(.dav, "response")
    /// `DAV:responsedescription`.
    public static let responseDescription = PropertyName(.dav, "responsedescription")
    /// `DAV:propstat`.
    public static let propStat = PropertyName(.dav, "propstat")
    /// `DAV:prop`.
    public static let prop = PropertyName(.dav, "prop")
    /// `DAV:status`.
    public static let status = PropertyName(.dav, "status")
    /// `DAV:href`.
    public static let href = PropertyName(.dav, "href")
    /// `DAV:error`.
    public static let error = PropertyName(.dav, "error")
    /// `DAV:location`.
    public static let location = PropertyName(.dav, "location")
    /// `DAV:propfind`.
    public static let propfind = PropertyName(.dav, "propfind")
    /// `DAV:allprop`.
    public static let allProp = PropertyName(.dav, "allprop")
    /// `DAV:propname`.
    public static let propName = PropertyName(.dav, "propname")
    /// `DAV:include`.
    public static let include = PropertyName(.dav, "include")
    /// `DAV:propertyupdate`.
    public static let propertyUpdate = PropertyName(.dav, "propertyupdate")
    /// `DAV:set`.
    public static let set = PropertyName(.dav, "set")
    /// `DAV:remove`.
    public static let remove = PropertyName(.dav, "remove")
    /// `DAV:mkcol`.
    public static let mkcol = PropertyName(.dav, "mkcol")
    /// `DAV:collection`.
    public static let collection = PropertyName(.dav, "collection")
    /// `DAV:principal`.
    public static let principal = PropertyName(.dav, "principal")
    /// `DAV:read`.
    public static let read = PropertyName(.dav, "read")
    /// `DAV:write`.
    public static let write = PropertyName(.dav, "write")
    /// `DAV:write-properties`.
    public static let writeProperties = PropertyName(.dav, "write-properties")
    /// `DAV:write-content`.
    public static let writeContent = PropertyName(.dav, "write-content")
    /// `DAV:unlock`.
    public static let unlock = PropertyName(.dav, "unlock")
    /// `DAV:read-acl`.
    public static let readACL = PropertyName(.dav, "read-acl")
    /// `DAV:read-current-user-privilege-set`.
    public static let readCurrentUserPrivilegeSet = PropertyName(.dav, "read-current-user-privilege-set")
    /// `DAV:write-acl`.
    public static let writeACL = PropertyName(.dav, "write-acl")
    /// `DAV:bind`.
    public static let bind = PropertyName(.dav, "bind")
    /// `DAV:unbind`.
    public static let unbind = PropertyName(.dav, "unbind")
    /// `DAV:all`.
    public static let all = PropertyName(.dav, "all")
    /// `DAV:share`.
    public static let share = PropertyName(.dav, "share")
    /// `DAV:privilege`.
    public static let privilege = PropertyName(.dav, "privilege")
    /// `DAV:supported-privilege`.
    public static let supportedPrivilege = PropertyName(.dav, "supported-privilege")
    /// `DAV:abstract`.
    public static let abstract = PropertyName(.dav, "abstract")
    /// `DAV:description`.
    public static let description = PropertyName(.dav, "description")
    /// `DAV:grant`.
    public static let grant = PropertyName(.dav, "grant")
    /// `DAV:deny`.
    public static let deny = PropertyName(.dav, "deny")
    /// `DAV:ace`.
    public static let ace = PropertyName(.dav, "ace")
    /// `DAV:invert`.
    public static let invert = PropertyName(.dav, "invert")
    /// `DAV:protected`.
    public static let protected = PropertyName(.dav, "protected")
    /// `DAV:inherited`.
    public static let inherited = PropertyName(.dav, "inherited")
    /// `DAV:authenticated`.
    public static let authenticated = PropertyName(.dav, "authenticated")
    /// `DAV:unauthenticated`.
    public static let unauthenticated = PropertyName(.dav, "unauthenticated")
    /// `DAV:self`.
    public static let selfPrincipal = PropertyName(.dav, "self")
    /// `DAV:property`.
    public static let property = PropertyName(.dav, "property")
    /// `DAV:supported-report`.
    public static let supportedReport = PropertyName(.dav, "supported-report")
    /// `DAV:report`.
    public static let report = PropertyName(.dav, "report")
    /// `DAV:sync-collection`.
    public static let syncCollection = PropertyName(.dav, "sync-collection")
    /// `DAV:sync-level`.
    public static let syncLevel = PropertyName(.dav, "sync-level")
    /// `DAV:limit`.
    public static let limit = PropertyName(.dav, "limit")
    /// `DAV:nresults`.
    public static let nResults = PropertyName(.dav, "nresults")
    /// `DAV:expand-property`.
    public static let expandProperty = PropertyName(.dav, "expand-property")
    /// `DAV:principal-property-search`.
    public static let principalPropertySearch = PropertyName(.dav, "principal-property-search")
    /// `DAV:property-search`.
    public static let propertySearch = PropertyName(.dav, "property-search")
    /// `DAV:match`.
    public static let match = PropertyName(.dav, "match")
    /// `DAV:principal-search-property-set`.
    public static let principalSearchPropertySet = PropertyName(.dav, "principal-search-property-set")
    /// `DAV:principal-search-property`.
    public static let principalSearchProperty = PropertyName(.dav, "principal-search-property")
    /// `DAV:apply-to-principal-collection-set`.
    public static let applyToPrincipalCollectionSet = PropertyName(.dav, "apply-to-principal-collection-set")
    /// `DAV:principal-match`.
    public static let principalMatch = PropertyName(.dav, "principal-match")
    /// `DAV:lockinfo`.
    public static let lockInfo = PropertyName(.dav, "lockinfo")
    /// `DAV:lockscope`.
    public static let lockScope = PropertyName(.dav, "lockscope")
    /// `DAV:locktype`.
    public static let lockType = PropertyName(.dav, "locktype")
    /// `DAV:exclusive`.
    public static let exclusive = PropertyName(.dav, "exclusive")
    /// `DAV:shared`.
    public static let shared = PropertyName(.dav, "shared")
    /// `DAV:activelock`.
    public static let activeLock = PropertyName(.dav, "activelock")
    /// `DAV:depth`.
    public static let depth = PropertyName(.dav, "depth")
    /// `DAV:locktoken`.
    public static let lockToken = PropertyName(.dav, "locktoken")
    /// `DAV:timeout`.
    public static let timeout = PropertyName(.dav, "timeout")
    /// `DAV:lockroot`.
    public static let lockRoot = PropertyName(.dav, "lockroot")
    /// `DAV:share-resource`.
    public static let shareResource = PropertyName(.dav, "share-resource")
    /// `DAV:sharee`.
    public static let sharee = PropertyName(.dav, "sharee")
    /// `DAV:comment`.
    public static let comment = PropertyName(.dav, "comment")
    /// `DAV:no-access`.
    public static let noAccess = PropertyName(.dav, "no-access")
    /// `DAV:read-write`.
    public static let readWrite = PropertyName(.dav, "read-write")
    /// `DAV:not-shared`.
    public static let notShared = PropertyName(.dav, "not-shared")
    /// `DAV:shared-owner`.
    public static let sharedOwner = PropertyName(.dav, "shared-owner")
    /// `DAV:invite-noresponse`.
    public static let inviteNoResponse = PropertyName(.dav, "invite-noresponse")
    /// `DAV:invite-accepted`.
    public static let inviteAccepted = PropertyName(.dav, "invite-accepted")
    /// `DAV:invite-declined`.
    public static let inviteDeclined = PropertyName(.dav, "invite-declined")
    /// `DAV:invite-invalid`.
    public static let inviteInvalid = PropertyName(.dav, "invite-invalid")
    /// `DAV:need-privileges`.
    public static let needPrivileges = PropertyName(.dav, "need-privileges")
    /// `DAV:resource`.
    public static let resource = PropertyName(.dav, "resource")
    /// `DAV:valid-sync-token`.
    public static let validSyncToken = PropertyName(.dav, "valid-sync-token")
    /// `DAV:number-of-matches-within-limits`.
    public static let numberOfMatchesWithinLimits = PropertyName(.dav, "number-of-matches-within-limits")
    /// `DAV:cannot-modify-protected-property`.
    public static let cannotModifyProtectedProperty = PropertyName(.dav, "cannot-modify-protected-property")
    /// `DAV:lock-token-submitted`.
    public static let lockTokenSubmitted = PropertyName(.dav, "lock-token-submitted")
    /// `DAV:no-conflicting-lock`.
    public static let noConflictingLock = PropertyName(.dav, "no-conflicting-lock")
    /// `DAV:resource-must-be-null`.
    public static let resourceMustBeNull = PropertyName(.dav, "resource-must-be-null")
    /// `DAV:valid-resourcetype`.
    public static let validResourceType = PropertyName(.dav, "valid-resourcetype")
    /// `DAV:no-ace-conflict`.
    public static let noACEConflict = PropertyName(.dav, "no-ace-conflict")
    /// `DAV:no-protected-ace-conflict`.
    public static let noProtectedACEConflict = PropertyName(.dav, "no-protected-ace-conflict")
    /// `DAV:no-inherited-ace-conflict`.
    public static let noInheritedACEConflict = PropertyName(.dav, "no-inherited-ace-conflict")
    /// `DAV:not-supported-privilege`.
    public static let notSupportedPrivilege = PropertyName(.dav, "not-supported-privilege")
    /// `DAV:missing-required-principal`.
    public static let missingRequiredPrincipal = PropertyName(.dav, "missing-required-principal")
    /// `DAV:recognized-principal`.
    public static let recognizedPrincipal = PropertyName(.dav, "recognized-principal")
    /// `DAV:allowed-principal`.
    public static let allowedPrincipal = PropertyName(.dav, "allowed-principal")
    /// `DAV:propfind-finite-depth`.
    public static let propfindFiniteDepth = PropertyName(.dav, "propfind-finite-depth")
    /// `DAV:principal-property` (principal-match).
    public static let principalProperty = PropertyName(.dav, "principal-property")
    /// `DAV:lockentry` (supportedlock).
    public static let lockEntry = PropertyName(.dav, "lockentry")
}
