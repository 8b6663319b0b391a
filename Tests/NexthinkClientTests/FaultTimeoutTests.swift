@testable import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing

/// Slow responses against the client's read timeout (nxsh uses the client's 60 s default, so
/// these run at the client level with a short timeout instead of through the binary). The
/// margins are wide because the whole suite runs in parallel on two cores, possibly beside
/// other work (`scripts/test --under-load`): an undelayed answer must never take `timeout`.
struct FaultTimeoutTests {
    /// Under `scripts/test --under-load` an undelayed token call once took over 5 s.
    static let timeout: Duration = .seconds(15)
    static let slow: Duration = .seconds(45)

    @Test func aSlowGetTimesOutAndIsRetried() async throws {
        try await withEmulator(readTimeout: Self.timeout) { server, client in
            server.faults.inject(.list, .delay(Self.slow), times: 1)
            let actions = try await client.listRemoteActions()
            #expect(!actions.isEmpty)
            #expect((2...4).contains(server.stats.requests(for: .list)), "retried within the attempt budget")
        }
    }

    @Test func aSlowTokenEndpointTimesOutAndIsRetried() async throws {
        try await withEmulator(readTimeout: Self.timeout) { server, client in
            server.faults.inject(.token, .delay(Self.slow), times: 1)
            _ = try await client.listRemoteActions()
            #expect((2...4).contains(server.stats.tokenRequests))
        }
    }

    @Test func aGetThatStaysSlowEndsAsATimeoutError() async throws {
        try await withEmulator(readTimeout: Self.timeout, retry: RetryPolicy(maxAttempts: 2)) { server, client in
            _ = try await client.token()
            server.faults.inject(.list, .delay(Self.slow), times: 10)
            let error = try #require(await nexthinkError { try await client.listRemoteActions() })
            #expect(error.kind == .timeout)
            #expect(error.hint == "the service is slow or unreachable; try again later", "no setting to raise: nxsh has none")
            // The last attempt may still sit in the server's accept queue when the client gives up.
            try await eventually { server.stats.requests(for: .list) >= 2 }
            #expect(server.stats.requests(for: .list) == 2)
        }
    }

    @Test func aSlowExecuteIsNotResentAndRunsExactlyOnce() async throws {
        try await withEmulator(readTimeout: Self.timeout) { server, client in
            _ = try await client.token()
            server.faults.inject(.execute, .delay(Self.slow), times: 1)
            let request = ExecutionRequest(remoteActionId: "#get_battery_status", devices: [try CollectorID(faultDevice)])
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(error.hint?.contains("before running it again") == true)
            // The service acts once its delay is over: exactly once.
            try await eventually { server.stats.executionCount > 0 }
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }
}
