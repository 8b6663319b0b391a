import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing

@Suite("Token lifecycle against the emulator")
struct TokenLifecycleTests {
    @Test func fetchesABearerToken() async throws {
        let recorder = Recorder(), clock = TestClock()
        try await withEmulator(recorder: recorder, environment: testEnvironment(recorder, clock: clock)) { server, client in
            let info = try await client.token()
            #expect(info.tokenType == "Bearer")
            #expect(info.scope == "service:integration")
            #expect(!info.accessToken.isEmpty)
            #expect(info.expiresAt.timeIntervalSince(clock.now()) == 900)
            #expect(server.stats.tokensIssued == 1)
        }
    }

    @Test func cachesTheTokenAcrossCalls() async throws {
        try await withEmulator { server, client in
            for _ in 0..<5 { _ = try await client.listRemoteActions() }
            _ = try await client.token()
            #expect(server.stats.tokenRequests == 1)
            #expect(server.stats.requests(for: .list) == 5)
        }
    }

    @Test func concurrentCallersShareOneTokenRequest() async throws {
        try await withEmulator { server, client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await client.listRemoteActions().count } }
                for try await count in group { #expect(count > 0) }
            }
            #expect(server.stats.tokenRequests == 1)
        }
    }

    @Test func refreshesProactivelyBeforeExpiry() async throws {
        var options = EmulatorOptions()
        options.tokenLifetime = .seconds(100)
        let recorder = Recorder(), clock = TestClock()
        // The 60 s margin is capped at half the lifetime: a 100 s token is renewed after 50 s, not 40 s.
        try await withEmulator(options, recorder: recorder, environment: testEnvironment(recorder, clock: clock)) { server, client in
            let first = try await client.token()
            _ = try await client.listRemoteActions()
            #expect(server.stats.tokenRequests == 1)
            clock.advance(by: .seconds(45))
            _ = try await client.listRemoteActions()
            #expect(server.stats.tokenRequests == 1)
            clock.advance(by: .seconds(10))
            _ = try await client.listRemoteActions()
            let second = try await client.token()
            #expect(server.stats.tokenRequests == 2)
            #expect(first.accessToken != second.accessToken)
            // Renewed before expiry: no call was ever refused.
            #expect(server.stats.requests(for: .list) == 3)
        }
    }

    @Test func reauthenticatesOnceAfterA401() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { server, client in
            _ = try await client.listRemoteActions()
            server.revokeTokens()
            let actions = try await client.listRemoteActions()
            #expect(!actions.isEmpty)
            #expect(server.stats.tokenRequests == 2)
            #expect(server.stats.requests(for: .list) == 3)
            #expect(recorder.events.map(\.status) == [200, 200, 401, 200, 200])
        }
    }

    @Test func concurrentCallersShareOneRefreshAfterRevocation() async throws {
        try await withEmulator { server, client in
            _ = try await client.token()
            server.revokeTokens()
            // All callers still hold the cached (revoked) token: each gets a 401, yet only one
            // of them refreshes it — callers whose token was already replaced reuse the new one.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { _ = try await client.listRemoteActions() } }
                try await group.waitForAll()
            }
            #expect(server.stats.tokenRequests == 2)
        }
    }

    @Test func wrongSecretIsAnAuthErrorThatNeverShowsTheSecret() async throws {
        let secret = "wrong-but-very-secret-value"
        try await withEmulator(secret: secret) { server, client in
            let error = try #require(await nexthinkError { try await client.listRemoteActions() })
            #expect(error.kind == .auth)
            #expect(error.status == 401)
            #expect(error.code == "invalid_client")
            #expect(error.hint?.contains("client ID and secret") == true)
            var dumped = ""
            dump(error, to: &dumped)
            for text in ["\(error)", String(reflecting: error), dumped, error.localizedDescription] {
                #expect(!text.contains(secret))
            }
            // An auth failure is not retried.
            #expect(server.stats.tokenRequests == 1)
        }
    }

    @Test func tokenStoreIsReusedAcrossClients() async throws {
        let store = InMemoryTokenStore()
        try await withEmulatorServer { server in
            try await withClient(makeClient(api: server.baseURL, store: store)) { first in
                try await withClient(makeClient(api: server.baseURL, store: store)) { second in
                    let a = try await first.token()
                    _ = try await second.listRemoteActions()
                    let b = try await second.token()
                    #expect(a.accessToken == b.accessToken)
                    #expect(server.stats.tokenRequests == 1)
                    let endpoint = try Endpoint.parse(server.baseURL + "/oauth2/default/v1/token", role: "token URL")
                    #expect(store.load(key: TokenCacheKey.make(token: endpoint, clientID: "sandbox-client",
                                                               secret: Secret("sandbox-secret"))) != nil)
                }
            }
        }
    }

    @Test func tracesNeverContainCredentials() async throws {
        let recorder = Recorder()
        try await withEmulator(recorder: recorder) { _, client in
            let token = try await client.token().accessToken.reveal()
            _ = try await client.listRemoteActions()
            let headers = recorder.events.flatMap(\.requestHeaders)
            #expect(headers.contains { $0.name == "Authorization" && $0.value == "Bearer <redacted>" })
            #expect(headers.contains { $0.name == "Authorization" && $0.value == "Basic <redacted>" })
            for event in recorder.events {
                let text = "\(event.url) \(event.requestHeaders) \(event.responseHeaders)"
                #expect(!text.contains(token))
                #expect(!text.contains("sandbox-secret"))
            }
        }
    }
}
