import NXLanguage
import NexthinkEmulator
import Testing
@testable import NXShell

/// `status` and `wait` on a `run workflow` result read `#workflow_executions_by_request`, on the
/// emulator's execution lifecycle (time running 6000x).
@Suite struct WorkflowStatusTests {
    static let ok = "3fa85f64-5717-4562-b3fc-2c963f66afa6"        // LAPTOP-01, online
    static let failing = "3d2163ec-e886-535a-9eb6-93801f66ff32"   // LAPTOP-05, script fails

    @Test func waitFollowsEveryExecutionOfAWorkflowRun() async throws {
        var emulator = EmulatorOptions()
        emulator.timeScale = 6_000
        try await withFleetSession(emulator: emulator) { s in
            let status = await s.run("""
                let w = run workflow #wf_restart_spooler on [\(Self.ok), <collectorUid: \(Self.failing)>] with <reason: "test">
                let first = status w
                let rows = wait w timeout 1m
                """)
            #expect(status == 0, "\(s.err.text)")
            #expect(await s.value("first")?.items.count == 2)
            let rows = await s.value("rows")?.items ?? []
            let byDevice = Dictionary(rows.compactMap { row -> (String, String)? in
                guard case .string(let name)? = row["device.name"], case .string(let status)? = row["status"] else { return nil }
                return (name, status)
            }, uniquingKeysWith: { first, _ in first })
            #expect(byDevice == ["LAPTOP-01": "success", "LAPTOP-05": "failure"])
            #expect(rows.allSatisfy { $0["workflow.nql_id"] == .string("#wf_restart_spooler") })
            #expect(s.err.text.contains("wait: all 2 executions final"))
            #expect(s.server.stats.requests(for: .workflowExecute) == 1)
        }
    }

    @Test func aDryRunResultHasNothingToFollow() async throws {
        try await withFleetSession(options: ShellOptions(dryRun: true, tokenCache: false)) { s in
            let status = await s.run("let w = run workflow #wf_reset_password users [\"S-1-5-21-1-2-3-1001\"]\nstatus w")
            #expect(status == 70)
            #expect(s.err.text.contains("dry-run result"))
            #expect(s.server.stats.requests(for: .workflowExecute) == 0)
        }
    }
}
