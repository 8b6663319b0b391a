@testable import NexthinkClient
import NexthinkEmulator
import Testing

/// Slow responses against the client's read timeout (nxsh uses the client's 60 s default, so
/// these run at the client level with a short timeout instead of through the binary).
struct FaultTimeoutTests {
    @Test func aSlowGetTimesOutAndIsRetried() async throws {
        try await withEmulator(readTimeout: .milliseconds(700)) { server, client in
            server.faults.inject(.list, .delay(.milliseconds(2_000)), times: 1)
            let actions = try await client.listRemoteActions()
            #expect(!actions.isEmpty)
            #expect(server.stats.requests(for: .list) == 2)
        }
    }

    @Test func aSlowTokenEndpointTimesOutAndIsRetried() async throws {
        try await withEmulator(readTimeout: .milliseconds(700)) { server, client in
            server.faults.inject(.token, .delay(.milliseconds(2_000)), times: 1)
            _ = try await client.listRemoteActions()
            #expect(server.stats.tokenRequests == 2)
        }
    }

    @Test func aGetThatStaysSlowEndsAsATimeoutError() async throws {
        try await withEmulator(readTimeout: .milliseconds(500), retry: RetryPolicy(maxAttempts: 2)) { server, client in
            _ = try await client.token()
            server.faults.inject(.list, .delay(.milliseconds(1_500)), times: 2)
            let error = try #require(await nexthinkError { try await client.listRemoteActions() })
            #expect(error.kind == .timeout)
            #expect(server.stats.requests(for: .list) == 2)
        }
    }

    @Test func aSlowExecuteIsNotResentAndRunsExactlyOnce() async throws {
        try await withEmulator(readTimeout: .milliseconds(500)) { server, client in
            _ = try await client.token()
            server.faults.inject(.execute, .delay(.milliseconds(1_500)), times: 1)
            let request = ExecutionRequest(remoteActionId: "#get_battery_status", devices: [faultDevice])
            let error = try #require(await nexthinkError { try await client.execute(request) })
            #expect(error.kind == .outcomeUnknown)
            #expect(error.hint?.contains("before running it again") == true)
            for _ in 0..<40 where server.stats.executionCount == 0 {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }
}
