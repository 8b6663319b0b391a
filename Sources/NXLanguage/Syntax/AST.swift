/// The syntax tree. Every node keeps its span so runtime errors point at the exact source.
struct Expr: Sendable {
    let kind: ExprKind
    let span: SourceSpan
    /// No host call anywhere inside: the evaluator takes its synchronous path, which saves an
    /// async frame per node (see `Evaluator.evaluateNow`).
    let isSynchronous: Bool

    init(kind: ExprKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
        isSynchronous = kind.isSynchronous
    }
}

indirect enum ExprKind: Sendable {
    case literal(Value)
    case interpolated([Segment])
    /// The slot is filled in by the resolver.
    case variable(String, Slot = .unresolved)
    case list([Expr])
    case map([MapEntry])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case field(Expr, name: String)
    case index(Expr, Expr)
    case call(name: String, arguments: [Expr])
    case command(CommandCall)
    case pipeline(Expr, [Stage])
}

enum Segment: Sendable {
    case text(String)
    case expr(Expr)
}

struct MapEntry: Sendable {
    var key: String
    var keySpan: SourceSpan
    var value: Expr
}

enum UnaryOperator: String, Sendable {
    case negate = "-", not
}

enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or, contains
}

/// A command of `CommandTable` as written; the evaluator turns it into a `CommandInvocation`.
struct CommandCall: Sendable {
    var spec: CommandSpec
    var operand: Expr?
    /// In source order; each word at most once.
    var clauses: [ClauseCall]

    func clause(_ word: String) -> ClauseCall? { clauses.first { $0.word == word } }
}

struct ClauseCall: Sendable {
    var word: String
    var wordSpan: SourceSpan
    var value: Expr
}

struct Stage: Sendable {
    var kind: StageKind
    var span: SourceSpan
}

/// A dotted field name inside a pipeline stage: `name`, `device.name`.
struct FieldPath: Sendable {
    var names: [String]
    var span: SourceSpan
    var text: String { names.joined(separator: ".") }
}

struct SortKey: Sendable {
    var path: FieldPath
    var descending: Bool
}

enum StageKind: Sendable {
    case filter(Expr)
    case select([FieldPath])
    case sort([SortKey])
    case first(Expr?)
    case last(Expr?)
    case count
    case pluck(FieldPath)
}

struct Stmt: Sendable {
    var kind: StmtKind
    var span: SourceSpan
    /// Where the variable that a `let`, an assignment or a `for` binds lives (filled in by the resolver).
    var slot = Slot.unresolved
}

indirect enum StmtKind: Sendable {
    case declare(name: String, nameSpan: SourceSpan, value: Expr)
    case assign(name: String, nameSpan: SourceSpan, value: Expr)
    case expression(Expr)
    case print([Expr])
    case ifElse(condition: Expr, then: [Stmt], otherwise: [Stmt]?)
    case forIn(name: String, nameSpan: SourceSpan, sequence: Expr, body: [Stmt])
    case assert(condition: Expr, message: Expr?)
    case exit(Expr?)
}
