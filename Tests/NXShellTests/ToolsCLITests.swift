import Foundation
import NXLanguage
import Testing

/// `nxsh check` and `nxsh fmt` through the built binary; the language server is tested by
/// `scripts/lsp-test`, a client that speaks the protocol over pipes.
@Suite(.serialized) struct ToolsCLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = home.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func checkFindsATypoAfterTheFirstRunWithoutSendingAnything() async throws {
        let path = try write("typo.nxs", "run #restart_service on [3fa85f64-5717-4562-b3fc-2c963f66afa6]\nprint devz\n")
        let r = try await CLI.launch(["check", "--offline", path], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.contains("typo.nxs:2:7: error: unknown variable 'devz'"))
        let run = try await CLI.launch(["--sandbox", "--yes", path], environment: env)
        #expect(run.status == 65, "the resolver stops the script before the run")
        #expect(!run.stdout.contains("requestId"))
    }

    @Test func checkAgainstTheSandboxCatalogueCachesItAndPrintsJSON() async throws {
        let path = try write("ids.nxs", "run #restart_servce on [\"LAPTOP\"] with <ServiceName: \"x\">\n")
        let first = try await CLI.launch(["check", "--sandbox", "-o", "json", path], environment: env)
        #expect(first.status == 65)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{") && $0.contains("\"file\"") && $0.contains("\"line\":1") })
        #expect(first.stdout.contains("did you mean '#restart_service'?"))
        #expect(first.stdout.contains("invalid device id 'LAPTOP'"))
        #expect(first.stderr.contains("fetched now"))
        let second = try await CLI.launch(["check", "--sandbox", path], environment: env)
        #expect(second.stderr.contains("cached"))
        #expect(second.stderr.contains("--refresh"))
    }

    @Test func checkKnowsWorkflowIDsAndOfflineSkipsThem() async throws {
        let path = try write("wf.nxs", "let w = get workflow #wf_restart_spooller\nprint w.name\n")
        let r = try await CLI.launch(["check", "--sandbox", path], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.contains("wf.nxs:1:22: error: unknown workflow '#wf_restart_spooller'"), "\(r.stderr)")
        #expect(r.stderr.contains("note: did you mean '#wf_restart_spooler'?"))
        #expect(r.stderr.contains("9 workflows, 5 campaigns"))
        let json = try await CLI.launch(["check", "--sandbox", "-o", "json", path], environment: env)
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "line", "column", "end", "severity", "message", "notes"])
        #expect(object["column"] as? Int == 22)
        #expect(try await CLI.launch(["check", "--offline", path], environment: env).status == 0)
    }

    /// Once the table has `run workflow` and `run campaign`, `check` knows their ids and
    /// parameters (the operand kinds say which catalogue).
    @Test(.enabled(if: CommandTable.spec(named: "run workflow") != nil && CommandTable.spec(named: "run campaign") != nil))
    func checkKnowsWhatRunWorkflowAndRunCampaignTrigger() async throws {
        let path = try write("trigger.nxs", """
            run workflow #wf_restart_spooler on [3fa85f64-5717-4562-b3fc-2c963f66afa6] with <Reason: "stuck">
            run campaign #csat_after_fixx for ["S-1-5-21-1-2-3-1001"] expires 7d
            """)
        let r = try await CLI.launch(["check", "--sandbox", path], environment: env)
        #expect(r.status == 65)
        #expect(r.stderr.contains("trigger.nxs:1:82: error: unknown parameter 'Reason' of #wf_restart_spooler"), "\(r.stderr)")
        #expect(r.stderr.contains("did you mean 'reason'?"))
        #expect(r.stderr.contains("trigger.nxs:2:14: error: unknown campaign '#csat_after_fixx'"))
        #expect(try await CLI.launch(["check", "--offline", path], environment: env).status == 0)
    }

    @Test func cleanScriptsAndExamplesPassCheck() async throws {
        let examples = CLI.repositoryRoot.appendingPathComponent("examples").path
        let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".nxs") }
        let r = try await CLI.launch(["check", "--offline"] + files.map { examples + "/" + $0 }, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        let fmt = try await CLI.launch(["fmt", "--check"] + files.map { examples + "/" + $0 }, environment: env)
        #expect(fmt.status == 0, "\(fmt.stdout)")
    }

    @Test func fmtRewritesChecksAndFormatsStandardInput() async throws {
        let path = try write("messy.nxs", "let x=1 // one\nif x>0 { print x }\n")
        let check = try await CLI.launch(["fmt", "--check", path], environment: env)
        #expect(check.status == 1)
        #expect(check.stdout.contains("messy.nxs: would be reformatted"))
        #expect(try await CLI.launch(["fmt", path], environment: env).status == 0)
        let formatted = try String(contentsOfFile: path, encoding: .utf8)
        #expect(formatted == "let x = 1  // one\nif x > 0 {\n    print x\n}\n")
        #expect(try await CLI.launch(["fmt", "--check", path], environment: env).status == 0)
        let piped = try await CLI.launch(["fmt", "-"], environment: env, stdin: "print  1\n")
        #expect(piped.stdout == "print 1\n")
    }

    @Test func aRunbookNamedCheckStillRuns() async throws {
        _ = try write("check", "print \"ran\"\n")
        let r = try await CLI.launch([home.path + "/check"], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "ran\n")
    }
}
