#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns a failed exchange into a `NexthinkError` that says what was being done and what
/// to do next.
struct ErrorContext: Sendable {
    /// What the call was about, e.g. "remote action #ExampleRA".
    var subject: String
    var isTokenCall = false
    var notFoundHint: String?
    /// Where to look before repeating an acting call whose outcome is unknown.
    var outcomeHint: String = ErrorContext.outcomeUnknownHint
    /// Reads per-object errors out of an error body (the Enrichment API's 400), kept as problems.
    var objectErrors: (@Sendable ([UInt8]) -> [ValidationProblem])?

    static let outcomeUnknownHint = ErrorContext.outcomeHint(checking: "the executions (NQL remote_action.executions)")

    static func outcomeHint(checking what: String) -> String {
        "the service may have accepted it: check \(what) before running it again, or it may run twice"
    }

    func error(for response: HTTPResponse, retryAfter: Duration?, request: HTTPRequest,
               operation: OperationKind) -> NexthinkError {
        let body = ServiceErrorBody(response.body)
        var e = NexthinkError(
            kind: kind(response.status, code: body.code, operation: operation), status: response.status,
            code: body.code, message: body.message ?? "\(subject): \(Self.reason(response.status))",
            method: request.method, path: request.displayPath, retryAfter: retryAfter)
        e.hint = hint(e, retryAfter: retryAfter)
        if let objectErrors { e.problems = objectErrors(response.body) }
        return e
    }

    func error(for failure: TransportError, request: HTTPRequest, operation: OperationKind) -> NexthinkError {
        var e = NexthinkError(kind: .unreachable, message: failure.reason, method: request.method, path: request.displayPath)
        switch (failure, operation) {
        case (.notConnected, _):
            e.hint = "check the network, VPN or HTTPS_PROXY settings and the instance/region (or API URL)"
        case (.timedOut, .read):
            e.kind = .timeout
            e.hint = "the service is slow or unreachable; try again later"
        case (.connectionLost, .read):
            e.hint = "try again; if it persists, check the network or proxy"
        case (_, .acting):
            e.kind = .outcomeUnknown
            e.message = "\(subject): \(failure.reason); the request may or may not have been carried out"
            e.hint = outcomeHint
        }
        return e
    }

    private func kind(_ status: Int, code: String?, operation: OperationKind) -> NexthinkError.Kind {
        if isTokenCall, status == 400 || status == 401 { return .auth }
        switch status {
        case 401: return .auth
        case 403: return .forbidden
        case 404: return .notFound
        case 429: return .throttled
        // REMOTE_ACTION_NOT_FOUND, WORKFLOW_NOT_FOUND, CAMPAIGN_NOT_FOUND, EXECUTION_NOT_FOUND...
        case 400 where code?.hasSuffix("_NOT_FOUND") == true: return .notFound
        case 400..<500: return .invalidRequest
        case 500..<600 where operation == .acting: return .outcomeUnknown
        default: return .server
        }
    }

    private func hint(_ e: NexthinkError, retryAfter: Duration?) -> String? {
        switch e.kind {
        case .auth where isTokenCall:
            return "check the client ID and secret of this profile, and that the API credentials still exist in Nexthink"
        case .auth:
            return "the access token was refused even after renewal; check the API credentials' permissions"
        case .forbidden:
            switch e.code {
            case "REMOTE_ACTION_NOT_API_ENABLED"?: return "enable API targeting for this remote action in Nexthink"
            case "WORKFLOW_NOT_API_ENABLED"?: return "enable the API trigger for this workflow in Nexthink"
            default: return "the API credentials lack the permission for this operation"
            }
        case .notFound:
            return notFoundHint
        case .throttled:
            let wait = retryAfter.map { " (the service asked for \(Int($0.seconds.rounded(.up))) s)" } ?? ""
            return "too many requests; wait before retrying\(wait)"
        case .outcomeUnknown:
            return outcomeHint
        case .server:
            return "the service failed; try again later"
        default:
            return nil
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "bad request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not found"
        case 406: "not acceptable"
        case 429: "too many requests"
        case 500: "internal server error"
        case 502: "bad gateway"
        case 503: "service unavailable"
        case 504: "gateway timeout"
        default: "HTTP \(status)"
        }
    }
}

/// The error body shapes: remote actions and campaigns `{code: String, message}`, workflows
/// `{code: String, details}`, NQL `{message, code: Int, source}` and OAuth `{error, error_description}`. Bodies that are not
/// JSON are ignored rather than echoed (they could be anything, e.g. a proxy's page).
struct ServiceErrorBody {
    var code: String?
    var message: String?

    init(_ bytes: [UInt8]) {
        guard let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(bytes)) else { return }
        switch object["code"] ?? object["error"] {
        case .string(let s)?: code = s
        case .int(let i)?: code = String(i)
        default: break
        }
        message = (object["message"] ?? object["details"] ?? object["error_description"])?.stringValue
        if let source = object["source"]?.stringValue, !source.isEmpty, let m = message {
            message = "\(m) (source: \(source))"
        }
    }
}
