import Foundation
@testable import NexthinkClient
import NexthinkEmulator
import Synchronization
import TestSupport
import Testing

/// Token numbers from outside are clamped, stored tokens are checked, and a cached token is
/// reused only with the secret it was issued for (issue 9, items 3 and 10).
@Suite("Token safety")
struct TokenSafetyTests {
    @Test func absurdExpiresInIsClamped() async throws {
        let body = #"{"access_token":"abc","token_type":"Bearer","expires_in":1e300}"#
        let info = try await withClient(try fixedClient(TokenOnlyTransport(body: body), store: nil)) { try await $0.token() }
        #expect(info.expiresAt.timeIntervalSinceNow <= StoredToken.maxLifetime)
        #expect(info.expiresAt.timeIntervalSinceNow > StoredToken.maxLifetime - 60)
    }

    @Test func negativeExpiresInIsClampedToNow() async throws {
        let body = #"{"access_token":"abc","expires_in":-1e300}"#
        let info = try await withClient(try fixedClient(TokenOnlyTransport(body: body), store: nil)) { try await $0.token() }
        #expect(abs(info.expiresAt.timeIntervalSinceNow) < 60)
    }

    @Test func implausibleStoredTokenIsNotTrusted() async throws {
        let store = InMemoryTokenStore()
        let transport = TokenOnlyTransport(body: #"{"access_token":"fresh","expires_in":900}"#)
        let key = TokenCacheKey.make(token: try Endpoints(fixedLocation).token, clientID: "c", secret: Secret("s"))
        store.save(StoredToken(accessToken: Secret("forever"), tokenType: "Bearer", scope: nil,
                               expiresAt: Date().addingTimeInterval(1e12)), key: key)
        let info = try await withClient(try fixedClient(transport, store: store)) { try await $0.token() }
        #expect(info.accessToken.reveal() == "fresh")
        #expect(transport.calls == 1)
    }

    @Test func cacheKeyDependsOnSecretButNeverHoldsIt() throws {
        let endpoint = try Endpoints(fixedLocation).token
        let a = TokenCacheKey.make(token: endpoint, clientID: "c", secret: Secret("first-secret"))
        let b = TokenCacheKey.make(token: endpoint, clientID: "c", secret: Secret("second-secret"))
        #expect(a != b)
        #expect(!a.contains("first-secret") && !b.contains("second-secret"))
        #expect(a == TokenCacheKey.make(token: endpoint, clientID: "c", secret: Secret("first-secret")))
    }

    @Test func wrongSecretIsNotHiddenByACachedToken() async throws {
        try await withEmulatorServer { server in
            let store = InMemoryTokenStore()
            let first = try await withClient(try emulatorClient(server, secret: "sandbox-secret", store: store)) { good in
                await outcome { try await good.token() }
            }
            let second = try await withClient(try emulatorClient(server, secret: "not-the-secret", store: store)) { bad in
                await outcome { try await bad.token() }
            }
            _ = try first.get()
            #expect(throws: NexthinkError.self) { try second.get() }
            if case .failure(let error as NexthinkError) = second { #expect(error.kind == .auth) }
        }
    }
}

private let fixedLocation = ServiceLocation.instance("acme", region: .eu)

private func fixedClient(_ transport: TokenOnlyTransport, store: (any TokenStore)?) throws -> NexthinkClient {
    let config = NexthinkConfiguration(location: fixedLocation, clientID: "c", clientSecret: Secret("s"),
                                       proxy: nil, tokenStore: store)
    return NexthinkClient(configuration: config, endpoints: try Endpoints(config.location), transport: transport,
                          environment: .live)
}

private func emulatorClient(_ server: EmulatorServer, secret: String, store: any TokenStore) throws -> NexthinkClient {
    let config = NexthinkConfiguration(
        location: .urls(api: server.baseURL, token: nil), clientID: "sandbox-client", clientSecret: Secret(secret),
        connectTimeout: .seconds(10), readTimeout: .seconds(60), proxy: nil, tokenStore: store)
    return try NexthinkClient(configuration: config)
}

/// Answers every request with the same token response and counts the calls.
private final class TokenOnlyTransport: HTTPTransport {
    private let body: String
    private let count = Mutex(0)

    init(body: String) { self.body = body }

    var calls: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        count.withLock { $0 += 1 }
        return .success(HTTPResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8)))
    }

    func shutdown() async throws {}
}

private func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}
