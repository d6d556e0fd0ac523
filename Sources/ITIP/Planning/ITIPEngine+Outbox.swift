import ICalendar

extension ITIPEngine {
    /// Checks an iTIP message POSTed to `sender`'s schedule outbox (RFC 6638 §5, RFC 5546 §3)
    /// and returns its method: the organizer methods need `sender` as ORGANIZER, the
    /// attendee methods need `sender` as the one ATTENDEE.
    public static func validateOutboxMessage(_ calendar: ICalComponent, sender: CalendarUser) throws(ITIPError) -> ITIPMethod {
        guard let method = method(of: calendar) else { throw .invalidSchedulingData("METHOD is missing or unknown") }
        if calendar.components(named: "VFREEBUSY").count == 1 {
            try FreeBusyRequest(calendar).validateOrganizer(sender)
            return method
        }
        let object = try SchedulingObject(calendar)
        if object.organizers.count != 1 { throw .organizerDiffersBetweenComponents }
        guard let organizer = object.organizerProperty else { throw .invalidSchedulingData("ORGANIZER is missing") }
        if method.isSentByOrganizer {
            guard sender.owns(organizer.rawValue) else { throw .invalidOrganizer }
        } else {
            guard let attendee = replyingAttendee(in: object), sender.addresses.contains(attendee) else {
                throw .invalidSchedulingData("the originator must be the one ATTENDEE")
            }
        }
        return method
    }
}
