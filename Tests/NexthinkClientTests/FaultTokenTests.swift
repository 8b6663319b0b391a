@testable import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing

/// A token that the service stops accepting while a shared store (nxsh's disk cache) still
/// holds it: the client must fetch a new one, not reload the refused one from the store.
struct FaultTokenTests {
    @Test func aRevokedTokenInTheStoreIsReplacedAfterOne401() async throws {
        let store = InMemoryTokenStore()
        try await withEmulatorServer { server in
            try await withClient(makeClient(api: server.baseURL, store: store)) { earlier in
                try await withClient(makeClient(api: server.baseURL, store: store)) { later in
                    let refused = try await earlier.token()
                    server.revokeTokens()
                    let actions = try await later.listRemoteActions()
                    #expect(!actions.isEmpty)
                    #expect(server.stats.tokenRequests == 2)
                    #expect(server.stats.requests(for: .list) == 2, "one 401, then one success")
                    let key = "\(server.baseURL)/oauth2/default/v1/token|sandbox-client"
                    #expect(store.load(key: key)?.accessToken != refused.accessToken, "the store now holds the new token")
                }
            }
        }
    }
}
