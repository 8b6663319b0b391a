@testable import NexthinkClient
import Testing

@Suite("Retry policy and Retry-After (pure)")
struct RetryPolicyTests {
    let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .seconds(1),
                             maxTotal: .seconds(10), maxRetryAfter: .seconds(30))

    @Test func backoffIsFullJitterWithinExponentialBounds() {
        for attempt in 1...10 {
            let ceiling = min(Duration.seconds(1), .milliseconds(100) * (1 << (attempt - 1)))
            #expect(policy.backoff(afterAttempt: attempt, unit: 0) == .zero)
            #expect(policy.backoff(afterAttempt: attempt, unit: 0.999_999) < ceiling)
            #expect(policy.backoff(afterAttempt: attempt, unit: 0.5) == ceiling / 2)
        }
        // Huge attempt numbers neither overflow nor exceed the cap.
        #expect(policy.backoff(afterAttempt: 10_000, unit: 1) == .seconds(1))
    }

    @Test func readsRetryTransientFailures() {
        for failure in [AttemptFailure.notConnected, .noResponse, .status(429, retryAfter: nil),
                        .status(502, retryAfter: nil), .status(503, retryAfter: nil), .status(504, retryAfter: nil)] {
            #expect(policy.decide(failure, operation: .read, attempt: 1, elapsed: .zero, unit: 0.5) != .giveUp)
        }
        for status in [400, 401, 403, 404, 500, 501] {
            #expect(policy.decide(.status(status, retryAfter: nil), operation: .read, attempt: 1, elapsed: .zero, unit: 0.5) == .giveUp)
        }
    }

    @Test func actingCallsRetryOnlyWhenTheServerProvablyDidNotAct() {
        #expect(policy.decide(.notConnected, operation: .acting, attempt: 1, elapsed: .zero, unit: 0.5) != .giveUp)
        #expect(policy.decide(.status(429, retryAfter: nil), operation: .acting, attempt: 1, elapsed: .zero, unit: 0.5) != .giveUp)
        #expect(policy.decide(.noResponse, operation: .acting, attempt: 1, elapsed: .zero, unit: 0.5) == .giveUp)
        for status in [500, 502, 503, 504] {
            #expect(policy.decide(.status(status, retryAfter: nil), operation: .acting, attempt: 1, elapsed: .zero, unit: 0.5) == .giveUp)
        }
    }

    @Test func attemptsAndTotalTimeAreBounded() {
        #expect(policy.decide(.notConnected, operation: .read, attempt: 3, elapsed: .zero, unit: 0) != .giveUp)
        #expect(policy.decide(.notConnected, operation: .read, attempt: 4, elapsed: .zero, unit: 0) == .giveUp)
        #expect(policy.decide(.notConnected, operation: .read, attempt: 1, elapsed: .seconds(10), unit: 0.5) == .giveUp)
        #expect(RetryPolicy.never.decide(.notConnected, operation: .read, attempt: 1, elapsed: .zero, unit: 0) == .giveUp)
    }

    @Test func retryAfterReplacesBackoffUpToItsCap() {
        #expect(policy.decide(.status(429, retryAfter: .seconds(7)), operation: .acting, attempt: 1, elapsed: .zero, unit: 0.5)
            == .retry(after: .seconds(7)))
        #expect(policy.decide(.status(503, retryAfter: .seconds(31)), operation: .read, attempt: 1, elapsed: .zero, unit: 0.5) == .giveUp)
        // Waiting would overrun the total budget.
        #expect(policy.decide(.status(429, retryAfter: .seconds(5)), operation: .read, attempt: 1, elapsed: .seconds(6), unit: 0.5) == .giveUp)
    }

    @Test(arguments: [
        ("120", Duration.seconds(120)), ("0", .zero), (" 5 ", .seconds(5)),
        ("99999999999999999999", .seconds(Int(Int32.max))),
    ])
    func parsesDeltaSeconds(_ text: String, _ expected: Duration) {
        #expect(RetryAfter.parse(text, now: 0) == expected)
    }

    @Test func parsesAllThreeHTTPDateFormats() {
        // 784111777 = Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example).
        let now = 784_111_777.0 - 10
        for text in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            #expect(RetryAfter.parse(text, now: now) == .seconds(10), "\(text)")
        }
        #expect(HTTPDate.epochSeconds("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(HTTPDate.epochSeconds("Tue, 29 Feb 2028 12:00:00 GMT") == 1_835_438_400)
    }

    @Test func pastDatesMeanNowAndGarbageIsIgnored() {
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: 2_000_000_000) == .zero)
        for text in ["", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                     "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Nov 1994 08:49 GMT"] {
            #expect(RetryAfter.parse(text, now: 0) == nil, "\(text)")
        }
    }
}
