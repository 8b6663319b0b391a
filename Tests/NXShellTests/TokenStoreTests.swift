import Foundation
import NexthinkClient
import Testing
@testable import NXShell

@Suite struct TokenStoreTests {
    func token(expiresIn seconds: Double) -> StoredToken {
        StoredToken(accessToken: Secret("tok-123"), tokenType: "Bearer", scope: "service:integration",
                    expiresAt: Date().addingTimeInterval(seconds))
    }

    @Test func roundTripsWithPrivateModes() throws {
        let dir = try TempDir()
        let store = DiskTokenStore(directory: dir.path + "/cache/nxsh")
        store.save(token(expiresIn: 600), key: "https://x/token|client")
        let loaded = try #require(store.load(key: "https://x/token|client"))
        #expect(loaded.accessToken.reveal() == "tok-123")
        #expect(try mode(store.directory) == 0o700)
        #expect(try mode(store.path(for: "https://x/token|client")) == 0o600)
        #expect(store.load(key: "https://x/token|other") == nil)
    }

    @Test func expiredAndCorruptEntriesAreMisses() throws {
        let dir = try TempDir()
        let store = DiskTokenStore(directory: dir.path)
        store.save(token(expiresIn: -1), key: "k")
        #expect(store.load(key: "k") == nil)
        try "not json".write(toFile: store.path(for: "k2"), atomically: true, encoding: .utf8)
        #expect(store.load(key: "k2") == nil)
    }

    @Test func fileNamesAreStableHashes() {
        #expect(DiskTokenStore.hash("a") == DiskTokenStore.hash("a"))
        #expect(DiskTokenStore.hash("a") != DiskTokenStore.hash("b"))
        #expect(DiskTokenStore.hash("").count == 16)
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }
}
