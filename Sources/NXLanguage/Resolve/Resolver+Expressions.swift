/// The resolver's walk over expressions: it checks them and records the slot of each
/// variable it places (the tree itself is shared, never copied; see `Resolver.resolve`).
extension Resolver {
    mutating func expression(_ expr: Expr) {
        switch expr.kind {
        case .literal:
            return
        case .interpolated(let segments):
            for case .expr(let inner) in segments { expression(inner) }
        case .variable(let name, _):
            if let slot = variable(name, expr.span) { place(expr, in: slot) }
        case .list(let elements):
            expressions(elements)
        case .map(let entries):
            for entry in entries { expression(entry.value) }
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
            expressions(arguments)
            call(name, arguments.count, expr.span)
        case .command(let command):
            self.command(command, expr.span)
        case .pipeline(let source, let stages):
            expression(source)
            stageDepth += 1
            for stage in stages { self.stage(stage) }
            stageDepth -= 1
        }
    }

    mutating func expressions(_ exprs: [Expr]) {
        for expr in exprs { expression(expr) }
    }

    /// The slot of a name read; outside pipeline stages an undeclared name is an error.
    private mutating func variable(_ name: String, _ span: SourceSpan) -> Slot? {
        if let slot = slot(of: name) { return slot }
        if stageDepth == 0 {
            let suggestion = Suggestions.closest(to: name, in: visibleNames + hostFunctions)
            report(Catalog.unknownVariable(name, suggestion: suggestion), span)
        }
        return nil
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
        record(CommandUse(call, span: span))
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
}
