/// Namespace of the iTIP engine (RFC 5546, RFC 6638).
public enum ITIPEngine {}
