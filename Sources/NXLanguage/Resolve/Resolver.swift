/// Checks a parsed program before anything runs (the model is starlark-go's `resolve`): every
/// name is declared before use in a scope that is still open, every function exists, built-ins
/// get as many arguments as they take, and literal command parts have the type their clause
/// needs. It reports only what is certain to fail when reached, so a valid script stays valid:
/// names inside pipeline stages may be record fields (`where status == "failure"`) and are
/// left to the evaluator.
struct Resolver {
    private var scopes: [Set<String>]
    private let hostFunctions: [String]
    /// Depth of enclosing pipeline stages; bare names there are resolved at run time.
    private var stageDepth = 0
    /// Where each open scope ends (`nil` for the program), for the bindings' visibility.
    private var scopeEnds: [Int?] = [nil]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var bindings: [Binding] = []
    private(set) var commands: [CommandUse] = []

    /// `globals`: names already bound (predefined variables, earlier REPL entries); `_` is
    /// always known since any shown value binds it.
    init(globals: some Sequence<String>, hostFunctions: [String]) {
        scopes = [Set(globals).subtracting(["_"])]
        self.hostFunctions = hostFunctions
    }

    /// Names bound at the top level (visible to a later source of the same session).
    var topLevelNames: Set<String> { scopes[0] }

    static func resolve(_ statements: [Stmt], globals: some Sequence<String>, hostFunctions: [String]) -> Resolver {
        var resolver = Resolver(globals: globals, hostFunctions: hostFunctions)
        resolver.statements(statements)
        resolver.diagnostics.sort { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return resolver
    }

    // MARK: Statements

    private mutating func statements(_ body: [Stmt]) {
        for statement in body { self.statement(statement) }
    }

    private mutating func block(_ body: [Stmt], in statement: Stmt, binding name: (String, SourceSpan)? = nil) {
        scopes.append([])
        scopeEnds.append(statement.span.end)
        if let (name, span) = name {
            declare(name, span, .loopVariable, visibleFrom: span.end)
            scopes.append([])
        }
        statements(body)
        scopes.removeLast(name == nil ? 1 : 2)
        scopeEnds.removeLast()
    }

    private mutating func declare(_ name: String, _ span: SourceSpan, _ kind: Binding.Kind, visibleFrom: Int) {
        scopes[scopes.count - 1].insert(name)
        bindings.append(Binding(name: name, kind: kind, span: span, visibleFrom: visibleFrom,
                                visibleUntil: scopeEnds.last ?? nil))
    }

    private mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .declare(let name, let nameSpan, let value):
            expression(value)
            declare(name, nameSpan, .variable, visibleFrom: statement.span.end)
        case .assign(let name, let nameSpan, let value):
            expression(value)
            if !isDeclared(name) {
                report(Catalog.assignToUndeclared(name, suggestion: Suggestions.closest(to: name, in: visibleNames)), nameSpan)
            }
        case .expression(let expr):
            expression(expr)
        case .print(let arguments):
            arguments.forEach { expression($0) }
        case .ifElse(let condition, let then, let otherwise):
            expression(condition)
            block(then, in: statement)
            if let otherwise { block(otherwise, in: statement) }
        case .forIn(let name, let nameSpan, let sequence, let body):
            expression(sequence)
            block(body, in: statement, binding: (name, nameSpan))
        case .assert(let condition, let message):
            expression(condition)
            if let message { expression(message) }
        case .exit(let status):
            if let status { expression(status) }
        }
    }

    // MARK: Expressions

    private mutating func expression(_ expr: Expr) {
        switch expr.kind {
        case .literal:
            break
        case .interpolated(let segments):
            for case .expr(let inner) in segments { expression(inner) }
        case .variable(let name):
            if stageDepth == 0, !isDeclared(name) {
                let suggestion = Suggestions.closest(to: name, in: visibleNames + hostFunctions)
                report(Catalog.unknownVariable(name, suggestion: suggestion), expr.span)
            }
        case .list(let elements):
            elements.forEach { expression($0) }
        case .map(let entries):
            entries.forEach { expression($0.value) }
        case .unary(_, let operand):
            expression(operand)
        case .binary(_, let left, let right):
            expression(left)
            expression(right)
        case .field(let base, _):
            expression(base)
        case .index(let base, let key):
            expression(base)
            expression(key)
        case .call(let name, let arguments):
            arguments.forEach { expression($0) }
            call(name, arguments.count, expr.span)
        case .command(let command):
            self.command(command, expr.span)
        case .pipeline(let source, let stages):
            expression(source)
            stageDepth += 1
            for item in stages { stage(item) }
            stageDepth -= 1
        }
    }

    private mutating func call(_ name: String, _ count: Int, _ span: SourceSpan) {
        if let arity = Builtins.arity[name] {
            if !arity.contains(count) {
                report(Catalog.argumentCount(name, expected: Arguments.expected(arity), got: count), span)
            }
        } else if !hostFunctions.contains(name) {
            let suggestion = Suggestions.closest(to: name, in: Builtins.names + hostFunctions)
            report(Catalog.unknownFunction(name, suggestion: suggestion), span)
        }
    }

    private mutating func command(_ call: CommandCall, _ span: SourceSpan) {
        commands.append(CommandUse(call, span: span))
        if let operand = call.operand {
            expression(operand)
            if let message = CommandLiterals.operandProblem(operand, of: call.spec) { report(message, operand.span) }
        }
        for clause in call.clauses {
            expression(clause.value)
            guard let type = call.spec.clause(clause.word)?.type else { continue }
            if let message = CommandLiterals.clauseProblem(clause.value, type, word: clause.word, of: call.spec) {
                report(message, clause.value.span)
            }
        }
    }

    private mutating func stage(_ stage: Stage) {
        switch stage.kind {
        case .filter(let condition): expression(condition)
        case .first(let count?), .last(let count?): expression(count)
        case .select, .sort, .first, .last, .count, .pluck: break
        }
    }

    // MARK: Scopes

    private func isDeclared(_ name: String) -> Bool {
        name == "_" || scopes.contains { $0.contains(name) }
    }

    /// Sorted like the evaluator's `Scope.visibleNames`, so both suggest the same name.
    private var visibleNames: [String] {
        scopes.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
    }

    private mutating func report(_ message: Message, _ span: SourceSpan) {
        diagnostics.append(Diagnostic(message, at: span))
    }
}
