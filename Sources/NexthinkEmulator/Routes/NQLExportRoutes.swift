import Hummingbird
import NIOCore

/// NQL export (GET and POST), export status, and the results file that status points to.
struct NQLExportRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.get("/api/v1/nql/export") { request, context in
            try await pipeline.serve(.nqlExport, .nql, request, context) { request, _ in
                start(Self.fromQuery(QueryString(request.uri.query)))
            }
        }
        router.post("/api/v1/nql/export") { request, context in
            try await pipeline.serve(.nqlExport, .nql, request, context) { _, body in
                start(NQLRequest.parse(body.readableBytesView))
            }
        }
        router.get("/api/v1/nql/status/:exportId") { request, context in
            try await pipeline.serve(.nqlStatus, .nql, request, context) { _, _ in
                status(context.parameters.get("exportId") ?? "", host: request.head.authority)
            }
        }
        // Stands in for the pre-signed S3 URL of the real service: no bearer token needed.
        router.get("/emulator/exports/:file") { request, context in
            try await pipeline.serve(.nqlExportFile, .nql, request, context, authenticated: false) { request, _ in
                // Like S3 with a pre-signed URL: a second credential is refused.
                if request.headers[.authorization] != nil {
                    return Reply.bytes(Array("InvalidArgument: only one auth mechanism allowed".utf8), status: .badRequest,
                                       contentType: "text/plain")
                }
                let name = context.parameters.get("file") ?? ""
                guard let export = state.exports.export(fileName: name), export.status(at: state.clock.now()) == .completed else {
                    return Response(status: .notFound)
                }
                return Response(status: .ok, headers: [.contentType: export.file.contentType], body: ResponseBody { writer in
                    try await export.file.write(to: &writer)
                    try await writer.finish(nil)
                })
            }
        }
    }

    /// `parameters` may come as a JSON object (the spec's example) or exploded, one query
    /// parameter per NQL parameter (OpenAPI's default style for an object in a query).
    static func fromQuery(_ query: QueryString) -> Result<NQLRequest, NQLRequest.Problem> {
        guard let id = query["queryId"] else {
            return .failure(.init(message: "query parameter queryId is required, e.g. ?queryId=%23devices", source: "queryId"))
        }
        // An empty compression is the same as none given.
        let compression = query["compression"].flatMap { $0.isEmpty ? nil : $0 }
        var request = NQLRequest(queryID: id, parameters: [:], compression: compression)
        for (key, value) in query where !["queryId", "compression", "parameters"].contains(key) && request.parameters[key] == nil {
            request.parameters[key] = value
        }
        if let raw = query["parameters"] {
            guard case .object(let entries)? = try? JSONValue.parse(Array(raw.utf8)) else {
                return .failure(.init(message: #"parameters must be a JSON object such as {"os":"windows"}"#, source: "parameters"))
            }
            for (name, value) in entries {
                guard let s = value.stringValue else {
                    return .failure(.init(message: "parameters.\(name) must be a string, not \(value.typeName)", source: "parameters"))
                }
                request.parameters[name] = s
            }
        }
        return request.validated(checkPattern: false)
    }

    private func start(_ parsed: Result<NQLRequest, NQLRequest.Problem>) -> Response {
        let request: NQLRequest
        switch parsed {
        case .failure(let problem): return Reply.nqlError(.badRequest, problem.message, source: problem.source)
        case .success(let r): request = r
        }
        let result: NQLResult
        switch NQLResult.run(request, state: state) {
        case .failure(let failure): return failure.response
        case .success(let r): result = r
        }
        let limits = state.options.dataLimits
        let truncated = result.rows.count > limits.exportRows
        let compression = request.compression ?? "NONE"
        guard Compressor(compression) != nil else {
            return Reply.nqlError(.internalServerError, "the results could not be compressed with \(compression)", source: "compression")
        }
        let file = ExportFile(headers: result.headers, rows: result.rows.prefix(limits.exportRows), compression: compression)
        let export = state.exports.add(createdAt: result.time, file: file, truncated: truncated, dailyLimit: limits.exportsPerDay)
        return Reply.json(["exportId": export.id])
    }

    private func status(_ id: String, host: String?) -> Response {
        guard let export = state.exports.export(id) else {
            return Reply.nqlError(.notFound, "no export with id \(id)", source: "exportId")
        }
        let now = state.clock.now()
        if export.overDailyLimit {
            // The spec's Retry-After is "the date and time": the next UTC midnight.
            let midnight = ((export.createdAt / 86_400).rounded(.down) + 1) * 86_400
            return Response(status: .tooManyRequests, headers: [.retryAfter: HTTPDate.format(max(midnight, now))])
        }
        let status = export.status(at: now)
        var body: [String: JSONValue] = ["status": .string(status.rawValue)]
        if status == .completed {
            let base = host.map { "http://\($0)" } ?? "http://\(state.options.host):\(state.options.port)"
            body["resultsFileUrl"] = .string("\(base)/emulator/exports/\(export.fileName)")
        }
        return Reply.json(JSONValue.object(body), status: status == .completed && export.truncated ? .partialContent : .ok)
    }
}
