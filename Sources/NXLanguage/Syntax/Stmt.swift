struct Stmt: Sendable {
    var kind: StmtKind
    var span: SourceSpan
    /// Where the variable that a `let`, an assignment or a `for` binds lives (filled in by the resolver).
    var slot = Slot.unresolved
}

/// Not boxed: statements sit in arrays, which already give the indirection.
enum StmtKind: Sendable {
    case declare(name: String, nameSpan: SourceSpan, value: Expr)
    case assign(name: String, nameSpan: SourceSpan, value: Expr)
    case expression(Expr)
    case print([Expr])
    case ifElse(condition: Expr, then: [Stmt], otherwise: [Stmt]?)
    case forIn(name: String, nameSpan: SourceSpan, sequence: Expr, body: [Stmt])
    case assert(condition: Expr, message: Expr?)
    case exit(Expr?)
}

extension Stmt {
    /// The statement with its expressions' handles on `tree`, which holds the same nodes (the
    /// resolver's tree with slots).
    func rebased(onto tree: SyntaxTree) -> Stmt {
        func on(_ expr: Expr) -> Expr { Expr(tree: tree, id: expr.id) }
        func on(_ body: [Stmt]) -> [Stmt] { body.map { $0.rebased(onto: tree) } }
        var result = self
        result.kind = switch kind {
        case .declare(let name, let nameSpan, let value): .declare(name: name, nameSpan: nameSpan, value: on(value))
        case .assign(let name, let nameSpan, let value): .assign(name: name, nameSpan: nameSpan, value: on(value))
        case .expression(let expr): .expression(on(expr))
        case .print(let arguments): .print(arguments.map(on))
        case .ifElse(let condition, let then, let otherwise):
            .ifElse(condition: on(condition), then: on(then), otherwise: otherwise.map(on))
        case .forIn(let name, let nameSpan, let sequence, let body):
            .forIn(name: name, nameSpan: nameSpan, sequence: on(sequence), body: on(body))
        case .assert(let condition, let message): .assert(condition: on(condition), message: message.map(on))
        case .exit(let status): .exit(status.map(on))
        }
        return result
    }
}
