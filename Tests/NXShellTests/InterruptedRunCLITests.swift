import Foundation
import Testing

/// Issue 9, item 8: SIGINT or SIGTERM during a multi-batch run in a script starts no new
/// batch, records the in-flight one, prints the partial result and exits 130.
@Suite(.serialized) struct InterruptedRunCLITests {
    let home: TempDir
    let env: [String: String]

    init() throws {
        home = try TempDir()
        env = CLI.environment(home: home.path)
        let ids = (0..<25_000).map { n -> String in
            let hex = String(n, radix: 16)
            return "1e1d2c3b-4a59-4687-a5b4-" + String(repeating: "0", count: 12 - hex.count) + hex
        }
        try ids.joined(separator: "\n").write(toFile: home.path + "/devices.txt", atomically: true, encoding: .utf8)
    }

    private var auditPath: String { home.path + "/state/nxsh/audit-sandbox.jsonl" }

    private static func events(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let record = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return "\(record["event"] as? String ?? "?") \(record["batch"] as? Int ?? 0)"
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func signalStopsTheRunWithItsPartialResult(_ signal: Int32) async throws {
        var environment = env
        environment["NXSH_SANDBOX_FAULTS"] = "execute:delay:2s*10"
        let audit = auditPath
        var options = ProcessDriver.Options()
        options.signal = signal
        // Batch 1 came back and batch 2 is on the wire.
        options.signalWhen = { Self.events(audit).contains("intent 2") }
        let r = try await ProcessDriver.run(
            ["--sandbox", "--yes", "--concurrency", "1", "-e", "let r = run #get_battery_status on read(\"devices.txt\")",
             "-e", "print \"not reached\""],
            environment: environment, directory: home.path, options: options)
        #expect(!r.hung)
        #expect(r.status == 130, "\(r.stderr)")
        #expect(r.stdout.contains("batchResults"), "no partial result: \(r.stdout)")
        #expect(!r.stdout.contains("not reached"))
        #expect(r.stderr.contains("1 of 3 batches were sent") || r.stderr.contains("2 of 3 batches were sent"), "\(r.stderr)")
        #expect(Self.events(audit) == ["intent 1", "result 1", "intent 2", "result 2"])
    }
}
