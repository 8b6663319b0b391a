import Foundation
import NexthinkEmulator
import TestSupport
import Testing

/// `run workflow` through the built binary against an emulator over HTTP, whose counters say
/// what was sent: consent, dry run, allow-list, v1 and v2 calls, a fault on the second batch.
@Suite struct WorkflowRunCLITests {
    let home: TempDir
    let env: [String: String]
    static let device = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    static let v1 = "run workflow #wf_restart_spooler on [\(device)] with <reason: \"stuck\">"
    static let v2 = "run workflow #wf_onboarding on [<name: \"LAPTOP-01\">] users [<upn: \"a@acme.com\">, \"S-1-5-21-1-2-3-1002\"]"

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }


    private var auditPath: String { home.path + "/state/nxsh/audit.jsonl" }

    private func auditLines() -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: auditPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func withoutATerminalNothingIsFetchedOrSent() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["-e", Self.v1], environment: CLI.connected(env, to: server))
            #expect(r.status == 64, "\(r.stderr)")
            #expect(r.stderr.contains("nothing was sent") && r.stderr.contains("--yes"))
            #expect(server.stats.requests(for: .workflowDetails) == 0)
            #expect(server.stats.requests(for: .workflowExecute) == 0)
            #expect(!FileManager.default.fileExists(atPath: auditPath))
        }
    }

    @Test func dryRunPrintsTheBodyAndSendsNothing() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["--dry-run", "-e", Self.v2], environment: CLI.connected(env, to: server))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("would run workflow #wf_onboarding (New hire onboarding) on 1 device and 2 users in 1 batch"))
            #expect(r.stderr.contains("POST /api/v2/workflows/execute, body of batch 1:"))
            #expect(r.stderr.contains(##"{"devices":[{"name":"LAPTOP-01"}],"params":{},"users":[{"upn":"a@acme.com"},{"sid":"S-1-5-21-1-2-3-1002"}],"workflowId":"#wf_onboarding"}"##))
            #expect(server.stats.requests(for: .workflowExecute) == 0)
            #expect(!FileManager.default.fileExists(atPath: auditPath))
        }
    }

    /// An allow-list without the workflow, or a read-only profile: exit 77, nothing sent.
    @Test(arguments: [("allowed_workflows = [\"#wf_reset_password\"]", "not in allowed_workflows"),
                      ("read_only = true", "is read-only: workflows cannot be run")])
    func theProfileRefusesBeforeAnythingIsSent(_ setting: String, _ message: String) async throws {
        try await withEmulatorServer { server in
            try CLI.writeProfile(home: home.path, on: server, setting)
            let r = try await CLI.launch(["--yes", "-e", Self.v1], environment: env.merging(["NEXTHINK_CLIENT_SECRET": "sandbox-secret"]) { $1 })
            #expect(r.status == 77, "\(r.stderr)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
            #expect(server.stats.requests(for: .workflowDetails) == 0)
            #expect(server.stats.requests(for: .workflowExecute) == 0)
        }
    }

    @Test func v1AndV2RunsAreAcceptedAndAudited() async throws {
        try await withEmulatorServer { server in
            let r = try await CLI.launch(["--yes", "-o", "json", "-e", "let a = " + Self.v1, "-e", "let b = " + Self.v2,
                                          "-e", "print [a.deviceCount, a.userCount, len(a.executionsUuids), b.deviceCount, b.userCount, len(b.requestUuids)]"],
                                         environment: CLI.connected(env, to: server))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("[1,0,1,1,2,1]") || r.stdout.contains("[1, 0, 1, 1, 2, 1]"), "\(r.stdout)")
            #expect(server.stats.accepted(for: .workflowExecute) == 2)
            let lines = auditLines()
            #expect(lines.map { $0["event"] as? String ?? "" } == ["intent", "result", "intent", "result"])
            #expect(lines.allSatisfy { $0["kind"] as? String == "workflow" })
            #expect(lines.map { $0["action"] as? String ?? "" } == ["#wf_restart_spooler", "#wf_restart_spooler", "#wf_onboarding", "#wf_onboarding"])
            #expect((lines[1]["requestId"] as? String)?.count == 36)
            #expect(lines[2]["deviceCount"] as? Int == 3)
        }
    }

    @Test func serverErrorOnTheSecondBatchExits71AndIsNotResent() async throws {
        let ids = (0..<10_001).map { n -> String in
            let hex = String(n, radix: 16)
            return "0e1d2c3b-4a59-4687-a5b4-" + String(repeating: "0", count: 12 - hex.count) + hex
        }
        try ids.joined(separator: "\n").write(toFile: home.path + "/devices.txt", atomically: true, encoding: .utf8)
        try await withEmulatorServer { server in
            server.faults.inject(.workflowExecute, .delay(.milliseconds(1)))
            server.faults.inject(.workflowExecute, .status(500))
            let r = try await CLI.launch(["--yes", "--concurrency", "1", "-e", "let w = run workflow #wf_restart_spooler on read(\"devices.txt\")",
                                          "-e", "print w.failedBatches, len(w.requestUuids), w.batchResults[1].outcomeUnknown"],
                                         environment: CLI.connected(env, to: server), directory: home.path)
            #expect(r.status == 71, "\(r.stderr)")
            #expect(r.stdout == "1 1 true\n")
            #expect(r.stderr.contains("batch 2 (targets 10001-10001) failed"), "\(r.stderr)")
            #expect(r.stderr.contains("OUTCOME UNKNOWN"))
            #expect(server.stats.requests(for: .workflowExecute) == 2)
            #expect(server.stats.accepted(for: .workflowExecute) == 1)
        }
    }
}
