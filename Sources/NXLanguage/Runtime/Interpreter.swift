/// The result of running one source: exit status 0 (success), 65 (syntax or resolver errors,
/// nothing ran), 70 (runtime error), 130 (cancelled), a `HostError.exitCode`, or the script's `exit N`.
public struct RunOutcome: Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public var exitCode: Int32
    /// The last value shown by a top-level expression statement, if any.
    public var lastValue: Value?
    /// True when the script ended with an `exit` statement, whatever its status: `exit 0`
    /// must still end a REPL session or skip the remaining `-e` sources.
    public var exited: Bool

    public init(diagnostics: [Diagnostic] = [], exitCode: Int32 = ExitStatus.ok, lastValue: Value? = nil,
                exited: Bool = false) {
        self.diagnostics = diagnostics
        self.exitCode = exitCode
        self.lastValue = lastValue
        self.exited = exited
    }
}

/// One source, parsed: its syntax errors, or statements ready to run.
public struct ParsedProgram: Sendable {
    public let file: SourceFile
    let statements: Statements
    public let diagnostics: [Diagnostic]
    /// The names of the local slots, once the resolver has placed every variable.
    var localNames: [String] = []
    /// The globals whose slots the statements use; `nil` before resolving.
    var resolvedFor: ObjectIdentifier?
}

/// Runs nxsh source against a host. Variables persist across `run` calls, so a REPL feeds each
/// chunk to the same interpreter; `_` holds the last shown value.
///
/// An actor so a shell can run each chunk in its own `Task` and cancel it on Ctrl-C:
/// evaluation checks `Task.isCancelled` between statements and loop iterations.
public actor Interpreter {
    private let host: any LanguageHost
    private let globals = Globals()

    /// `variables` are predefined globals, e.g. `["args": .list([...])]`.
    public init(host: any LanguageHost, variables: [String: Value] = [:]) {
        self.host = host
        for (name, value) in variables { globals[name] = value }
    }

    /// Defines (or replaces) a global variable before or between runs, e.g. `args`.
    public func define(_ name: String, _ value: Value) {
        globals[name] = value
    }

    /// Current value of a global variable.
    public func value(of name: String) -> Value? {
        globals[name]
    }

    /// Global variable names, sorted (for REPL completion).
    public var variableNames: [String] {
        globals.assignedNames
    }

    /// Parses one source without running anything, so a caller with several sources (every
    /// `-e`, a script) can check them all before the first statement has any effect.
    public nonisolated static func parse(_ source: SourceFile) -> ParsedProgram {
        let (statements, diagnostics) = Parser.parse(source)
        return ParsedProgram(file: source, statements: statements, diagnostics: diagnostics)
    }

    /// Parses and resolves sources that run one after the other (every `-e`, a script, one REPL
    /// entry) before any of them runs: names a source declares at top level are known to the
    /// sources after it. A program with diagnostics must not run (exit 65 means nothing ran).
    public func prepare(_ sources: [SourceFile]) -> [ParsedProgram] {
        var known = Set(globals.assignedNames)
        return sources.map { source in
            let parsed = Self.parse(source)
            guard parsed.diagnostics.isEmpty else { return parsed }
            let resolved = resolve(parsed, known: known)
            known.formUnion(resolved.topLevelNames)
            return resolved.program
        }
    }

    private func resolve(_ parsed: ParsedProgram, known: Set<String>) -> (program: ParsedProgram, topLevelNames: Set<String>) {
        let resolver = Resolver.resolve(parsed.statements, known: known, hostFunctions: host.functionNames, globals: globals)
        let program = ParsedProgram(file: parsed.file, statements: resolver.program, diagnostics: resolver.diagnostics,
                                    localNames: resolver.localNames, resolvedFor: ObjectIdentifier(globals))
        return (program, resolver.topLevelNames)
    }

    /// Parses and resolves the whole source, then evaluates it only if both found no errors.
    public func run(_ source: SourceFile) async -> RunOutcome {
        await run(prepare([source])[0])
    }

    /// Evaluates a prepared program; one with syntax or resolver errors does not run at all (exit 65).
    /// Checks `Task.isCancelled` between statements and loop iterations.
    public func run(_ program: ParsedProgram) async -> RunOutcome {
        // A program from `parse` alone, or prepared by another interpreter, is resolved here.
        var program = program
        if program.diagnostics.isEmpty, program.resolvedFor != ObjectIdentifier(globals) {
            program = resolve(program, known: Set(globals.assignedNames)).program
        }
        guard program.diagnostics.isEmpty else {
            return RunOutcome(diagnostics: program.diagnostics, exitCode: ExitStatus.scriptError)
        }
        let evaluator = Evaluator(host: host, globals: globals, file: program.file, localNames: program.localNames)
        do {
            try await evaluator.runProgram(program.statements)
            return RunOutcome(lastValue: evaluator.lastShown)
        } catch let interruption as Interruption {
            switch interruption {
            case .exit(let status):
                return RunOutcome(exitCode: status, lastValue: evaluator.lastShown, exited: true)
            case .failure(let diagnostic, let status):
                return RunOutcome(diagnostics: [diagnostic], exitCode: status, lastValue: evaluator.lastShown)
            case .cancelled:
                return RunOutcome(diagnostics: [Diagnostic(Catalog.interrupted(), at: nil)],
                                  exitCode: ExitStatus.interrupted, lastValue: evaluator.lastShown)
            }
        } catch {
            return RunOutcome(diagnostics: [Diagnostic(Catalog.hostFailure(), at: nil)],
                              exitCode: ExitStatus.runtime, lastValue: evaluator.lastShown)
        }
    }
}
