/// A statement: a handle on a statement node of the `SyntaxTree` its parse built, read back as
/// a `StmtKind` the way an `Expr` is read as an `ExprKind`. A statement costs its node and a
/// word in its block's run, instead of an enum with strings and handles in an array.
struct Stmt: Sendable {
    let tree: SyntaxTree
    let id: NodeID

    var kind: StmtKind { tree.statementKind(of: id) }
    var span: SourceSpan { tree.span(of: id) }
}

/// Not boxed: the bodies are runs of statement ids in the tree.
enum StmtKind: Sendable {
    case declare(Name, value: Expr)
    case assign(Name, value: Expr)
    case expression(Expr)
    case print([Expr])
    case ifElse(condition: Expr, then: Statements, otherwise: Statements?)
    case forIn(Name, sequence: Expr, body: Statements)
    case assert(condition: Expr, message: Expr?)
    case exit(Expr?)
}

/// The name a `let`, an assignment or a `for` binds. The statement's node keeps only the
/// name's variable ordinal (its slot); where the name is written is found again, when asked
/// for, by lexing the statement's head up to `following`, the node after the name (the value
/// or the sequence). Only the resolver, the printers and error messages ask.
struct Name: Sendable {
    let tree: SyntaxTree
    let statement: NodeID
    let ordinal: UInt32
    let following: NodeID

    var span: SourceSpan { tree.nameSpan(of: statement, before: following) }
    var text: String { written.text }
    /// Both from one lexing of the head, for a caller that needs both (the resolver).
    var written: (text: String, span: SourceSpan) {
        let span = span
        return (tree.file.decode(span.start, span.end), span)
    }
    var slot: Slot { tree.slot(ordinal: ordinal) }
}

/// The statements of a program or a block: a run of ids in the tree's `links`.
struct Statements: RandomAccessCollection, Sendable {
    let tree: SyntaxTree
    /// The run's offset in `links` (its first word is the count).
    let run: UInt32

    var startIndex: Int { 0 }
    var endIndex: Int { tree.runCount(at: run) }

    subscript(position: Int) -> Stmt {
        Stmt(tree: tree, id: tree.runElement(at: run, position))
    }

    /// The same statements on `tree`, which holds the same nodes (the resolver's tree with slots).
    func on(_ tree: SyntaxTree) -> Statements {
        Statements(tree: tree, run: run)
    }
}
