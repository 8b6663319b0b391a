/// Checks a parsed program before anything runs (the model is starlark-go's `resolve`): every
/// name is declared before use in a scope that is still open, every function exists, built-ins
/// get as many arguments as they take, and literal command parts have the type their clause
/// needs. It reports only what is certain to fail when reached, so a valid script stays valid:
/// names inside pipeline stages may be record fields (`where status == "failure"`) and are
/// left to the evaluator.
///
/// It also gives every variable a slot (`program` is the statements on a tree with the slots
/// filled in): top-level names one in `Globals`, each name a block declares its own in the
/// run's frame.
struct Resolver {
    /// Innermost last; the first holds the top-level names, whose slots are global.
    private var scopes: [[String: Slot]]
    private let globals: Globals
    let hostFunctions: [String]
    /// Depth of enclosing pipeline stages; bare names there are resolved at run time.
    var stageDepth = 0
    /// Where each open scope ends (`nil` for the program), for the bindings' visibility.
    private var scopeEnds: [Int?] = [nil]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var bindings: [Binding] = []
    private(set) var commands: [CommandUse] = []
    private(set) var program: [Stmt] = []
    /// The name of each local slot: a slot is never shared by two declarations.
    private(set) var localNames: [String] = []
    /// The tree the statements' expressions are in, and the slot of each of its variables.
    private var tree: SyntaxTree?
    private var slots: [Slot] = []

    /// `known`: names already bound (predefined variables, earlier REPL entries); `_` is
    /// always known since any shown value binds it. `globals` gives the top-level names their slots.
    init(known: some Sequence<String>, hostFunctions: [String], globals: Globals) {
        self.globals = globals
        scopes = [Dictionary(known.filter { $0 != "_" }.map { ($0, Slot.global(globals.slot(for: $0))) },
                             uniquingKeysWith: { first, _ in first })]
        self.hostFunctions = hostFunctions
    }

    /// Names bound at the top level (visible to a later source of the same session).
    var topLevelNames: Set<String> { Set(scopes[0].keys) }

    static func resolve(_ statements: [Stmt], known: some Sequence<String>, hostFunctions: [String],
                        globals: Globals = Globals()) -> Resolver {
        var resolver = Resolver(known: known, hostFunctions: hostFunctions, globals: globals)
        resolver.program = resolver.statements(statements)
        if let tree = resolver.tree {
            let resolved = tree.resolved(resolver.slots)
            resolver.program = resolver.program.map { $0.rebased(onto: resolved) }
        }
        resolver.diagnostics.sort { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return resolver
    }

    // MARK: Statements

    private mutating func statements(_ body: [Stmt]) -> [Stmt] {
        body.map { statement($0) }
    }

    /// The block's statements, and the slot of the loop variable it binds, if any.
    private mutating func block(_ body: [Stmt], in statement: Stmt,
                                binding name: (String, SourceSpan)? = nil) -> ([Stmt], Slot) {
        scopes.append([:])
        scopeEnds.append(statement.span.end)
        var slot = Slot.unresolved
        if let (name, span) = name {
            slot = declare(name, span, .loopVariable, visibleFrom: span.end)
            scopes.append([:])
        }
        let resolved = statements(body)
        scopes.removeLast(name == nil ? 1 : 2)
        scopeEnds.removeLast()
        return (resolved, slot)
    }

    private mutating func declare(_ name: String, _ span: SourceSpan, _ kind: Binding.Kind, visibleFrom: Int) -> Slot {
        let slot = scopes[scopes.count - 1][name] ?? newSlot(for: name)
        scopes[scopes.count - 1][name] = slot
        bindings.append(Binding(name: name, kind: kind, span: span, visibleFrom: visibleFrom,
                                visibleUntil: scopeEnds.last ?? nil))
        return slot
    }

    private mutating func newSlot(for name: String) -> Slot {
        guard scopes.count > 1 else { return .global(globals.slot(for: name)) }
        localNames.append(name)
        return .local(localNames.count - 1)
    }

    private mutating func statement(_ statement: Stmt) -> Stmt {
        var result = statement
        switch statement.kind {
        case .declare(let name, let nameSpan, let value):
            expression(value)
            result.slot = declare(name, nameSpan, .variable, visibleFrom: statement.span.end)
        case .assign(let name, let nameSpan, let value):
            expression(value)
            if let slot = slot(of: name) {
                result.slot = slot
            } else {
                report(Catalog.assignToUndeclared(name, suggestion: Suggestions.closest(to: name, in: visibleNames)), nameSpan)
            }
        case .expression(let expr):
            expression(expr)
        case .print(let arguments):
            expressions(arguments)
        case .ifElse(let condition, let then, let otherwise):
            expression(condition)
            let then = block(then, in: statement).0
            result.kind = .ifElse(condition: condition, then: then, otherwise: otherwise.map { block($0, in: statement).0 })
        case .forIn(let name, let nameSpan, let sequence, let body):
            expression(sequence)
            let (body, slot) = block(body, in: statement, binding: (name, nameSpan))
            result.slot = slot
            result.kind = .forIn(name: name, nameSpan: nameSpan, sequence: sequence, body: body)
        case .assert(let condition, let message):
            expression(condition)
            if let message { expression(message) }
        case .exit(let status):
            if let status { expression(status) }
        }
        return result
    }

    /// Records the slot of a variable node.
    mutating func place(_ variable: Expr, in slot: Slot) {
        if tree == nil {
            tree = variable.tree
            slots = Array(repeating: .unresolved, count: variable.tree.variableCount)
        }
        slots[variable.tree.variableOrdinal(variable.id)] = slot
    }

    // MARK: Scopes

    /// The slot of a declared name (innermost scope first); `_` is always declared.
    func slot(of name: String) -> Slot? {
        for scope in scopes.reversed() {
            if let slot = scope[name] { return slot }
        }
        return name == "_" ? .global(Globals.lastShown) : nil
    }

    /// Sorted like the evaluator's `visibleNames`, so both suggest the same name.
    var visibleNames: [String] {
        scopes.reduce(into: Set<String>()) { $0.formUnion($1.keys) }.sorted()
    }

    mutating func report(_ message: Message, _ span: SourceSpan) {
        diagnostics.append(Diagnostic(message, at: span))
    }

    mutating func record(_ command: CommandUse) {
        commands.append(command)
    }
}
