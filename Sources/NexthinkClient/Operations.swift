#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Server-side filters of the remote action list; nil means "don't filter".
public struct RemoteActionFilter: Sendable, Hashable {
    public var hasScriptWindows: Bool?
    public var hasScriptMacOs: Bool?

    public init(hasScriptWindows: Bool? = nil, hasScriptMacOs: Bool? = nil) {
        self.hasScriptWindows = hasScriptWindows
        self.hasScriptMacOs = hasScriptMacOs
    }
}

extension NexthinkClient {
    /// Every remote action (the service does not page), optionally filtered by platform.
    public func listRemoteActions(filter: RemoteActionFilter = .init()) async throws -> [RemoteAction] {
        var query: [(String, String)] = []
        if let w = filter.hasScriptWindows { query.append(("hasScriptWindows", String(w))) }
        if let m = filter.hasScriptMacOs { query.append(("hasScriptMacOs", String(m))) }
        let response = try await call("GET", "/api/v1/act/remote-action" + QueryEncoding.query(query),
                                      .read, ErrorContext(subject: "remote action list"))
        return try decode([RemoteAction].self, response, what: "remote action list")
    }

    /// Details of one remote action by NQL id (`#name`).
    public func remoteAction(id: NQLID) async throws -> RemoteAction {
        let context = ErrorContext(subject: "remote action \(id)",
                                   notFoundHint: "no remote action has the id \(id); list them to see the valid ids")
        let response = try await call("GET", "/api/v1/act/remote-action/details" + QueryEncoding.query([("nql-id", id.text)]),
                                      .read, context)
        return try decode(RemoteAction.self, response, what: "remote action \(id)")
    }

    /// Triggers a remote action. Validated first (against `action`'s inputs when given);
    /// nothing is sent if any rule is broken. Never repeated unless the service provably did
    /// not act on it (429, 401 before re-auth, connection refused).
    public func execute(_ request: ExecutionRequest, against action: RemoteAction? = nil) async throws -> ExecutionResponse {
        let problems = request.problems(against: action)
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        let body = try WireJSON.encode(request)
        let context = ErrorContext(subject: "execution of \(request.remoteActionId)",
                                   notFoundHint: "no remote action has the id \(request.remoteActionId)")
        let response = try await call("POST", "/api/v1/act/execute", .acting, context, body: body)
        return try decodeAccepted(ExecutionResponse.self, response, path: "/api/v1/act/execute",
                                  what: "the execution of \(request.remoteActionId)", check: "the executions")
    }

    /// The answer to an acting call the service accepted: if it cannot be read, the call still
    /// happened, so the error says to check before repeating it.
    func decodeAccepted<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, path: String, what: String,
                                      check: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw NexthinkError(kind: .decoding, status: response.status,
                                message: "the service accepted \(what) but its answer has no request id",
                                method: "POST", path: path, hint: "check \(check) before running it again")
        }
    }

    /// Runs a saved NQL query (v2 execute), e.g. `#remote_action_executions_by_request`.
    public func executeNQL(queryID: NQLQueryID, parameters: [String: String] = [:]) async throws -> NQLResult {
        struct Body: Encodable { var queryId: NQLQueryID; var parameters: [String: String] }
        let body = try WireJSON.encode(Body(queryId: queryID, parameters: parameters))
        let context = ErrorContext(subject: "NQL query \(queryID)",
                                   notFoundHint: "no saved query has the id \(queryID); only saved queries can run through the API")
        let response = try await call("POST", "/api/v2/nql/execute", .read, context, body: body)
        var result = try decode(NQLResult.self, response, what: "NQL result of \(queryID)")
        let ordered = JSONKeyOrder.dataRowKeys(response.body)
        if !ordered.isEmpty, Set(ordered) == Set(result.headers) { result.headers = ordered }
        return result
    }

    /// `source` is the optional `Source` header (the Workflows API records who triggered a call).
    func call(_ method: String, _ target: String, _ operation: OperationKind, _ context: ErrorContext,
              body: [UInt8]? = nil, source: String? = nil) async throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if let source { headers.append(("Source", source)) }
        let request = HTTPRequest(method: method, endpoint: endpoints.api, target: target, headers: headers, body: body)
        return try await requester.perform(request, operation, tokens: tokens, describe: context)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResponse, what: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw NexthinkError(kind: .decoding, status: response.status,
                                message: "could not read the \(what): \(DecodingProblem.describe(error))",
                                hint: "the API URL may not point at a Nexthink API, or the service changed its format")
        }
    }
}

extension NexthinkError {
    static func validation(_ problems: [ValidationProblem]) -> NexthinkError {
        NexthinkError(kind: .validation, message: ValidationError(problems: problems).summary, problems: problems)
    }
}

enum DecodingProblem {
    /// A short, path-qualified reason instead of DecodingError's long dump.
    static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return "not valid JSON" }
        switch e {
        case .keyNotFound(let key, let ctx): return "missing field '\(path(ctx.codingPath + [key]))'"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "unexpected value at '\(path(ctx.codingPath))'"
        case .dataCorrupted(let ctx): return ctx.codingPath.isEmpty ? "not valid JSON" : "bad value at '\(path(ctx.codingPath))'"
        @unknown default: return "unreadable"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let joined = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
        return joined.hasPrefix(".") ? String(joined.dropFirst()) : joined
    }
}
