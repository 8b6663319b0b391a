import Foundation
import NexthinkEmulator
import Synchronization
import TestSupport
import Testing
@testable import NXShell

/// API golden tests: each Golden/api/NAME.nxs runs through the shell's real host and client
/// against an emulator over HTTP; the transcript must equal NAME.out exactly.
/// `NXSH_GOLDEN_RECORD=1 swift test --filter GoldenTests` rewrites the .out files and fails, so
/// a new baseline is read (`git diff`) before it can pass.
@Suite struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/api")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".nxs") }.sorted()
    }

    @Test(arguments: cases)
    func transcript(_ name: String) async throws {
        let script = Self.directory.appendingPathComponent(name)
        let text = try String(contentsOf: script, encoding: .utf8)
        let actual = try await Self.run(text, name: name)
        let expectedURL = script.deletingPathExtension().appendingPathExtension("out")
        if ProcessInfo.processInfo.environment["NXSH_GOLDEN_RECORD"] == "1" {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("\(name): recorded \(expectedURL.lastPathComponent); review it with git diff, then rerun without NXSH_GOLDEN_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): transcript differs; rerun with NXSH_GOLDEN_RECORD=1 to see the diff")
    }

    /// Examples that change state run in a scratch copy of examples/ (they write files beside
    /// themselves); their transcripts are Golden/examples/NAME.out.
    @Test(arguments: ["cmdb-sync"])
    func example(_ name: String) async throws {
        let scratch = try TempDir()
        let examples = CLI.repositoryRoot.appendingPathComponent("examples")
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            try FileManager.default.copyItem(atPath: examples.path + "/" + file, toPath: scratch.path + "/" + file)
        }
        let text = try String(contentsOfFile: scratch.path + "/\(name).nxs", encoding: .utf8)
        let actual = try await Self.run(text, name: name + ".nxs", baseDirectory: scratch.path)
        let expectedURL = Self.directory.deletingLastPathComponent().appendingPathComponent("examples/\(name).out")
        if ProcessInfo.processInfo.environment["NXSH_GOLDEN_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            Issue.record("\(name): recorded \(expectedURL.lastPathComponent); review it with git diff, then rerun without NXSH_GOLDEN_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name): transcript differs; rerun with NXSH_GOLDEN_RECORD=1 to see the diff")
    }

    @Test func thereAreGoldenCases() {
        #expect(Self.cases.count >= 8)
    }

    /// `--- stdout`, `--- stderr`, `--- exit N` sections, like the language's goldens.
    static func run(_ text: String, name: String, baseDirectory: String = directory.path) async throws -> String {
        let home = try TempDir()
        return try await withEmulatorServer { server in
            let out = TextBuffer(), err = TextBuffer()
            let console = Console(out: { out.append($0) }, err: { err.append($0) })
            let environment = ["HOME": home.path, "NEXTHINK_API_URL": server.baseURL,
                               "NEXTHINK_CLIENT_ID": "sandbox-client", "NEXTHINK_CLIENT_SECRET": "sandbox-secret"]
            let options = ShellOptions(yes: true, tokenCache: false)
            let context = try await ShellContext.make(options: options, environment: environment, console: console,
                                                      interactive: false, arguments: ["first-arg"],
                                                      baseDirectory: baseDirectory, maxWidth: 100)
            var status = await Sources(items: [(name, text)], baseDirectory: baseDirectory).run(in: context.session)
            // As the process would end: a script that ran to the end after a partial failure exits 71.
            if status == 0, let partial = context.host.outcome.exitStatus { status = partial }
            await context.shutdown()
            func clean(_ s: String) -> String {
                s.replacingOccurrences(of: server.baseURL, with: "http://127.0.0.1:PORT")
                    .replacingOccurrences(of: baseDirectory, with: "<golden>")
            }
            return "--- stdout\n" + clean(out.text) + "--- stderr\n" + clean(err.text)
                + "--- exit \(status)\n"
        }
    }
}

/// Collected console output.
final class TextBuffer: Sendable {
    private let storage = Mutex("")

    func append(_ text: String) { storage.withLock { $0 += text } }
    var text: String { storage.withLock { $0 } }
}
