import Foundation
import NXLanguage
import Testing

/// One `.nxs` script under Golden/<area>/ with its expected transcript `<name>.out`.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    let area: String
    let name: String
    let script: URL

    var testDescription: String { "\(area)/\(name)" }

    static let all: [GoldenCase] = {
        guard let root = Bundle.module.resourceURL?.appendingPathComponent("Golden"),
              let areas = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return [] }
        return areas.sorted().flatMap { area -> [GoldenCase] in
            let folder = root.appendingPathComponent(area)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.filter { $0.hasSuffix(".nxs") }.sorted().map {
                GoldenCase(area: area, name: String($0.dropLast(4)), script: folder.appendingPathComponent($0))
            }
        }
    }()
}

/// Set NXSH_GOLDEN_RECORD=1 to rewrite the `.out` files from the current behaviour; the run then
/// fails, so a new baseline is read (`git diff`) before it can pass.
@Test("golden transcript", arguments: GoldenCase.all)
func golden(_ golden: GoldenCase) async throws {
    let source = try String(contentsOf: golden.script, encoding: .utf8)
    let actual = await Transcript.run(source, name: "\(golden.name).nxs")
    let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(golden.area)
    let expectedURL = sourceFolder.appendingPathComponent("\(golden.name).out")
    if ProcessInfo.processInfo.environment["NXSH_GOLDEN_RECORD"] == "1" {
        try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
        Issue.record("recorded \(golden.testDescription).out; review it with git diff, then rerun without NXSH_GOLDEN_RECORD")
        return
    }
    let expected = try String(contentsOf: golden.script.deletingPathExtension().appendingPathExtension("out"), encoding: .utf8)
    #expect(actual == expected, "transcript of \(golden.testDescription) differs; rerun with NXSH_GOLDEN_RECORD=1 to update")
}

@Test func goldenCasesAreDiscovered() {
    #expect(GoldenCase.all.count >= 70)
    #expect(Set(GoldenCase.all.map(\.area)) == ["control", "errors", "lexing", "malformed", "parsing", "pipelines", "values"])
}

enum Transcript {
    /// stdout (prints and shown values), then stderr (rendered diagnostics), then the exit status.
    static func run(_ source: String, name: String) async -> String {
        let host = TestHost()
        let interpreter = Interpreter(host: host, variables: ["args": .list([.string("first"), .string("second")])])
        let file = SourceFile(name: name, text: source)
        let outcome = await interpreter.run(file)
        var text = "--- stdout\n"
        for line in host.lines { text += line + "\n" }
        text += "--- stderr\n"
        for diagnostic in outcome.diagnostics { text += DiagnosticRenderer.render(diagnostic, in: file) + "\n" }
        return text + "--- exit \(outcome.exitCode)\n"
    }
}
