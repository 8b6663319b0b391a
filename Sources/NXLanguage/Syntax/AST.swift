/// An expression of the syntax tree: a handle on a node of the `SyntaxTree` its parse built.
/// The tree stores plain nodes; `kind` reads one back as an `ExprKind` whose children are
/// handles again, so consumers walk the tree by pattern matching as on an enum.
struct Expr: Sendable {
    let tree: SyntaxTree
    let id: NodeID

    var kind: ExprKind { tree.kind(of: id) }
    /// Inlined: the evaluator reads it for every node it may report an error at.
    @inline(__always)
    var span: SourceSpan { tree.span(of: id) }
    /// No host call anywhere inside: the evaluator takes its synchronous path, which saves an
    /// async frame per node (see `Evaluator.evaluateNow`). Computed once, when the node is built.
    var isSynchronous: Bool { tree.node(id).isSynchronous }
}

/// What an expression is, read from its node (see `Expr.kind`).
enum ExprKind: Sendable {
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

/// The parts below are generic over how they hold an expression: the tree stores them with
/// node ids, consumers see them with handles (`map` turns one into the other).
enum SegmentOf<Child: Sendable>: Sendable {
    case text(String)
    case expr(Child)

    func map<T>(_ transform: (Child) -> T) -> SegmentOf<T> {
        switch self {
        case .text(let text): .text(text)
        case .expr(let child): .expr(transform(child))
        }
    }
}

typealias Segment = SegmentOf<Expr>

struct MapEntry: Sendable {
    var key: String
    var keySpan: SourceSpan
    var value: Expr
}

enum UnaryOperator: String, Sendable, CaseIterable {
    case negate = "-", not
}

enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and, or, contains
}

/// A command of `CommandTable` as written; the evaluator turns it into a `CommandInvocation`.
struct CommandCallOf<Child: Sendable>: Sendable {
    var spec: CommandSpec
    var operand: Child?
    /// In source order; each word at most once.
    var clauses: [ClauseCallOf<Child>]

    func clause(_ word: String) -> ClauseCallOf<Child>? { clauses.first { $0.word == word } }

    func map<T>(_ transform: (Child) -> T) -> CommandCallOf<T> {
        CommandCallOf<T>(spec: spec, operand: operand.map(transform),
                         clauses: clauses.map { ClauseCallOf<T>(word: $0.word, wordSpan: $0.wordSpan, value: transform($0.value)) })
    }
}

struct ClauseCallOf<Child: Sendable>: Sendable {
    var word: String
    var wordSpan: SourceSpan
    var value: Child
}

typealias CommandCall = CommandCallOf<Expr>
typealias ClauseCall = ClauseCallOf<Expr>

/// A pipeline stage as consumers see it; the tree keeps stages as nodes (`TreeStorage.stage`).
struct Stage: Sendable {
    var kind: StageKind
    var span: SourceSpan
}

typealias StageKind = StageKindOf<Expr>

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

enum StageKindOf<Child: Sendable>: Sendable {
    case filter(Child)
    case select([FieldPath])
    case sort([SortKey])
    case first(Child?)
    case last(Child?)
    case count
    case pluck(FieldPath)

    func map<T>(_ transform: (Child) -> T) -> StageKindOf<T> {
        switch self {
        case .filter(let condition): .filter(transform(condition))
        case .select(let paths): .select(paths)
        case .sort(let keys): .sort(keys)
        case .first(let count): .first(count.map(transform))
        case .last(let count): .last(count.map(transform))
        case .count: .count
        case .pluck(let path): .pluck(path)
        }
    }
}
