import Foundation
import TestSupport
import Testing

/// The built binary in sandbox mode: a killed run leaves an audit log that says what was
/// sent, and a partly failed run ends the process with status 71.
@Suite(.serialized) struct FleetCLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
        let ids = (0..<25_000).map { n -> String in
            let hex = String(n, radix: 16)
            return "0e1d2c3b-4a59-4687-a5b4-" + String(repeating: "0", count: 12 - hex.count) + hex
        }
        try ids.joined(separator: "\n").write(toFile: home.path + "/devices.txt", atomically: true, encoding: .utf8)
    }

    var auditPath: String { home.path + "/state/nxsh/audit-sandbox.jsonl" }

    func auditLines() -> [[String: Any]] {
        Self.auditLines(auditPath)
    }

    static func auditLines(_ path: String) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    @Test func killDuringASlowRunLeavesALogOfWhatWasSent() async throws {
        var environment = env
        environment["NXSH_SANDBOX_FAULTS"] = "execute:delay:2s*10"
        let child = try ChildProcess(CLI.binary, ["--sandbox", "--yes", "--concurrency", "1", "-e", "run #get_battery_status on read(\"devices.txt\")"],
                                     environment: environment, directory: home.path)
        // Wait until batch 1 came back and batch 2 is on its way, then kill -9.
        let path = auditPath
        child.send(SIGKILL, when: { Self.auditLines(path).contains { $0["event"] as? String == "intent" && $0["batch"] as? Int == 2 } })
        #expect(try await child.finish().signaled)

        let lines = auditLines()
        let summary = lines.map { "\($0["event"] as? String ?? "?") \($0["batch"] as? Int ?? 0)" }
        #expect(summary == ["intent 1", "result 1", "intent 2"])
        let result = try #require(lines.first { $0["event"] as? String == "result" })
        #expect((result["requestId"] as? String)?.count == 36)
        #expect(result["deviceRange"] as? String == "1-10000")
        let pending = try #require(lines.last)
        #expect(pending["deviceRange"] as? String == "10001-20000")
        #expect((pending["devicesSha256"] as? String)?.count == 64)
        #expect(pending["requestId"] == nil)
    }

    @Test func partlyFailedRunExits71AndSaysWhichDevices() async throws {
        var environment = env
        environment["NXSH_SANDBOX_FAULTS"] = "execute:delay:0s,execute:status:500"
        let r = try await CLI.launch(["--sandbox", "--yes", "--concurrency", "1", "-e", "let r = run #get_battery_status on read(\"devices.txt\")",
                                      "-e", "print r.failedBatches, count(r.requestIds)"],
                                     environment: environment, directory: home.path)
        #expect(r.status == 71, "\(r.stderr)")
        #expect(r.stdout == "1 2\n")
        #expect(r.stderr.contains("batch 2 (devices 10001-20000) failed"))
        #expect(r.stderr.contains("OUTCOME UNKNOWN"))
    }

    @Test func concurrencyFlagIsChecked() async throws {
        let r = try await CLI.launch(["--concurrency", "0", "-e", "print 1"], environment: env)
        #expect(r.status == 64)
        #expect(r.stderr.contains("--concurrency must be 1 or more"))
    }
}
