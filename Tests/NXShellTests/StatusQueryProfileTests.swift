import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// The profile's `status_query` through the built binary against an emulator: checked when the
/// profile is loaded by the same constructor as every other NQL id.
@Suite struct StatusQueryProfileTests {
    let home: TempDir
    let env: [String: String]
    static let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static let script = ["--yes", "-e", "let r = run #get_battery_status on [\(device)]", "-e", "print len(status r)"]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path, extra: ["NEXTHINK_CLIENT_SECRET": "sandbox-secret"])
    }

    /// Without `#` the id gets one, as anywhere else; the emulator refuses a query id without
    /// it (400), so a run that ends well proves what was sent.
    @Test func anIDWrittenWithoutHashIsNormalised() async throws {
        try await withEmulatorServer { server in
            try CLI.writeProfile(home: home.path, on: server, "status_query = \"remote_action_executions_by_request\"\n")
            let r = try await CLI.launch(Self.script, environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout == "1\n")
            #expect(server.stats.requests(for: .nqlExecute) == 1)
        }
    }

    @Test func aMalformedIDIsAConfigurationErrorBeforeAnythingIsSent() async throws {
        try await withEmulatorServer { server in
            try CLI.writeProfile(home: home.path, on: server, "status_query = \"#Executions-By-Request\"\n")
            let r = try await CLI.launch(Self.script, environment: env)
            #expect(r.status == 78, "\(r.stderr)")
            #expect(r.stderr.contains(home.path + "/config/nxsh/config.toml: profiles.p.status_query: '#Executions-By-Request' "
                                      + "is not an NQL query id; it must match #[a-z0-9_]{2,255} (e.g. #remote_action_executions_by_request)"),
                    "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(server.stats.tokenRequests == 0)
            #expect(server.stats.requests(for: .details) == 0)
            #expect(server.stats.requests(for: .execute) == 0)
        }
    }
}
