/// How statement nodes are read back. Operands by `TreeStorage.StmtCode`:
/// `declare`, `assign`: the value, the name's variable ordinal; `expression`: the value;
/// `print`: the run of arguments; `ifElse`: the condition, a pair of the then run and the else
/// run (or `noNode`); `forIn`: the name's ordinal, a pair of the sequence and the body run;
/// `assert`: the condition, the message or `noNode`; `exit`: the status or `noNode`.
extension SyntaxTree {
    func statementKind(of id: NodeID) -> StmtKind {
        let node = node(id)
        switch TreeStorage.StmtCode(rawValue: node.op) ?? .expression {
        case .declare: return .declare(name(id, node.b, before: node.a), value: expr(node.a))
        case .assign: return .assign(name(id, node.b, before: node.a), value: expr(node.a))
        case .expression: return .expression(expr(node.a))
        case .print: return .print(run(at: node.a).map(expr))
        case .ifElse:
            let otherwise = word(node.b, 1)
            return .ifElse(condition: expr(node.a), then: statements(word(node.b, 0)),
                           otherwise: otherwise == TreeStorage.noNode ? nil : statements(otherwise))
        case .forIn:
            let sequence = word(node.b, 0)
            return .forIn(name(id, node.a, before: sequence), sequence: expr(sequence), body: statements(word(node.b, 1)))
        case .assert: return .assert(condition: expr(node.a), message: optionalExpr(node.b))
        case .exit: return .exit(optionalExpr(node.a))
        }
    }

    /// The span of the name a statement binds: the first name of its head, lexed again (the
    /// head is short: `let x =`, `x =`, `for x in`).
    func nameSpan(of statement: NodeID, before following: NodeID) -> SourceSpan {
        let start = span(of: statement).start, end = span(of: following).start
        return file.withBytes { bytes in
            var lexer = Lexer(bytes: bytes, start: start, end: end)
            let first = lexer.token(at: 0)
            return first.kind == .identifier ? first.span : lexer.token(at: 1).span
        }
    }

    private func name(_ statement: NodeID, _ ordinal: UInt32, before following: UInt32) -> Name {
        Name(tree: self, statement: statement, ordinal: ordinal, following: NodeID(index: following))
    }

    func runCount(at offset: UInt32) -> Int { Int(storage.links[Int(offset)]) }

    func runElement(at offset: UInt32, _ position: Int) -> NodeID {
        NodeID(index: storage.links[Int(offset) + 1 + position])
    }

    private func word(_ offset: UInt32, _ position: Int) -> UInt32 { storage.links[Int(offset) + position] }

    private func statements(_ run: UInt32) -> Statements { Statements(tree: self, run: run) }

    private func optionalExpr(_ index: UInt32) -> Expr? { index == TreeStorage.noNode ? nil : expr(index) }
}
