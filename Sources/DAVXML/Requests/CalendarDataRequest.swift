/// A `CALDAV:comp` selection inside `calendar-data`: which components and properties to return (RFC 4791 §9.6.1).
public struct ComponentSelection: Hashable, Sendable {
    /// One `CALDAV:prop` selector.
    public struct Property: Hashable, Sendable {
        /// Property name, upper-cased.
        public var name: String
        /// `novalue="yes"`: return the property without its value.
        public var noValue: Bool

        /// Creates a selector.
        public init(name: String, noValue: Bool = false) {
            self.name = name
            self.noValue = noValue
        }
    }

    /// Component name, upper-cased, e.g. `VCALENDAR`.
    public var name: String
    /// `CALDAV:allprop`: every property (also true when neither allprop nor prop is given).
    public var allProperties: Bool
    /// Selected properties when `allProperties` is false.
    public var properties: [Property]
    /// `CALDAV:allcomp`: every sub-component (also true when neither allcomp nor comp is given).
    public var allComponents: Bool
    /// Selected sub-components when `allComponents` is false.
    public var components: [ComponentSelection]

    /// Creates a selection.
    public init(name: String, allProperties: Bool = true, properties: [Property] = [], allComponents: Bool = true, components: [ComponentSelection] = []) {
        self.name = name
        self.allProperties = allProperties
        self.properties = properties
        self.allComponents = allComponents
        self.components = components
    }

    init(element: XMLElement) throws(DAVXMLError) {
        guard let name = element.attribute("name") else { throw .invalidValue(element: element.name, value: "") }
        self.init(name: name.uppercased())
        var sawProp = false
        var sawComp = false
        var sawAllprop = false
        var sawAllcomp = false
        for child in element.children where child.name.namespace == .calDAV {
            switch child.name.local {
            case "allprop": sawAllprop = true
            case "allcomp": sawAllcomp = true
            case "prop":
                guard let propName = child.attribute("name") else { throw .invalidValue(element: child.name, value: "") }
                sawProp = true
                properties.append(Property(name: propName.uppercased(), noValue: child.attribute("novalue") == "yes"))
            case "comp":
                sawComp = true
                components.append(try ComponentSelection(element: child))
            default: break
            }
        }
        allProperties = sawAllprop || !sawProp
        allComponents = sawAllcomp || !sawComp
    }
}

/// The `CALDAV:calendar-data` element of a REPORT's property list: partial retrieval and expansion (RFC 4791 §9.6).
public struct CalendarDataRequest: Hashable, Sendable {
    /// `content-type` attribute (default text/calendar).
    public var contentType: String?
    /// `version` attribute (default 2.0).
    public var version: String?
    /// The `CALDAV:comp` tree for VCALENDAR; nil returns the whole object.
    public var component: ComponentSelection?
    /// `CALDAV:expand`: return instances in this range as separate overrides in UTC (§9.6.5).
    public var expand: DAVTimeRange?
    /// `CALDAV:limit-recurrence-set` (§9.6.6).
    public var limitRecurrenceSet: DAVTimeRange?
    /// `CALDAV:limit-freebusy-set` (§9.6.7).
    public var limitFreeBusySet: DAVTimeRange?

    /// Creates a request for the full object.
    public init(contentType: String? = nil, version: String? = nil, component: ComponentSelection? = nil, expand: DAVTimeRange? = nil, limitRecurrenceSet: DAVTimeRange? = nil, limitFreeBusySet: DAVTimeRange? = nil) {
        self.contentType = contentType
        self.version = version
        self.component = component
        self.expand = expand
        self.limitRecurrenceSet = limitRecurrenceSet
        self.limitFreeBusySet = limitFreeBusySet
    }

    /// Whether the whole stored object is returned unchanged.
    public var isPlain: Bool { component == nil && expand == nil && limitRecurrenceSet == nil && limitFreeBusySet == nil }

    /// Reads a `calendar-data` element.
    public init(element: XMLElement) throws(DAVXMLError) {
        self.init(contentType: element.attribute("content-type"), version: element.attribute("version"))
        for child in element.children where child.name.namespace == .calDAV {
            switch child.name.local {
            case "comp": component = try ComponentSelection(element: child)
            case "expand": expand = try DAVTimeRange(bounded: child)
            case "limit-recurrence-set": limitRecurrenceSet = try DAVTimeRange(bounded: child)
            case "limit-freebusy-set": limitFreeBusySet = try DAVTimeRange(bounded: child)
            default: break
            }
        }
    }

    /// The `calendar-data` request inside a report's `DAV:prop`, if the client asked for calendar-data.
    static func inSelection(of report: XMLElement) throws(DAVXMLError) -> CalendarDataRequest? {
        guard let prop = report.child(.prop), let data = prop.child(.calendarData) else { return nil }
        return try CalendarDataRequest(element: data)
    }
}
