import Foundation
import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing
@testable import NXShell

/// The config file, its directory and the token cache are used only when they belong to the
/// user and no one else may write them (issue 9, item 11).
@Suite struct FileTrustTests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    private var configDirectory: String { home.path + "/config/nxsh" }

    private func writeConfig(_ text: String, mode: mode_t, directoryMode: mode_t = 0o755) throws -> String {
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        let path = configDirectory + "/config.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
        chmod(configDirectory, directoryMode)
        return path
    }

    @Test(arguments: [(mode_t(0o666), mode_t(0o755)), (0o620, 0o755), (0o600, 0o777), (0o600, 0o775)])
    func writableConfigIsRefusedBeforeAnyRequest(_ modes: (mode_t, mode_t)) async throws {
        try await withEmulatorServer { server in
            let path = try writeConfig("""
                [profiles.lab]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                client_secret_command = "printf sandbox-secret"
                """, mode: modes.0, directoryMode: modes.1)
            let r = try await CLI.launch(["--profile", "lab", "-e", "print count(list)"], environment: env)
            #expect(r.status == 78, "\(r.all)")
            #expect(r.stderr.contains("chmod go-w \(modes.1 & 0o022 != 0 ? configDirectory : path)"), "\(r.stderr)")
            #expect(server.stats.tokenRequests == 0)
        }
    }

    @Test func configOfAnotherUserIsRefused() throws {
        let path = try writeConfig("[profiles.lab]\ninstance = \"acme\"\n", mode: 0o600)
        guard chown(path, 4242, 4242) == 0 else { return }  // needs root; the CLI tests cover modes
        let error = #expect(throws: ShellError.self) { try ConfigFile.load(path: path) }
        #expect(error?.exitCode == 78)
        #expect(error?.message.contains("belongs to user id 4242") == true)
    }

    @Test func privateConfigIsRead() throws {
        let path = try writeConfig("[profiles.lab]\ninstance = \"acme\"\n", mode: 0o644)
        let config = try ConfigFile.load(path: path)
        #expect(config.profiles["lab"]?.instance == "acme")
        #expect(!config.isPrivate)
    }

    private func token() -> StoredToken {
        StoredToken(accessToken: Secret("tok"), tokenType: "Bearer", scope: nil, expiresAt: Date().addingTimeInterval(600))
    }

    @Test func cacheInAWritableDirectoryIsNotUsed() throws {
        let store = DiskTokenStore(directory: home.path + "/cache/nxsh")
        store.save(token(), key: "k")
        #expect(store.load(key: "k") != nil)
        chmod(store.directory, 0o777)
        #expect(store.load(key: "k") == nil)
    }

    @Test func cacheFileReadableByOthersIsNotUsed() throws {
        let store = DiskTokenStore(directory: home.path + "/cache/nxsh")
        store.save(token(), key: "k")
        chmod(store.path(for: "k"), 0o644)
        #expect(store.load(key: "k") == nil)
    }

    @Test func symlinkedCacheFileIsNotFollowed() throws {
        let store = DiskTokenStore(directory: home.path + "/cache/nxsh")
        store.save(token(), key: "k")
        let elsewhere = home.path + "/planted.json"
        try FileManager.default.moveItem(atPath: store.path(for: "k"), toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: store.path(for: "k"), withDestinationPath: elsewhere)
        #expect(store.load(key: "k") == nil)
    }

    @Test func symlinkedCacheDirectoryIsNotUsed() throws {
        let real = DiskTokenStore(directory: home.path + "/real")
        real.save(token(), key: "k")
        try FileManager.default.createDirectory(atPath: home.path + "/cache", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: home.path + "/cache/nxsh", withDestinationPath: real.directory)
        let linked = DiskTokenStore(directory: home.path + "/cache/nxsh")
        #expect(linked.load(key: "k") == nil)
        linked.save(token(), key: "other")
        #expect(real.load(key: "other") == nil)
    }
}
