import Logging

/// Runs one logical call: attaches the bearer token, re-authenticates once on 401, and
/// retries as the policy allows for the operation kind. Returns only 2xx responses.
struct Requester: Sendable {
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let environment: ClientEnvironment
    let trace: (@Sendable (HTTPTraceEvent) -> Void)?
    let logger: Logger

    func perform(_ request: HTTPRequest, _ operation: OperationKind, tokens: TokenManager?,
                 describe: ErrorContext) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        var sent = 0
        var policyAttempt = 0
        var reauthenticated = false
        while true {
            sent += 1
            policyAttempt += 1
            var attemptRequest = request
            var bearer: Secret?
            if let tokens {
                let token = try await tokens.valid()
                bearer = token.accessToken
                attemptRequest.headers.append(("Authorization", "Bearer \(token.accessToken.reveal())"))
            }
            let result = await send(attemptRequest, attempt: sent)
            let failure: AttemptFailure
            let error: NexthinkError
            switch result {
            case .success(let response) where (200..<300).contains(response.status):
                return response
            case .success(let response):
                if response.status == 401, let bearer, !reauthenticated {
                    // The token was rejected before the call was acted on: safe for any
                    // operation to retry once with a fresh token.
                    reauthenticated = true
                    policyAttempt -= 1
                    await tokens?.invalidate(bearer)
                    logger.debug("401 on \(request.method) \(request.displayPath); fetching a new token")
                    continue
                }
                let retryAfter = response.header("Retry-After").flatMap {
                    RetryAfter.parse($0, now: environment.now().timeIntervalSince1970)
                }
                failure = .status(response.status, retryAfter: retryAfter)
                error = describe.error(for: response, retryAfter: retryAfter, request: request, operation: operation)
            case .failure(let transportError):
                failure = transportError.attemptFailure
                error = describe.error(for: transportError, request: request, operation: operation)
            }
            let elapsed = ContinuousClock.now - start
            switch policy.decide(failure, operation: operation, attempt: policyAttempt, elapsed: elapsed, unit: environment.random()) {
            case .retry(let wait):
                logger.debug("retrying \(request.method) \(request.displayPath) in \(wait): \(error.message)")
                try await environment.sleep(wait)
            case .giveUp:
                throw error
            }
        }
    }

    private func send(_ request: HTTPRequest, attempt: Int) async -> Result<HTTPResponse, TransportError> {
        let start = ContinuousClock.now
        let result = await transport.send(request)
        if let trace {
            var event = HTTPTraceEvent(
                method: request.method, url: request.url, status: nil, duration: ContinuousClock.now - start,
                attempt: attempt, requestHeaders: Redaction.headers(request.headers), responseHeaders: [], failure: nil)
            switch result {
            case .success(let r):
                event.status = r.status
                event.responseHeaders = Redaction.headers(r.headers)
            case .failure(let e):
                event.failure = e.reason
            }
            trace(event)
        }
        return result
    }
}
