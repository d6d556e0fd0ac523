import ICalendar
/// Placeholder until iMIP lands.
public enum IMIPModule {}
