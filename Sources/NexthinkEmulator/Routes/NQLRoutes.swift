import Hummingbird
import NIOCore

/// NQL API: execute (v1 and v2) of saved queries; export and status live in NQLExportRoutes.
struct NQLRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    enum Version { case v1, v2 }

    func register(on router: Router<EmulatorContext>) {
        for (path, version) in [("/api/v1/nql/execute", Version.v1), ("/api/v2/nql/execute", .v2)] {
            router.post(RouterPath(path)) { request, context in
                try await pipeline.serve(.nqlExecute, .nql, request, context) { request, body in
                    execute(request, body, version)
                }
            }
        }
    }

    private func execute(_ request: Request, _ body: ByteBuffer, _ version: Version) -> Response {
        guard let format = NQLFormat.negotiate(request.headers[.accept]) else {
            return Reply.nqlError(.notAcceptable, "the Accept header must be application/json, text/csv or empty",
                                  source: "Accept")
        }
        let parsed: NQLRequest
        switch NQLRequest.parse(body.readableBytesView) {
        case .failure(let problem): return Reply.nqlError(.badRequest, problem.message, source: problem.source)
        case .success(let r): parsed = r
        }
        let result: NQLResult
        switch NQLResult.run(parsed, state: state) {
        case .failure(let failure): return failure.response
        case .success(let r): result = r
        }
        switch (format, version) {
        case (.csv, _):
            return Reply.bytes(Array(NQLFormat.csv(headers: result.headers, rows: result.rows.all).utf8),
                               contentType: "text/csv")
        case (.json, .v1): return Reply.json(result.v1Body)
        case (.json, .v2): return Reply.json(result.v2Body)
        }
    }
}

/// The outcome of running a saved query at the current emulated time.
struct NQLResult {
    let query: SavedQuery
    let executedQuery: String
    /// The query's columns, plus enriched fields for device queries.
    let headers: [String]
    let rows: RowSource
    let time: Double

    struct Failure: Error {
        let response: Response
    }

    static func run(_ request: NQLRequest, state: EmulatorState) -> Result<NQLResult, Failure> {
        guard let query = SavedQuery.all[request.queryID] else {
            let known = SavedQuery.all.keys.sorted().joined(separator: ", ")
            return .failure(.init(response: Reply.nqlError(
                .notFound, "no saved query with id \(request.queryID.prefix(80)); saved queries: \(known)", source: "queryId")))
        }
        if let missing = query.parameters.first(where: { request.parameters[$0] == nil }) {
            return .failure(.init(response: Reply.nqlError(
                .badRequest, "\(query.id) needs parameter \(missing) (parameters: {\"\(missing)\": \"...\"})",
                source: "parameters")))
        }
        let now = state.clock.now()
        var (headers, rows) = (query.headers, query.source(request.parameters, state, now))
        if query.headers == SavedQuery.deviceHeaders {
            let (extended, values) = state.inventory.withDeviceFields(headers: headers, rows: rows.all, uidColumn: 1)
            (headers, rows) = (extended, RowSource(values))
        }
        return .success(NQLResult(query: query, executedQuery: query.executedQuery(request.parameters),
                                  headers: headers, rows: rows, time: now))
    }

    var v1Body: JSONValue {
        .object(["queryId": .string(query.id), "executedQuery": .string(executedQuery),
                 "rows": .number(Double(rows.count)), "executionDateTime": .object(NQLFormat.dateTime(time)),
                 "headers": .array(headers.map(JSONValue.string)), "data": .array(rows.all.map(JSONValue.array))])
    }

    var v2Body: JSONValue {
        let objects = rows.all.map { row in
            JSONValue.object(Dictionary(zip(headers, row), uniquingKeysWith: { a, _ in a }))
        }
        return .object(["queryId": .string(query.id), "executedQuery": .string(executedQuery),
                        "rows": .number(Double(rows.count)), "executionDateTime": .string(EmulatedClock.iso8601(time)),
                        "data": .array(objects)])
    }
}
