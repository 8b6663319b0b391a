#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension NexthinkClient {
    /// Starts an export (`POST /api/v1/nql/export`) and returns its id. Starting one twice
    /// changes nothing but the daily count, so it is retried like a read.
    public func startExport(_ request: ExportRequest) async throws -> String {
        struct Body: Encodable { var queryId: NQLQueryID; var parameters: [String: String]; var compression: String }
        let body = try WireJSON.encode(Body(queryId: request.queryID, parameters: request.parameters,
                                               compression: request.compression.rawValue))
        let context = ErrorContext(subject: "export of \(request.queryID)",
                                   notFoundHint: "no saved query has the id \(request.queryID); only saved queries can be exported")
        let response = try await call("POST", "/api/v1/nql/export", .read, context, body: body)
        struct Answer: Decodable { var exportId: String }
        return try decode(Answer.self, response, what: "export of \(request.queryID)").exportId
    }

    /// One status call. A 429 here is the daily export limit: it is reported at once (with
    /// the time the service names), not retried.
    public func exportStatus(id: String) async throws -> ExportStatus {
        let context = ErrorContext(subject: "export \(id)", notFoundHint: "no export has the id \(id); exports are kept for a limited time")
        let request = HTTPRequest(method: "GET", endpoint: endpoints.api,
                                  target: "/api/v1/nql/status/" + QueryEncoding.component(id),
                                  headers: [("Accept", "application/json")], body: nil)
        let response: HTTPResponse
        do {
            response = try await requester.withoutRetrying(429).perform(request, .read, tokens: tokens, describe: context)
        } catch var e as NexthinkError where e.status == 429 {
            e.message = "the daily limit of NQL exports is reached"
            e.hint = "try again after the time the service gives" + (e.retryAfter.map { " (in \(Int($0.components.seconds)) s)" } ?? "")
            throw e
        }
        var status = try decode(ExportStatus.self, response, what: "status of export \(id)")
        status.truncated = response.status == 206
        if let wait = response.header("Retry-After").flatMap({ RetryAfter.parse($0, now: requester.environment.now().timeIntervalSince1970) }) {
            status.retryAfter = wait
        }
        return status
    }

    /// Starts an export, waits for it (back-off from `pollInterval` to `maxPollInterval`,
    /// or what `Retry-After` asks) and downloads the results file to `path`, decompressed
    /// unless `path` keeps the compression's extension. `path` is replaced only by a
    /// complete file. `progress` sees every status answer (for a live line on a terminal).
    public func export(_ request: ExportRequest, to path: String, options: ExportOptions = .init(),
                       progress: (@Sendable (ExportStatus) -> Void)? = nil) async throws -> ExportResult {
        let id = try await startExport(request)
        let status = try await waitForExport(id: id, options: options, progress: progress)
        guard let url = status.resultsFileUrl else {
            throw NexthinkError(kind: .decoding, message: "export \(id) is complete but has no results file URL",
                                hint: "run the export again")
        }
        let download = ResultsDownload(transport: requester.transport, limits: options.download)
        let result = try await download.run(url: url, to: path, compression: request.compression)
        return ExportResult(file: result.file, rows: result.rows, bytes: result.bytes, truncated: status.truncated, exportId: id)
    }

    func waitForExport(id: String, options: ExportOptions,
                       progress: (@Sendable (ExportStatus) -> Void)? = nil) async throws -> ExportStatus {
        let deadline = requester.environment.now().addingTimeInterval(options.timeout.seconds)
        var wait = options.pollInterval
        while true {
            let status = try await exportStatus(id: id)
            progress?(status)
            switch status.state {
            case .completed:
                return status
            case .error:
                throw NexthinkError(kind: .server, message: "export \(id) failed: \(status.errorDescription ?? "no reason given")",
                                    hint: "check the query and its parameters, then export again")
            case .submitted, .inProgress, .other:
                let pause = status.retryAfter.map { max($0, wait) } ?? wait
                guard requester.environment.now().addingTimeInterval(pause.seconds) <= deadline else {
                    throw NexthinkError(kind: .timeout, message: "export \(id) did not complete within \(Int(options.timeout.seconds)) s",
                                        hint: "the export may still finish; raise the export timeout")
                }
                try await requester.environment.sleep(pause)
                wait = min(wait * 2, options.maxPollInterval)
            }
        }
    }
}

extension Requester {
    /// The same requester with `status` removed from the statuses it retries.
    func withoutRetrying(_ status: Int) -> Requester {
        var policy = self.policy
        policy.retryableStatuses.remove(status)
        return Requester(transport: transport, policy: policy, environment: environment, trace: trace, logger: logger)
    }
}
