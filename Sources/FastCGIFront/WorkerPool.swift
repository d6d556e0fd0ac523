import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Starts worker threads with a large stack (engine code recurses through XML and iCalendar trees).
final class WorkerPool: Sendable {
    let server: FastCGIServer
    let socket: Int32
    let group: DispatchGroup

    init(server: FastCGIServer, socket: Int32, group: DispatchGroup) {
        self.server = server
        self.socket = socket
        self.group = group
    }

    /// What one thread needs; handed over through pthread's void pointer.
    private final class Start: Sendable {
        let pool: WorkerPool
        let index: Int
        init(pool: WorkerPool, index: Int) {
            self.pool = pool
            self.index = index
        }
    }

    func spawn(index: Int) throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Start(pool: self, index: index)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                let start = Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue()
                start.pool.server.workerLoop(index: start.index, socket: start.pool.socket)
                start.pool.group.leave()
                return nil
            }, context)
        if status != 0 {
            Unmanaged<Start>.fromOpaque(context).release()
            group.leave()
            throw FastCGIServer.StartError(description: "pthread_create failed (\(status))")
        }
    }
}
