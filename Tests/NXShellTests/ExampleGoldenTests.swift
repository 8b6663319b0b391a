import Foundation
import Testing

/// Runbooks of examples/ with a fixed outcome, run by the built binary against `--sandbox`
/// (its clock sped up so `wait` ends at once) and compared with Golden/examples/NAME.out.
/// `NXSH_GOLDEN_RECORD=1` rewrites the transcripts and fails, like the other goldens.
@Suite struct ExampleGoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/examples")

    @Test(arguments: ["repair-then-ask"])
    func transcript(_ name: String) async throws {
        let home = try TempDir()
        let env = CLI.environment(home: home.path, extra: ["NXSH_SANDBOX_TIME_SCALE": "3600"])
        let script = CLI.repositoryRoot.appendingPathComponent("examples/\(name).nxs").path
        let r = try await CLI.launch(["--sandbox", "--yes", script], environment: env)
        let actual = "--- stdout\n" + r.stdout + "--- stderr\n" + Self.steady(r.stderr) + "--- exit \(r.status)\n"
        let expectedURL = Self.directory.appendingPathComponent("\(name).out")
        if ProcessInfo.processInfo.environment["NXSH_GOLDEN_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("\(name): recorded \(expectedURL.lastPathComponent); review it with git diff, then rerun without NXSH_GOLDEN_RECORD")
            return
        }
        #expect(actual == (try String(contentsOf: expectedURL, encoding: .utf8)), "\(name): transcript differs")
    }

    /// Without what changes from run to run: the sandbox's banner (its port) and elapsed times.
    static func steady(_ stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("nxsh: sandbox mode") }.joined(separator: "\n")
            .replacingOccurrences(of: "after [0-9]+s", with: "after <n>s", options: .regularExpression)
    }
}
