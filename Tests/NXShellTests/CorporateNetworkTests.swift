import Foundation
import NexthinkClient
import NexthinkEmulator
import TestSupport
import Testing

/// TLS trust and proxies for corporate networks (issue 9, item 12): the emulator serves HTTPS
/// with a certificate from a CA made in the test, which the client trusts only when told to.
@Suite struct CorporateNetworkTests {
    let home: TempDir
    let env: [String: String]
    let ca: TestCA

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
        ca = try TestCA(directory: home.path)
    }

    /// Runs `body` against an HTTPS emulator reached as `https://localhost:PORT`.
    private func withHTTPSEmulator(_ body: (String, EmulatorServer) async throws -> Void) async throws {
        var options = EmulatorOptions()
        options.tls = EmulatorTLS(certificateFile: ca.certificateFile, privateKeyFile: ca.keyFile)
        try await withEmulatorServer(options) { try await body("https://localhost:\($0.port)", $0) }
    }

    private func token(api: String, trust: TrustSettings) async throws -> TokenInfo {
        let client = try NexthinkClient(configuration: NexthinkConfiguration(
            location: .urls(api: api, token: nil), clientID: "sandbox-client", clientSecret: Secret("sandbox-secret"),
            connectTimeout: .seconds(10), readTimeout: .seconds(60), retry: RetryPolicy(maxAttempts: 1),
            proxy: nil, trust: trust))
        do {
            let info = try await client.token()
            try await client.shutdown()
            return info
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    @Test func clientTrustsAnExtraCAOnlyWhenGiven() async throws {
        try await withHTTPSEmulator { api, server in
            await #expect(throws: NexthinkError.self) { _ = try await token(api: api, trust: TrustSettings()) }
            _ = try await token(api: api, trust: TrustSettings(additionalCAFiles: [ca.caFile]))
            _ = try await token(api: api, trust: TrustSettings(rootsFile: ca.caFile))
            #expect(server.stats.tokenRequests == 2)
        }
    }

    @Test func shellHonoursCAFileSettings() async throws {
        try await withHTTPSEmulator { api, server in
            let base = env.merging(["NEXTHINK_API_URL": api, "NEXTHINK_CLIENT_ID": "sandbox-client",
                                    "NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 }
            let untrusted = try await CLI.launch(["--no-token-cache", "-e", "token"], environment: base)
            #expect(untrusted.status == 69, "\(untrusted.all)")
            #expect(untrusted.stderr.contains("NEXTHINK_CA_FILE"), "\(untrusted.stderr)")
            for extra in [["NEXTHINK_CA_FILE": ca.caFile], ["SSL_CERT_FILE": ca.caFile]] {
                let r = try await CLI.launch(["--no-token-cache", "-e", "print count(list)"],
                                             environment: base.merging(extra) { $1 })
                #expect(r.status == 0, "\(extra): \(r.all)")
            }
            try FileManager.default.createDirectory(atPath: home.path + "/config/nxsh", withIntermediateDirectories: true)
            try "[profiles.corp]\nca_file = \"\(ca.caFile)\"\n"
                .write(toFile: home.path + "/config/nxsh/config.toml", atomically: true, encoding: .utf8)
            let profile = try await CLI.launch(["--no-token-cache", "--profile", "corp", "-e", "print count(list)"],
                                               environment: base)
            #expect(profile.status == 0, "\(profile.all)")
        }
    }

    @Test func unreadableCAFileIsAConfigurationError() async throws {
        try "not a certificate".write(toFile: home.path + "/bad.pem", atomically: true, encoding: .utf8)
        for file in [home.path + "/bad.pem", home.path + "/missing.pem"] {
            let r = try await CLI.launch(["-e", "token"], environment: env.merging([
                "NEXTHINK_API_URL": "https://localhost:9", "NEXTHINK_CLIENT_ID": "c", "NEXTHINK_CLIENT_SECRET": "s",
                "NEXTHINK_CA_FILE": file]) { $1 })
            #expect(r.status == 78, "\(r.all)")
            #expect(r.stderr.contains("CA file '\(file)'"), "\(r.stderr)")
        }
    }

    @Test(arguments: ["https://alice:pr0xy-pass@proxy.corp:443", "socks5://alice:pr0xy-pass@proxy.corp:1080",
                      "http://alice:pr0xy-pass@[bad", "http://alice:pr0xy-pass@proxy.corp:99999"])
    func unusableProxyIsAnErrorWithoutItsPassword(_ proxy: String) async throws {
        let r = try await CLI.launch(["-e", "token"], environment: env.merging([
            "NEXTHINK_INSTANCE": "acme", "NEXTHINK_REGION": "eu", "NEXTHINK_CLIENT_ID": "c",
            "NEXTHINK_CLIENT_SECRET": "s", "HTTPS_PROXY": proxy]) { $1 })
        #expect(r.status == 78, "\(r.all)")
        #expect(r.stderr.contains("HTTPS_PROXY"), "\(r.stderr)")
        #expect(!r.all.contains("pr0xy-pass"))
    }

    @Test func httpsProxyExplainsTheMissingTLS() throws {
        let error = #expect(throws: NexthinkError.self) {
            try ProxySettings.fromEnvironment(["HTTPS_PROXY": "https://u:p@proxy.corp:443"])
        }
        #expect(error?.message.contains("TLS to the proxy") == true)
        #expect(error?.message.contains("u:p") == false)
    }

    @Test func urlCredentialsAreNeverEchoed() async throws {
        let r = try await CLI.launch(["-e", "token"], environment: env.merging([
            "NEXTHINK_API_URL": "https://bob:hunter2-url@example.com?x=1", "NEXTHINK_CLIENT_ID": "c",
            "NEXTHINK_CLIENT_SECRET": "s"]) { $1 })
        #expect(r.status == 78, "\(r.all)")
        #expect(!r.all.contains("hunter2-url"), "\(r.all)")
    }

    @Test func subdomainOfLocalhostIsNotLoopback() async throws {
        let r = try await CLI.launch(["-e", "token"], environment: env.merging([
            "NEXTHINK_API_URL": "http://evil.localhost:8080", "NEXTHINK_CLIENT_ID": "c",
            "NEXTHINK_CLIENT_SECRET": "s"]) { $1 })
        #expect(r.status == 78, "\(r.all)")
        #expect(r.stderr.contains("plain http://"), "\(r.stderr)")
    }
}
