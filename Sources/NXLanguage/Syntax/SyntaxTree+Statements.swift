/// How statement nodes are read back. Operands by `TreeStorage.StmtCode`:
/// `declare`, `assign`: the name's variable node, the value; `expression`: the value;
/// `print`: the run of arguments; `ifElse`: the condition, a pair of the then run and the else
/// run (or `noNode`); `forIn`: the name, a pair of the sequence and the body run; `assert`: the
/// condition, the message or `noNode`; `exit`: the status or `noNode`.
extension SyntaxTree {
    func statementKind(of id: NodeID) -> StmtKind {
        let node = node(id)
        switch TreeStorage.StmtCode(rawValue: node.op) ?? .expression {
        case .declare: return .declare(Name(variable: expr(node.a)), value: expr(node.b))
        case .assign: return .assign(Name(variable: expr(node.a)), value: expr(node.b))
        case .expression: return .expression(expr(node.a))
        case .print: return .print(run(at: node.a).map(expr))
        case .ifElse:
            let otherwise = word(node.b, 1)
            return .ifElse(condition: expr(node.a), then: statements(word(node.b, 0)),
                           otherwise: otherwise == TreeStorage.noNode ? nil : statements(otherwise))
        case .forIn:
            return .forIn(Name(variable: expr(node.a)), sequence: expr(word(node.b, 0)), body: statements(word(node.b, 1)))
        case .assert: return .assert(condition: expr(node.a), message: optionalExpr(node.b))
        case .exit: return .exit(optionalExpr(node.a))
        }
    }

    func runCount(at offset: UInt32) -> Int { Int(storage.links[Int(offset)]) }

    func runElement(at offset: UInt32, _ position: Int) -> NodeID {
        NodeID(index: storage.links[Int(offset) + 1 + position])
    }

    private func word(_ offset: UInt32, _ position: Int) -> UInt32 { storage.links[Int(offset) + position] }

    private func statements(_ run: UInt32) -> Statements { Statements(tree: self, run: run) }

    private func optionalExpr(_ index: UInt32) -> Expr? { index == TreeStorage.noNode ? nil : expr(index) }
}
