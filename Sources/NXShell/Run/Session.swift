import NXLanguage
import Synchronization

/// The one code path of every run mode: parse → report → run. Diagnostics go to stderr in the
/// compiler format; the outcome's exit status is returned.
final class Session: Sendable {
    let interpreter: Interpreter
    let console: Console
    private let arguments: [String]
    private let state = Mutex(State())

    private struct State {
        var argumentsDefined = false
        /// Variable names after the last run, for completion (which cannot wait on the actor).
        var names: [String] = []
    }

    init(host: any LanguageHost, console: Console, arguments: [String]) {
        self.interpreter = Interpreter(host: host)
        self.console = console
        self.arguments = arguments
    }

    var variableNames: [String] {
        state.withLock { $0.names }
    }

    /// Runs one source (one REPL entry): parse, resolve, report, run.
    func run(name: String, text: String) async -> RunOutcome {
        await run(prepare([SourceFile(name: name, text: text)])[0])
    }

    /// Parses and resolves sources that run one after the other; `args` is known to all of them.
    func prepare(_ sources: [SourceFile]) async -> [ParsedProgram] {
        await defineArguments()
        return await interpreter.prepare(sources)
    }

    /// Reports the syntax and resolver errors of every program; true when there were none, so a caller can
    /// refuse to run any of them (exit 65 means nothing ran).
    func reportSyntaxErrors(_ programs: [ParsedProgram]) -> Bool {
        for program in programs where !program.diagnostics.isEmpty {
            report(program.diagnostics, in: program.file)
        }
        return programs.allSatisfy { $0.diagnostics.isEmpty }
    }

    /// Runs one parsed source and reports its diagnostics.
    func run(_ program: ParsedProgram) async -> RunOutcome {
        await defineArguments()
        let outcome = await interpreter.run(program)
        let names = await interpreter.variableNames
        state.withLock { $0.names = names }
        report(outcome.diagnostics, in: program.file)
        return outcome
    }

    private func defineArguments() async {
        if state.withLock({ s in defer { s.argumentsDefined = true }; return !s.argumentsDefined }) {
            await interpreter.define("args", .list(arguments.map { .string($0) }))
        }
    }

    private func report(_ diagnostics: [Diagnostic], in file: SourceFile) {
        guard !diagnostics.isEmpty else { return }
        console.styled(DiagnosticRenderer.render(diagnostics, in: file, color: console.colorErr))
    }
}
