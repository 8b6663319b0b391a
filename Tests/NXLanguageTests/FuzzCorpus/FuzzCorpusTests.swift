import Foundation
import NXLanguage
import Testing

/// Replays every input kept under FuzzCorpus/inputs/ (crashes the fuzzer found once, and inputs
/// that reached new code) through the same checks as Sources/FuzzNXLanguage: the whole pipeline
/// (parse, evaluate against the in-memory host, render) must end with a well-formed outcome.
struct FuzzCorpusTests {
    struct Input: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let inputs: [Input] = {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("inputs"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().compactMap { name in
            // Kept as bytes: fuzz inputs are often not valid UTF-8, and the shell decodes them this way too.
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
            return Input(name: name, text: String(decoding: data, as: UTF8.self))
        }
    }()

    @Test func corpusIsPresent() {
        #expect(Self.inputs.count >= 20)
    }

    @Test(arguments: inputs)
    func replay(_ input: Input) async {
        let file = SourceFile(name: "fuzz.nxs", text: input.text)
        _ = Continuation.isIncomplete(input.text)
        let host = TestHost()
        let run = Task { await Interpreter(host: host).run(file) }
        // Same budget idea as the fuzz target: looping scripts are legal, so cut them off.
        let watchdog = Task {
            try? await Task.sleep(for: .seconds(2))
            run.cancel()
        }
        let outcome = await run.value
        watchdog.cancel()
        let size = input.text.utf8.count
        for diagnostic in outcome.diagnostics {
            if let span = diagnostic.span {
                #expect(span.start >= 0 && span.end <= size, "span \(span) outside a \(size)-byte input")
            }
            #expect(DiagnosticRenderer.render(diagnostic, in: file).contains(TerminalText.escape(diagnostic.message)))
        }
        #expect((0...255).contains(outcome.exitCode))
        #expect(outcome.diagnostics.isEmpty || outcome.exitCode != 0)
        if let value = outcome.lastValue {
            #expect(!ValueFormatter.display(value, maxWidth: 60).isEmpty || value == .string(""))
            _ = ValueFormatter.json(value)
        }
    }
}
