import Hummingbird
import NIOCore

/// What every route does before its own logic: count the call, read the body, apply an
/// injected fault, then check the bearer token.
struct Pipeline: Sendable {
    let state: EmulatorState

    /// Error body shapes: `{code, message}` (remote actions, campaigns), `{code, details}`
    /// (workflows), NQL and OAuth. Campaigns document a body on 401 too; the others none.
    enum Dialect { case remoteActions, workflows, campaigns, nql, oauth }

    /// Thrown after the connection was closed on purpose, so no answer is attempted.
    struct Dropped: Error {}

    func serve(
        _ route: EmulatorRoute, _ dialect: Dialect, _ request: Request, _ context: EmulatorContext,
        authenticated: Bool = true,
        handler: @Sendable (Request, ByteBuffer) async throws -> Response
    ) async throws -> Response {
        state.stats.recordRequest(route)
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let fault = state.faults.next(for: route)
        switch fault {
        case .status(let code, let retryAfter):
            return faultResponse(code, retryAfter: retryAfter, dialect: dialect)
        case .delay(let duration):
            try await Task.sleep(for: duration)
        case .dropBeforeActing:
            try await drop(context)
        case .dropConnection, nil:
            break
        }
        let response: Response
        if authenticated, !isAuthorized(request) {
            response = dialect == .campaigns
                ? Reply.unauthorized(body: ["code": "UNAUTHORIZED", "message": "missing, invalid or expired access token"])
                : Reply.unauthorized()
        } else {
            response = try await handler(request, body)
        }
        if fault == .dropConnection { try await drop(context) }
        return response
    }

    private func isAuthorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization] else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return state.tokens.isValid(parts[1].trimmingPrefix(while: \.isWhitespace))
    }

    private func drop(_ context: EmulatorContext) async throws -> Never {
        try? await context.channel.close()
        throw Dropped()
    }

    private func faultResponse(_ code: Int, retryAfter: String?, dialect: Dialect) -> Response {
        let status = HTTPResponse.Status(code: code)
        var response: Response
        let message = "Injected fault: \(code) \(status.reasonPhrase)"
        switch dialect {
        case .remoteActions, .campaigns: response = Reply.actionError(status, "INJECTED_FAULT", message)
        case .workflows: response = Reply.workflowError(status, "INJECTED_FAULT", message)
        case .nql: response = Reply.nqlError(status, message, source: "emulator")
        case .oauth: response = Reply.oauthError(status, "temporarily_unavailable", message)
        }
        if let retryAfter { response.headers[.retryAfter] = retryAfter }
        return response
    }
}
