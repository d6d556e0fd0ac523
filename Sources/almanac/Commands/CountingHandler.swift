import CalDAV
import Logging
import MariaDBStore

/// Wraps the engine to log how many SQL statements each request ran (debug level),
/// the number the benchmark watches.
struct CountingHandler: RequestHandler {
    let engine: any RequestHandler
    let store: MariaDBStore
    let logger: Logger

    func handle(_ request: DAVRequest) -> DAVResponse {
        let before = store.statementCount
        let response = engine.handle(request)
        logger.debug(
            "sql statements",
            metadata: [
                "method": "\(request.method)", "uri": "\(request.uri)", "status": "\(response.status)",
                "statements": "\(store.statementCount - before)",
            ])
        return response
    }
}
