/// What the language needs from the program embedding it. The core does no I/O itself:
/// printing, files, clock and every API command go through here.
public protocol LanguageHost: Sendable {
    /// Output of the `print` statement: one text line for stdout.
    func printLine(_ text: String)
    /// The value of a top-level expression statement; the host renders it (table, JSON...).
    func show(_ value: Value)
    /// A command of `CommandTable`, evaluated; the host dispatches on `command.name`.
    /// Throw `HostError` for failures the user should see at the command's span (or at the
    /// span of the part at fault, from `command.spans`).
    func perform(_ command: CommandInvocation) async throws -> Value
    /// Host-provided functions such as `read` and `now`; `nil` means "no such function".
    func function(named name: String) -> HostFunction?
    /// Names of host functions, for "did you mean" suggestions and completion.
    var functionNames: [String] { get }
}

public typealias HostFunction = @Sendable (_ arguments: [Value]) async throws -> Value

public enum Platform: String, Sendable { case windows, macos }

/// A failure reported by the host; the evaluator attaches it to the span of the statement or
/// argument that caused it. `span`, when set, points more precisely (e.g. one bad device id).
public struct HostError: Error, Sendable, Equatable {
    public var message: String
    public var notes: [String]
    public var span: SourceSpan?
    /// Process exit status the host wants if this error ends the script (an `ExitStatus`).
    public var exitCode: Int32

    public init(_ message: String, notes: [String] = [], span: SourceSpan? = nil, exitCode: Int32 = ExitStatus.runtime) {
        self.message = message
        self.notes = notes
        self.span = span
        self.exitCode = exitCode
    }
}
