import NXLanguage
import Synchronization

/// The one code path of every run mode: parse → run → report. Diagnostics go to stderr in the
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

    /// Runs one source (a file, one `-e`, stdin, or one REPL entry).
    func run(name: String, text: String) async -> RunOutcome {
        if state.withLock({ s in defer { s.argumentsDefined = true }; return !s.argumentsDefined }) {
            await interpreter.define("args", .list(arguments.map { .string($0) }))
        }
        let file = SourceFile(name: name, text: text)
        let outcome = await interpreter.run(file)
        let names = await interpreter.variableNames
        state.withLock { $0.names = names }
        if !outcome.diagnostics.isEmpty {
            console.styled(DiagnosticRenderer.render(outcome.diagnostics, in: file, color: console.colorErr))
        }
        return outcome
    }
}
