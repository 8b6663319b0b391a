import Foundation
import Testing

/// Doc tests: every nxsh block of README.md and docs/*.md runs against `--sandbox --yes`, so the
/// docs cannot drift from the shell.
///
/// - ```` ```nxs ```` blocks are scripts. Each runs as a file in a scratch directory holding a
///   copy of `examples/` and `devices.txt` (= `examples/devices.txt`), with the sandbox's clock
///   sped up (`NXSH_SANDBOX_TIME_SCALE`) so `wait` ends quickly; transcripts run in real time. It must exit 0. When the block
///   is followed directly by a ```` ```nxs-output ```` block, stdout must equal that block.
/// - ```` ```nxs-repl ```` blocks are REPL transcripts. Lines after `nxsh(sandbox)> ` (and
///   `...> ` continuations) are inputs; the lines up to the next prompt are that input's
///   output, compared with what the shell prints for it after replaying the inputs before it.
///   Not checked: the lines before the first prompt (banner), `^D`, and the confirmation
///   dialogue (`About to run` … `Proceed?`), which only appears on a terminal.
/// - Request ids and other UUIDs, ports and token lifetimes change per run and are normalised.
@Suite struct DocTests {
    struct Block: Sendable, CustomTestStringConvertible {
        var file: String
        var line: Int
        var kind: String
        var text: String
        var output: String?
        var testDescription: String { "\(file):\(line)" }
    }

    static let blocks: [Block] = {
        let root = CLI.repositoryRoot
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/docs")) ?? []
        let files = ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        return files.flatMap { file in
            extract(file: file, text: (try? String(contentsOfFile: root.path + "/" + file, encoding: .utf8)) ?? "")
        }
    }()

    static func extract(file: String, text: String) -> [Block] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let fence = lines[index]
            guard fence.hasPrefix("```") else { index += 1; continue }
            let kind = String(fence.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            var end = index + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            let body = lines[(index + 1)..<min(end, lines.count)].joined(separator: "\n")
            if kind == "nxs-output", var last = blocks.last, last.output == nil, last.kind == "nxs" {
                last.output = body
                blocks[blocks.count - 1] = last
            } else if kind == "nxs" || kind == "nxs-repl" {
                blocks.append(Block(file: file, line: index + 1, kind: kind, text: body))
            }
            index = end + 1
        }
        return blocks
    }

    @Test func everyDocumentHasNxshBlocks() {
        let files = Set(Self.blocks.map(\.file))
        for file in ["README.md", "docs/language.md", "docs/fleet.md", "docs/shell.md"] {
            #expect(files.contains(file), "no nxs block in \(file)")
        }
    }

    @Test(arguments: blocks) func blockRuns(_ block: Block) async throws {
        let scratch = try Scratch()
        if block.kind == "nxs" {
            try block.text.write(toFile: scratch.path + "/doc.nxs", atomically: true, encoding: .utf8)
            let r = try await scratch.run(["doc.nxs"], timeScale: "3600")
            #expect(r.status == 0, "\(block.file):\(block.line): \(r.all)")
            if let output = block.output {
                #expect(Self.normal(r.stdout) == Self.normal(output), "\(block.file):\(block.line)")
            }
        } else {
            for step in Transcript(block.text).steps.indices {
                try await check(Transcript(block.text), step: step, in: scratch, block: block)
            }
        }
    }

    private func check(_ transcript: Transcript, step: Int, in scratch: Scratch, block: Block) async throws {
        let earlier = transcript.steps[..<step].filter { !$0.fails }.flatMap { ["-e", $0.input] }
        let marker = "@@doc-step@@"
        let r = try await scratch.run(earlier + ["-e", "print \"\(marker)\"", "-e", transcript.steps[step].input])
        let stdout = r.stdout.components(separatedBy: marker + "\n").last ?? ""
        let stderr = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("nxsh: sandbox mode") }.joined(separator: "\n")
        let shown = Self.normal(stdout + stderr)
        #expect(shown == Self.normal(transcript.steps[step].output),
                "\(block.file):\(block.line): `\(transcript.steps[step].input)`")
    }

    /// Per-run values replaced, trailing blanks dropped, `-e:` and `<repl>:` locations alike.
    static func normal(_ text: String) -> String {
        var t = text
        let rules: [(String, String)] = [
            ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>"),
            ("127\\.0\\.0\\.1:[0-9]+", "127.0.0.1:<port>"),
            ("expires_in: +[0-9]+", "expires_in: <n>"),
            ("(?m)^(-e|<repl>):", "<input>:"),
            ("(?m)[ \\t]+$", ""),
        ]
        for (pattern, replacement) in rules {
            t = t.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return t.trimmingCharacters(in: .newlines)
    }
}

/// A REPL transcript split into inputs and the output shown for each.
struct Transcript {
    struct Step { var input: String; var output: String; var fails: Bool }
    var steps: [Step] = []

    init(_ text: String) {
        let prompt = "nxsh(sandbox)> ", continuation = "...> "
        var inDialogue = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix(prompt) {
                let input = String(line.dropFirst(prompt.count))
                if input != "^D" { steps.append(Step(input: input, output: "", fails: false)) }
            } else if line.hasPrefix(continuation), !steps.isEmpty {
                steps[steps.count - 1].input += "\n" + line.dropFirst(continuation.count)
            } else if !steps.isEmpty {
                if line.hasPrefix("About to run") { inDialogue = true }
                if !inDialogue {
                    steps[steps.count - 1].output += (steps[steps.count - 1].output.isEmpty ? "" : "\n") + line
                    if line.contains(": error: ") { steps[steps.count - 1].fails = true }
                }
                if line.hasPrefix("Proceed?") { inDialogue = false }
            }
        }
    }
}

/// A scratch working directory with the repository's examples and a `devices.txt`.
struct Scratch {
    let home: TempDir
    var path: String { home.path + "/work" }

    init() throws {
        home = try TempDir()
        let examples = CLI.repositoryRoot.appendingPathComponent("examples").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: examples, toPath: path + "/examples")
        try FileManager.default.copyItem(atPath: examples + "/devices.txt", toPath: path + "/devices.txt")
    }

    /// `timeScale` speeds up the sandbox's clock (for `wait`); transcripts show real-time states.
    func run(_ arguments: [String], timeScale: String? = nil) async throws -> CLI.Result {
        let env = CLI.environment(home: home.path, extra: timeScale.map { ["NXSH_SANDBOX_TIME_SCALE": $0] } ?? [:])
        return try await CLI.launch(["--sandbox", "--yes"] + arguments, environment: env, directory: path)
    }
}
