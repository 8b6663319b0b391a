import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// The binary against an emulator: `--sandbox` (embedded) and a real connection through the
/// environment to an emulator started here (so the test can read its counters).
@Suite(.serialized) struct SandboxCLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }


    @Test func sandboxAnnouncesItselfOnStderr() async throws {
        let r = try await CLI.launch(["--sandbox", "-e", "print count(list)"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("sandbox"))
        #expect(Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 8)
    }

    @Test func jsonOutputIsOneDocumentPerLine() async throws {
        let r = try await CLI.launch(["--sandbox", "-o", "json", "-e", "list", "-e", "token", "-e", "get #ExampleRA"],
                            environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) != nil,
                    "not JSON: \(line)")
        }
        #expect(lines[1].contains("(redacted)"))
    }

    @Test func tokenCacheIsReusedAcrossProcessesAndNeverPrinted() async throws {
        try await withEmulatorServer { server in
            let e = CLI.connected(env, to: server)
            let first = try await CLI.launch(["--verbose", "-e", "token", "-e", "print token", "-e", "list windows"], environment: e)
            let second = try await CLI.launch(["-o", "json", "-e", "token"], environment: e)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(second.status == 0, "\(second.stderr)")
            #expect(server.stats.tokenRequests == 1)
            let cache = home.path + "/cache/nxsh"
            let files = try FileManager.default.contentsOfDirectory(atPath: cache)
            #expect(files.count == 1)
            let cached = try String(contentsOfFile: cache + "/" + files[0], encoding: .utf8)
            let rawToken = try #require(cached.firstMatch(of: /"accessToken":"([^"]+)"/)?.1)
            for output in [first.all, second.all] {
                #expect(!output.contains(rawToken))
                #expect(!output.contains("sandbox-secret"))
            }
            #expect(first.stderr.contains("GET"))
            #expect(first.stderr.contains("Authorization: Bearer <redacted>"))
            let third = try await CLI.launch(["--no-token-cache", "-e", "token"], environment: e)
            #expect(third.status == 0)
            #expect(server.stats.tokenRequests == 2)
        }
    }

    @Test func dryRunNeverExecutes() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["--dry-run", "-e",
                                 "run #restart_service on [3fa85f64-5717-4562-b3fc-2c963f66afa6] with <ServiceName: \"Spooler\">"],
                                environment: CLI.connected(env, to: server))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("dry run: would run #restart_service"))
            #expect(server.stats.executionCount == 0)
        }
    }

    @Test func runExecutesOnceWithYesInAPipe() async throws {
        try await withEmulatorServer { server in
            let script = """
                let r = run #get_battery_status on [3fa85f64-5717-4562-b3fc-2c963f66afa6, 2bdb0941-2507-40de-854a-3efa1784b26b]
                print r.deviceCount
                print count(status r)
                """
            let r = try await CLI.launch(["--yes"], environment: CLI.connected(env, to: server), stdin: script)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "2\n2\n")
            #expect(server.stats.executionCount == 1)
        }
    }

    @Test func authFailureExits77AndHidesTheSecret() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["-e", "list"], environment: CLI.connected(env, to: server, extra: ["NEXTHINK_CLIENT_SECRET": "wrong-secret-value"]))
            #expect(r.status == 77)
            #expect(!r.all.contains("wrong-secret-value"))
        }
    }

    @Test func profileWithSecretCommandConnects() async throws {
        try await withEmulatorServer { server in
            try writeConfig("""
                default_profile = "lab"
                [profiles.lab]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                client_secret_command = "printf 'sandbox-%s' secret"
                """, mode: 0o644)
            let r = try await CLI.launch(["-e", "print count(list)"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(server.stats.tokenRequests == 1)
        }
    }

    @Test func readableConfigWithSecretIsRefusedBeforeAnyRequest() async throws {
        try await withEmulatorServer { server in
            try writeConfig("""
                [profiles.lab]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                client_secret = "sandbox-secret"
                """, mode: 0o644)
            let refused = try await CLI.launch(["--profile", "lab", "-e", "list"], environment: env)
            #expect(refused.status == 78)
            #expect(refused.stderr.contains("chmod 600"))
            #expect(server.stats.tokenRequests == 0)
            #expect(!refused.all.contains("sandbox-secret"))
            chmod(home.path + "/config/nxsh/config.toml", 0o600)
            let accepted = try await CLI.launch(["--profile", "lab", "-e", "print count(list)"], environment: env)
            #expect(accepted.status == 0, "\(accepted.stderr)")
        }
    }

    @Test func readOnlyProfileRefusesRun() async throws {
        try await withEmulatorServer { server in
            try writeConfig("""
                [profiles.audit]
                api_url = "\(server.baseURL)"
                client_id = "sandbox-client"
                read_only = true
                """, mode: 0o600)
            let r = try await CLI.launch(["--profile", "audit", "-e", "run #flush_dns_cache on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"],
                                environment: env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 })
            #expect(r.status == 77)
            #expect(r.stderr.contains("profile 'audit' is read-only"))
            #expect(server.stats.executionCount == 0)
        }
    }

    @Test func executeIsNotRetriedAfterAServerError() async throws {
        try await withEmulatorServer { server in
            server.faults.inject(.execute, .status(500), times: 3)
            let r = try await CLI.launch(["--yes", "-e", "run #flush_dns_cache on [3fa85f64-5717-4562-b3fc-2c963f66afa6]"],
                                environment: CLI.connected(env, to: server))
            #expect(r.status == 70)
            #expect(r.stderr.contains("outcome unknown"))
            #expect(server.stats.requests(for: .execute) == 1)
        }
    }

    @Test func throttlingThatNeverEndsExits75() async throws {
        try await withEmulatorServer { server in
            server.faults.inject(.list, .status(429, retryAfter: "0"), times: 50)
            let r = try await CLI.launch(["-e", "list"], environment: CLI.connected(env, to: server))
            #expect(r.status == 75, "\(r.stderr)")
            #expect(r.stderr.contains("rate limited"))
        }
    }

    private func writeConfig(_ text: String, mode: mode_t) throws {
        let dir = home.path + "/config/nxsh"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try text.write(toFile: dir + "/config.toml", atomically: true, encoding: .utf8)
        chmod(dir + "/config.toml", mode)
    }

    @Test func unreachableServiceExits69() async throws {
        let e = env.merging(["NEXTHINK_API_URL": "http://127.0.0.1:9", "NEXTHINK_CLIENT_ID": "c",
                             "NEXTHINK_CLIENT_SECRET": "s"]) { $1 }
        let r = try await CLI.launch(["-e", "list"], environment: e)
        #expect(r.status == 69, "\(r.stderr)")
    }

    @Test(arguments: ["inventory.nxs", "restart-spooler.nxs", "battery-report.nxs", "explain-action.nxs"])
    func examplesRunAgainstTheSandbox(_ name: String) async throws {
        let path = CLI.repositoryRoot.appendingPathComponent("examples/" + name).path
        let arguments = name == "explain-action.nxs" ? ["set_service_start_type"] : []
        let r = try await CLI.launch(["--sandbox", "--yes", path] + arguments, environment: env)
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(!r.stdout.isEmpty)
    }
}
