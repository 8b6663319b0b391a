/// Whether repeating a call can change anything on the service.
public enum OperationKind: Sendable, Hashable {
    /// GETs, the token call, NQL execute: repeating them is harmless.
    case read
    /// Remote action execute: repeating it runs the script again (there is no idempotency key).
    case acting
}

/// What went wrong with one attempt, as far as retrying is concerned.
public enum AttemptFailure: Sendable, Hashable {
    case status(Int, retryAfter: Duration?)
    /// The connection was never made (refused, connect timeout, DNS): the server saw nothing.
    case notConnected
    /// The request may have reached the server but no full response came back
    /// (read timeout, reset, dropped connection).
    case noResponse
}

public enum RetryDecision: Sendable, Hashable {
    case retry(after: Duration)
    case giveUp
}

/// When and how long to wait before trying again. Pure: the caller supplies the attempt
/// number, elapsed time and a random number, so every rule is unit-testable.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in total, the first included.
    public var maxAttempts: Int
    public var baseDelay: Duration
    /// Cap of one backoff wait (before jitter).
    public var maxDelay: Duration
    /// Budget for the whole call, waits included; no retry starts past it.
    public var maxTotal: Duration
    /// A server asking for a longer pause than this is not waited for: the call fails as
    /// throttled and the error carries the requested delay.
    public var maxRetryAfter: Duration
    public var retryableStatuses: Set<Int>

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
        maxTotal: Duration = .seconds(60), maxRetryAfter: Duration = .seconds(60),
        retryableStatuses: Set<Int> = [429, 502, 503, 504]
    ) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotal = maxTotal
        self.maxRetryAfter = maxRetryAfter
        self.retryableStatuses = retryableStatuses
    }

    public static let standard = RetryPolicy()
    public static let never = RetryPolicy(maxAttempts: 1)

    /// Full jitter: uniform in [0, min(maxDelay, baseDelay * 2^(attempt-1))).
    /// `attempt` is the number of the attempt that just failed (1-based); `unit` in [0, 1).
    public func backoff(afterAttempt attempt: Int, unit: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * (1 << exponent))
        return ceiling * min(max(unit, 0), 1)
    }

    public func decide(
        _ failure: AttemptFailure, operation: OperationKind, attempt: Int, elapsed: Duration, unit: Double
    ) -> RetryDecision {
        guard attempt < maxAttempts, isRetryable(failure, operation) else { return .giveUp }
        var wait = backoff(afterAttempt: attempt, unit: unit)
        if case .status(_, let retryAfter?) = failure {
            guard retryAfter <= maxRetryAfter else { return .giveUp }
            wait = retryAfter
        }
        return elapsed + wait <= maxTotal ? .retry(after: wait) : .giveUp
    }

    private func isRetryable(_ failure: AttemptFailure, _ operation: OperationKind) -> Bool {
        switch (failure, operation) {
        case (.notConnected, _): true
        case (.noResponse, .read): true
        case (.noResponse, .acting): false
        // 429 is the only status that proves an acting call was not acted on (401 is
        // handled by re-authenticating, not here).
        case (.status(let code, _), .acting): code == 429 && retryableStatuses.contains(429)
        case (.status(let code, _), .read): retryableStatuses.contains(code)
        }
    }
}
