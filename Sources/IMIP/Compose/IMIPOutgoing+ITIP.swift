import ICalendar
import ITIP

extension IMIPOutgoing {
    /// The mail for one message the iTIP engine planned (RFC 6047 §2).
    ///
    /// Names come from the calendar: the originator's CN and the recipient's
    /// CN and LANGUAGE on their ORGANIZER/ATTENDEE lines. A first invitation of
    /// this recipient reads "Invitation" even when the event is not new to others.
    public init(message: ITIPMessage, previous: ICalComponent? = nil, recipientTimeZone: String? = nil) {
        let originator = IMIPOutgoing.mailbox(message.sender, in: message.calendar)
        let recipient = IMIPOutgoing.mailbox(message.recipient, in: message.calendar)
        self.init(
            method: message.method, calendar: message.calendar, originator: originator.address,
            recipient: recipient.address, recipientLanguage: recipient.language, recipientTimeZone: recipientTimeZone,
            previous: previous)
        switch message.change {
        case .new: isUpdate = false
        case .reschedule, .update, .refresh: isUpdate = true
        case .cancel, .reply: isUpdate = nil
        }
    }

    /// The mailbox and LANGUAGE of a calendar user as the calendar names them (ORGANIZER or ATTENDEE, RFC 5545 §3.8.4).
    public static func mailbox(_ address: String, in calendar: ICalComponent) -> (address: MailAddress, language: String?) {
        for component in calendar.components where component.name != "VTIMEZONE" {
            for property in component.properties where property.name == "ORGANIZER" || property.name == "ATTENDEE" {
                if MailAddress.sameAddress(property.rawValue, address) {
                    return (MailAddress(address, name: property[parameter: "CN"]), property[parameter: "LANGUAGE"])
                }
            }
        }
        return (MailAddress(address), nil)
    }
}
