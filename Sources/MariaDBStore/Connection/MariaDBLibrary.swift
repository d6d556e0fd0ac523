import CMariaDB

/// Process- and thread-level set-up Connector/C requires before any connection is made.
public enum MariaDBLibrary {
    /// Initialises the client library; call once in the main thread before starting workers.
    /// (`mysql_library_init` is a macro Swift cannot see; this is the function behind it.)
    public static func initialize() {
        _ = mysql_server_init(0, nil, nil)
    }

    /// Prepares the calling thread for Connector/C; call first thing in every worker thread.
    public static func threadStart() {
        _ = mysql_thread_init()
    }

    /// Releases the calling thread's Connector/C state; call last thing in every worker thread.
    public static func threadEnd() {
        mysql_thread_end()
    }
}
