import CFastCGI
import CalDAV
import Dispatch
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// The FastCGI responder: N libfcgi worker threads, each with its own `RequestHandler`
/// (and so its own database connection), stopped cleanly by SIGTERM/SIGINT.
public struct FastCGIServer: Sendable {
    /// Listening and limits.
    public let configuration: FastCGIConfiguration
    /// Makes the handler of one worker; called inside that worker's thread.
    public let makeHandler: @Sendable () -> any RequestHandler
    /// Runs first in each worker thread (e.g. `mysql_thread_init`).
    public let workerStart: @Sendable () -> Void
    /// Runs last in each worker thread (e.g. `mysql_thread_end`).
    public let workerExit: @Sendable () -> Void
    /// Where the server logs.
    public let logger: Logger

    /// Creates a server; nothing happens until `run()`.
    public init(
        configuration: FastCGIConfiguration, logger: Logger, workerStart: @escaping @Sendable () -> Void = {},
        workerExit: @escaping @Sendable () -> Void = {}, makeHandler: @escaping @Sendable () -> any RequestHandler
    ) {
        self.configuration = configuration
        self.logger = logger
        self.workerStart = workerStart
        self.workerExit = workerExit
        self.makeHandler = makeHandler
    }

    /// The signals that stop the server.
    private static var terminationSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }

    /// Blocks SIGTERM/SIGINT in the calling thread and every thread it creates later, so
    /// only `run()`'s `sigwait` sees them. Call before any thread is started.
    public static func blockTerminationSignals() {
        var set = terminationSignals
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    /// Errors starting the server.
    public struct StartError: Error, CustomStringConvertible {
        /// What failed.
        public var description: String
    }

    /// Opens the socket, starts the workers, waits for SIGTERM/SIGINT, drains and returns.
    public func run() throws {
        Self.blockTerminationSignals()
        guard FCGX_Init() == 0 else { throw StartError(description: "FCGX_Init failed") }
        let socket = try openSocket()
        logger.info(
            "listening",
            metadata: ["listen": "\(configuration.listen)", "workers": "\(configuration.workers)"])
        let group = DispatchGroup()
        let pool = WorkerPool(server: self, socket: socket, group: group)
        for index in 0..<configuration.workers {
            group.enter()
            try pool.spawn(index: index)
        }
        var set = Self.terminationSignals
        var received: Int32 = 0
        sigwait(&set, &received)
        logger.info("stopping", metadata: ["signal": "\(received)"])
        // Wakes every worker blocked in accept(); requests in progress finish normally.
        shutdown(socket, Int32(SHUT_RDWR))
        if group.wait(timeout: .now() + configuration.drainTimeout) == .timedOut {
            logger.warning("drain timeout; exiting with requests in progress")
        }
        close(socket)
        if case .unix(let path) = configuration.listen { unlink(path) }
        logger.info("stopped")
    }

    private func openSocket() throws -> Int32 {
        switch configuration.listen {
        case .inherited:
            return 0
        case .tcp(let host, let port):
            let fd = FCGX_OpenSocket("\(host):\(port)", configuration.backlog)
            guard fd >= 0 else { throw StartError(description: "cannot listen on \(host):\(port)") }
            return fd
        case .unix(let path):
            var info = stat()
            if lstat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                    throw StartError(description: "\(path) exists and is not a socket")
                }
                unlink(path)
            }
            let fd = FCGX_OpenSocket(path, configuration.backlog)
            guard fd >= 0 else { throw StartError(description: "cannot listen on unix socket \(path)") }
            chmod(path, mode_t(configuration.socketMode))
            return fd
        }
    }

    /// One worker's life: its own handler, then accept/answer until the socket is shut down.
    func workerLoop(index: Int, socket: Int32) {
        workerStart()
        defer { workerExit() }
        let handler = makeHandler()
        var request = FCGX_Request()
        guard FCGX_InitRequest(&request, socket, 0) == 0 else {
            logger.error("FCGX_InitRequest failed", metadata: ["worker": "\(index)"])
            return
        }
        var served = 0
        while FCGX_Accept_r(&request) >= 0 {
            served += 1
            answer(&request, handler: handler, worker: index, served: served)
            FCGX_Finish_r(&request)
        }
        FCGX_Free(&request, 0)
        logger.debug("worker exits", metadata: ["worker": "\(index)", "served": "\(served)"])
    }

    private func answer(_ request: inout FCGX_Request, handler: any RequestHandler, worker: Int, served: Int) {
        var started = timespec()
        clock_gettime(CLOCK_MONOTONIC, &started)
        let parameters = Self.parameters(of: request)
        let input = request.in
        let built = CGIRequestBuilder.build(parameters: parameters, maxBodySize: configuration.maxBodySize) { limit in
            Self.read(input, upTo: limit)
        }
        let method = parameters["REQUEST_METHOD"] ?? "GET"
        let response: DAVResponse
        switch built {
        case .success(let davRequest): response = handler.handle(davRequest)
        case .failure(let failure): response = failure.response
        }
        let bytes = CGIResponseEncoder.encode(response, forHead: method == "HEAD")
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = FCGX_PutStr($0.baseAddress, Int32($0.count), request.out) }
        }
        var finished = timespec()
        clock_gettime(CLOCK_MONOTONIC, &finished)
        let millis = Double(finished.tv_sec - started.tv_sec) * 1000 + Double(finished.tv_nsec - started.tv_nsec) / 1e6
        logger.debug(
            "\(method) \(parameters["REQUEST_URI"] ?? "") \(response.status)",
            metadata: ["request": "\(worker)-\(served)", "ms": "\(Int(millis))"])
    }

    private static func parameters(of request: FCGX_Request) -> [String: String] {
        var result: [String: String] = [:]
        result.reserveCapacity(40)
        guard var cursor = request.envp else { return result }
        while let entry = cursor.pointee {
            // NAME=VALUE as C strings; split on the bytes, no intermediate String.
            let length = strlen(entry)
            entry.withMemoryRebound(to: UInt8.self, capacity: length) { start in
                let all = UnsafeBufferPointer(start: start, count: length)
                if let equals = all.firstIndex(of: UInt8(ascii: "=")) {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: all[..<equals]), as: UTF8.self)
                    result[name] = String(decoding: UnsafeBufferPointer(rebasing: all[(equals + 1)...]), as: UTF8.self)
                }
            }
            cursor += 1
        }
        return result
    }

    private static func read(_ stream: UnsafeMutablePointer<FCGX_Stream>?, upTo limit: Int) -> [UInt8] {
        var body: [UInt8] = []
        // Most requests carry no or a small body: start small, and never zero-fill a buffer.
        var chunk = min(limit, 4096)
        while body.count < limit {
            let want = min(chunk, limit - body.count)
            let got = withUnsafeTemporaryAllocation(of: CChar.self, capacity: want) { buffer -> Int32 in
                let got = FCGX_GetStr(buffer.baseAddress, Int32(want), stream)
                if got > 0 {
                    buffer.withMemoryRebound(to: UInt8.self) { body.append(contentsOf: $0.prefix(Int(got))) }
                }
                return got
            }
            if got <= 0 { break }
            chunk = 65536
        }
        return body
    }
}
