import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// Issue 9, items 4 and 9: `run` without a terminal needs consent; `client_secret_command` has
/// a deadline and an output cap and never shows its text.
@Suite struct ConsentAndSecretCLITests {
    let home: TempDir
    let env: [String: String]
    static let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }



    @Test(arguments: [false, true])
    func runWithoutATerminalIsRefusedBeforeAnythingIsSent(_ piped: Bool) async throws {
        try await withEmulatorServer { server in
            let code = "print \"before\"\nrun #get_battery_status on [\(Self.device)]\nprint \"after\""
            let r = piped ? try await CLI.launch([], environment: CLI.connected(env, to: server), stdin: code)
                : try await CLI.launch(["-e", code], environment: CLI.connected(env, to: server))
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stdout == "before\n")
            #expect(r.stderr.contains("nothing was sent"))
            #expect(r.stderr.contains("--yes") && r.stderr.contains("--dry-run") && r.stderr.contains("confirm = false"))
            #expect(server.stats.requests(for: .execute) == 0)
            #expect(!FileManager.default.fileExists(atPath: home.path + "/state/nxsh/audit.jsonl"))
        }
    }

    @Test func consentFromYesDryRunOrProfile() async throws {
        try await withEmulatorServer { server in
            let code = "run #get_battery_status on [\(Self.device)]"
            let yes = try await CLI.launch(["--yes", "-e", code], environment: CLI.connected(env, to: server))
            #expect(yes.status == 0, "\(yes.stderr)")
            // The log the refusal test finds absent is the one a consented run writes.
            #expect(FileManager.default.fileExists(atPath: home.path + "/state/nxsh/audit.jsonl"))
            let dry = try await CLI.launch(["--dry-run", "-e", code], environment: CLI.connected(env, to: server))
            #expect(dry.status == 0, "\(dry.stderr)")
            try CLI.writeProfile(home: home.path, on: server, "confirm = false\n")
            let profile = try await CLI.launch(["-e", code], environment: env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 })
            #expect(profile.status == 0, "\(profile.stderr)")
            #expect(server.stats.requests(for: .execute) == 2)
        }
    }

    @Test func slowSecretCommandTimesOutWithoutShowingItself() async throws {
        try CLI.writeConfig(home: home.path, "default_profile = \"p\"\n[profiles.p]\napi_url = \"http://127.0.0.1:9\"\nclient_id = \"c\"\n"
            + "client_secret_command = \"sleep 30; echo hunter2\"\nclient_secret_timeout = 1\n")
        let r = try await ProcessDriver.run(["-e", "token"], environment: env)
        #expect(!r.hung)
        #expect(r.status == 78, "\(r.stderr)")
        #expect(r.stderr.contains("did not finish within 1 s"))
        #expect(r.stderr.contains("client_secret_timeout"))
        #expect(!r.stderr.contains("hunter2") && !r.stderr.contains("sleep"))
    }

    @Test func endlessSecretOutputIsCapped() async throws {
        try CLI.writeConfig(home: home.path, "default_profile = \"p\"\n[profiles.p]\napi_url = \"http://127.0.0.1:9\"\nclient_id = \"c\"\nclient_secret_command = \"yes hunter2\"\n")
        let r = try await ProcessDriver.run(["-e", "token"], environment: env)
        #expect(!r.hung, "nxsh kept reading an endless client_secret_command")
        #expect(r.status == 78, "\(r.stderr)")
        #expect(r.stderr.contains("printed more than"))
        #expect(!r.stderr.contains("hunter2"))
    }

    @Test func failingSecretCommandIsReportedByStatusOnly() async throws {
        try CLI.writeConfig(home: home.path, "default_profile = \"p\"\n[profiles.p]\napi_url = \"http://127.0.0.1:9\"\nclient_id = \"c\"\n"
            + "client_secret_command = \"exit 3 # inline-hunter2\"\n")
        let r = try await CLI.launch(["-e", "token"], environment: env)
        #expect(r.status == 78)
        #expect(r.stderr.contains("failed with exit status 3"))
        #expect(!r.stderr.contains("hunter2"), "the command text was shown: \(r.stderr)")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func signalStopsASlowSecretCommand(_ signal: Int32) async throws {
        let marker = home.path + "/started"
        try CLI.writeConfig(home: home.path, "default_profile = \"p\"\n[profiles.p]\napi_url = \"http://127.0.0.1:9\"\nclient_id = \"c\"\n"
            + "client_secret_command = \"touch \(marker); sleep 30; echo s\"\n")
        var options = ProcessDriver.Options()
        options.signal = signal
        options.signalWhen = { FileManager.default.fileExists(atPath: marker) }
        let r = try await ProcessDriver.run(["-e", "token"], environment: env, options: options)
        #expect(!r.hung)
        #expect(r.status == 130, "\(r.stderr)")
        #expect(r.stderr.contains("client_secret_command was interrupted"))
    }
}
