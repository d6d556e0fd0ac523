import CalDAV
/// Placeholder until the FastCGI front lands.
public enum FastCGIFrontModule {}
