import Foundation
import NexthinkEmulator
import Testing

@Suite struct FaultTests {
    let body: [String: Any] = ["remoteActionId": "#flush_dns_cache", "devices": [Fleet.docsExample]]

    @Test func statusFaultAnswersWithoutActing() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.execute, .status(429, retryAfter: "2"))
            let limited = try await Emu.execute(server, token: token, body)
            #expect(limited.status == 429)
            #expect(limited.header("Retry-After") == "2")
            #expect(try limited.object()["code"] as? String != nil)
            #expect(server.stats.executionCount == 0)
            let ok = try await Emu.execute(server, token: token, body)
            #expect(ok.status == 200)
            #expect(server.stats.executionCount == 1)
            #expect(server.stats.requests(for: .execute) == 2)
        }
    }

    @Test func faultsQueueInOrderAndCountTimes() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            let date = "Wed, 21 Oct 2026 07:28:00 GMT"
            server.faults.inject(.nqlExecute, .status(503), times: 2)
            server.faults.inject(.nqlExecute, .status(429, retryAfter: date))
            #expect(server.faults.pending(.nqlExecute) == 3)
            let first = try await Emu.nql(server, token: token, "#devices")
            let second = try await Emu.nql(server, token: token, "#devices")
            let third = try await Emu.nql(server, token: token, "#devices")
            let fourth = try await Emu.nql(server, token: token, "#devices")
            let statuses: [Int] = [first.status, second.status, third.status, fourth.status]
            #expect(statuses == [503, 503, 429, 200])
            #expect(third.header("Retry-After") == date)
            #expect(try first.object()["code"] as? Int == 503)
        }
    }

    @Test func faultsApplyOnlyToTheirRouteAndClear() async throws {
        try await Emu.with { server in
            server.faults.inject(.list, .status(500), times: 5)
            let token = try await Emu.token(server)
            let details = try await Emu.api(server, "GET", "/api/v1/act/remote-action/details?nql-id=%23ExampleRA", token: token)
            #expect(details.status == 200)
            #expect(try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token).status == 500)
            server.faults.clear()
            #expect(server.faults.pending(.list) == 0)
            #expect(try await Emu.api(server, "GET", "/api/v1/act/remote-action", token: token).status == 200)
        }
    }

    @Test func tokenRouteFaultUsesOAuthShape() async throws {
        try await Emu.with { server in
            server.faults.inject(.token, .status(503, retryAfter: "1"))
            let r = try await Emu.send("POST", server.baseURL + "/api/v1/token", headers: ["Authorization": Emu.demoBasic])
            #expect(r.status == 503)
            #expect(try r.object()["error"] as? String == "temporarily_unavailable")
            #expect(server.stats.tokensIssued == 0)
            #expect(server.stats.tokenRequests == 1)
        }
    }

    @Test func delayWaitsThenActs() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.execute, .delay(.milliseconds(400)))
            let clock = ContinuousClock()
            var status = 0
            let elapsed = try await clock.measure {
                status = try await Emu.execute(server, token: token, body).status
            }
            #expect(status == 200)
            #expect(elapsed >= .milliseconds(400))
            #expect(server.stats.executionCount == 1)
        }
    }

    @Test func dropConnectionAfterActingCounts() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.execute, .dropConnection)
            await #expect(throws: (any Error).self) {
                _ = try await Emu.execute(server, token: token, body)
            }
            #expect(server.stats.executionCount == 1, "the outcome is unknown to the client, but it ran")
            #expect(try await Emu.execute(server, token: token, body).status == 200)
            #expect(server.stats.executionCount == 2)
        }
    }

    @Test func dropBeforeActingDoesNotCount() async throws {
        try await Emu.with { server in
            let token = try await Emu.token(server)
            server.faults.inject(.execute, .dropBeforeActing)
            await #expect(throws: (any Error).self) {
                _ = try await Emu.execute(server, token: token, body)
            }
            #expect(server.stats.executionCount == 0)
            #expect(server.stats.requests(for: .execute) == 1)
            #expect(try await Emu.execute(server, token: token, body).status == 200)
        }
    }
}
