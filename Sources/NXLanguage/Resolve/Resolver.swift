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
    private(set) var program: Statements
    /// The name of each local slot: a slot is never shared by two declarations.
    private(set) var localNames: [String] = []
    /// The tree the statements' expressions are in, and the slot of each of its variables.
    private var tree: SyntaxTree?
    private var slots: [Slot] = []

    /// `known`: names already bound (predefined variables, earlier REPL entries); `_` is
    /// always known since any shown value binds it. `globals` gives the top-level names their slots.
    init(_ program: Statements, known: some Sequence<String>, hostFunctions: [String], globals: Globals) {
        self.program = program
        self.globals = globals
        scopes = [Dictionary(known.filter { $0 != "_" }.map { ($0, Slot.global(globals.slot(for: $0))) },
                             uniquingKeysWith: { first, _ in first })]
        self.hostFunctions = hostFunctions
    }

    /// Names bound at the top level (visible to a later source of the same session).
    var topLevelNames: Set<String> { Set(scopes[0].keys) }

    static func resolve(_ statements: Statements, known: some Sequence<String>, hostFunctions: [String],
                        globals: Globals = Globals()) -> Resolver {
        var resolver = Resolver(statements, known: known, hostFunctions: hostFunctions, globals: globals)
        resolver.statements(statements)
        if let tree = resolver.tree { resolver.program = statements.on(tree.resolved(resolver.slots)) }
        resolver.diagnostics.sort { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) }
        return resolver
    }

    // MARK: Statements

    private mutating func statements(_ body: Statements) {
        for statement in body { self.statement(statement) }
    }

    /// Resolves a block's statements, placing the loop variable it binds, if any.
    private mutating func block(_ body: Statements, in statement: Stmt, binding name: Name? = nil) {
        scopes.append([:])
        scopeEnds.append(statement.span.end)
        if let name {
            let (text, span) = name.written
            place(name, in: declare(text, span, .loopVariable, visibleFrom: span.end))
            scopes.append([:])
        }
        statements(body)
        scopes.removeLast(name == nil ? 1 : 2)
        scopeEnds.removeLast()
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

    private mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .declare(let name, let value):
            expression(value)
            let (text, span) = name.written
            place(name, in: declare(text, span, .variable, visibleFrom: statement.span.end))
        case .assign(let name, let value):
            expression(value)
            let (text, span) = name.written
            if let slot = slot(of: text) {
                place(name, in: slot)
            } else {
                report(Catalog.assignToUndeclared(text, suggestion: Suggestions.closest(to: text, in: visibleNames)), span)
            }
        case .expression(let expr):
            expression(expr)
        case .print(let arguments):
            expressions(arguments)
        case .ifElse(let condition, let then, let otherwise):
            expression(condition)
            block(then, in: statement)
            if let otherwise { block(otherwise, in: statement) }
        case .forIn(let name, let sequence, let body):
            expression(sequence)
            block(body, in: statement, binding: name)
        case .assert(let condition, let message):
            expression(condition)
            if let message { expression(message) }
        case .exit(let status):
            if let status { expression(status) }
        }
    }

    /// Records the slot of a variable node.
    mutating func place(_ variable: Expr, in slot: Slot) {
        place(ordinal: variable.tree.variableOrdinal(variable.id), of: variable.tree, in: slot)
    }

    /// Records the slot of a name a statement binds.
    private mutating func place(_ name: Name, in slot: Slot) {
        place(ordinal: Int(name.ordinal), of: name.tree, in: slot)
    }

    private mutating func place(ordinal: Int, of tree: SyntaxTree, in slot: Slot) {
        if self.tree == nil {
            self.tree = tree
            slots = Array(repeating: .unresolved, count: tree.variableCount)
        }
        slots[ordinal] = slot
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
