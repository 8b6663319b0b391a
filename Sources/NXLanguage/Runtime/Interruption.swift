/// Why evaluation stopped early. Thrown through the evaluator, caught by `Interpreter.run`.
enum Interruption: Error {
    /// `exit N`.
    case exit(Int32)
    /// A runtime or host error; the script ends with `exitCode`.
    case failure(Diagnostic, exitCode: Int32)
    /// The surrounding task was cancelled (Ctrl-C).
    case cancelled

    static func error(_ message: Message, at span: SourceSpan?) -> Interruption {
        .failure(Diagnostic(message, at: span), exitCode: ExitStatus.runtime)
    }
}
