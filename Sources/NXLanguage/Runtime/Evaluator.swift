/// Walks the syntax tree of one run. Every async method runs on the caller's executor, so the
/// non-Sendable frame and globals never cross isolation.
final class Evaluator {
    let host: any LanguageHost
    let globals: Globals
    let file: SourceFile
    let locals: Frame
    /// Current elements of enclosing `where` stages: `it`, and the fields bare names refer to.
    /// Unchecked for the reason given in `Frame`.
    @exclusivity(unchecked) var elements: [Value] = []
    private(set) var lastShown: Value?

    init(host: any LanguageHost, globals: Globals, file: SourceFile, localNames: [String]) {
        self.host = host
        self.globals = globals
        self.file = file
        locals = Frame(names: localNames)
    }

    /// Top-level expression statements show their value (REPL style); inside blocks they do not.
    nonisolated(nonsending) func runProgram(_ statements: Statements) async throws {
        for statement in statements {
            try checkCancelled()
            guard case .expression(let expr) = statement.kind else {
                try await execute(statement)
                continue
            }
            let value = try await evaluate(expr)
            if value != .null {
                host.show(value)
                globals.values[Globals.lastShown] = value
                lastShown = value
            }
        }
    }

    func checkCancelled() throws {
        if Task.isCancelled { throw Interruption.cancelled }
    }

    nonisolated(nonsending) func execute(_ statement: Stmt) async throws {
        switch statement.kind {
        case .declare(let name, let value):
            try bind(name.slot, try await evaluate(value), at: name.span)
        case .assign(let name, let value):
            try assign(name, try await evaluate(value))
        case .expression(let expr):
            _ = try await evaluate(expr)
        case .print(let arguments):
            var texts: [String] = []
            for argument in arguments { texts.append(ValueFormatter.text(try await evaluate(argument))) }
            host.printLine(texts.joined(separator: " "))
        case .ifElse(let condition, let body, let otherwise):
            if try await self.condition(condition, "'if' condition") {
                try await executeBlock(body)
            } else if let otherwise {
                try await executeBlock(otherwise)
            }
        case .forIn(let name, let sequence, let body):
            try await executeLoop(name, sequence, body)
        case .assert(let condition, let message):
            try await executeAssert(condition, message)
        case .exit(let status):
            throw Interruption.exit(try await exitStatus(status))
        }
    }

    nonisolated(nonsending) private func executeBlock(_ body: Statements) async throws {
        let mark = locals.mark
        defer { locals.unbind(to: mark) }
        try await executeStatements(body)
    }

    nonisolated(nonsending) private func executeStatements(_ body: Statements) async throws {
        for statement in body {
            try checkCancelled()
            if try !executeNow(statement.kind) { try await execute(statement) }
        }
    }

    nonisolated(nonsending) private func executeLoop(_ name: Name, _ sequence: Expr, _ body: Statements) async throws {
        let value = try await evaluate(sequence)
        guard case .list(let elements) = value else {
            throw Interruption.error(Catalog.notIterable(value.typeName), at: sequence.span)
        }
        // Each iteration starts with the loop variable alone: the body's `let`s are unbound.
        let mark = locals.mark
        defer { locals.unbind(to: mark) }
        let immediate = body.allSatisfy(Evaluator.runsNow)
        let kinds = immediate ? body.map(\.kind) : []
        let slot = name.slot
        for element in elements {
            try checkCancelled()
            locals.unbind(to: mark)
            try bind(slot, element, at: name.span)
            if immediate {
                for kind in kinds { _ = try executeNow(kind) }
            } else {
                try await executeStatements(body)
            }
        }
    }

    nonisolated(nonsending) private func executeAssert(_ condition: Expr, _ message: Expr?) async throws {
        guard try await !self.condition(condition, "'assert' condition") else { return }
        let text = if let message { ValueFormatter.text(try await evaluate(message)) } else { file.text(of: condition.span) }
        throw Interruption.error(Catalog.assertionFailed(text), at: condition.span)
    }

    nonisolated(nonsending) private func exitStatus(_ expr: Expr?) async throws -> Int32 {
        guard let expr else { return 0 }
        let value = try await evaluate(expr)
        guard case .int(let status) = value else {
            throw Interruption.error(Catalog.expectedType("the exit status", expected: "an int", got: value.typeName), at: expr.span)
        }
        guard (0...255).contains(status) else { throw Interruption.error(Catalog.exitCodeRange(status), at: expr.span) }
        return Int32(status)
    }

    nonisolated(nonsending) func condition(_ expr: Expr, _ construct: String) async throws -> Bool {
        try truth(await evaluate(expr), construct, at: expr.span)
    }
}
