import ICalendar
import Storage

/// The `calendarobjects` index columns of a validated object, as sabre computes them (ICalendar's `ObjectIndexer`).
enum IndexFields {
    /// uid, component type and first/last occurrence (VEVENT only).
    static func compute(_ object: ValidatedObject) -> Storage.ObjectIndex {
        let index = ObjectIndexer.index(of: object.calendar)
        return Storage.ObjectIndex(
            uid: index.uid ?? object.uid, componentType: index.componentType ?? object.componentType,
            firstOccurrence: index.firstOccurrence, lastOccurrence: index.lastOccurrence)
    }
}
