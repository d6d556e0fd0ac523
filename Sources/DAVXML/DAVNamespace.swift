/// WebDAV namespaces and property names (RFC 4918, RFC 4791).
public enum DAVNamespace {}
