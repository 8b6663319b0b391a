@testable import NexthinkClient
import NexthinkEmulator
import Testing

/// A token that the service stops accepting while a shared store (nxsh's disk cache) still
/// holds it: the client must fetch a new one, not reload the refused one from the store.
struct FaultTokenTests {
    @Test func aRevokedTokenInTheStoreIsReplacedAfterOne401() async throws {
        let store = InMemoryTokenStore()
        let server = try await EmulatorServer.start()
        let earlier = try makeClient(api: server.baseURL, store: store)
        let later = try makeClient(api: server.baseURL, store: store)
        let refused = try await earlier.token()
        server.revokeTokens()
        let actions = try await later.listRemoteActions()
        #expect(!actions.isEmpty)
        #expect(server.stats.tokenRequests == 2)
        #expect(server.stats.requests(for: .list) == 2, "one 401, then one success")
        let key = "\(server.baseURL)/oauth2/default/v1/token|sandbox-client"
        #expect(store.load(key: key)?.accessToken != refused.accessToken, "the store now holds the new token")
        try await earlier.shutdown()
        try await later.shutdown()
        await server.shutdown()
    }
}
