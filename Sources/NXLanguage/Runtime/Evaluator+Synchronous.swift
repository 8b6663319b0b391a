extension Evaluator {
    static let andLeft = "the left side of 'and'", andRight = "the right side of 'and'"
    static let orLeft = "the left side of 'or'", orRight = "the right side of 'or'"
    static let whereCondition = "the 'where' condition"

    /// The synchronous twin of `evaluate` for an `isSynchronous` expression (every node below it
    /// is too): the same order of evaluation and the same errors, without an async frame per node.
    func evaluateNow(_ expr: Expr) throws -> Value {
        switch expr.kind {
        case .literal(let value):
            return value
        case .variable(let name, let slot):
            return try lookup(name, slot, at: expr.span)
        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluateNow(element)) }
            return try checkedNesting(.list(values), at: expr.span)
        case .map(let entries):
            var record = Record()
            for entry in entries { record[entry.key] = try evaluateNow(entry.value) }
            return try checkedNesting(.record(record), at: expr.span)
        case .unary(let op, let operand):
            let value = try evaluateNow(operand)
            return try at(expr.span, try Operators.unary(op, value))
        case .binary(.and, let left, let right):
            guard try truth(evaluateNow(left), Evaluator.andLeft, at: left.span) else { return .bool(false) }
            return .bool(try truth(evaluateNow(right), Evaluator.andRight, at: right.span))
        case .binary(.or, let left, let right):
            if try truth(evaluateNow(left), Evaluator.orLeft, at: left.span) { return .bool(true) }
            return .bool(try truth(evaluateNow(right), Evaluator.orRight, at: right.span))
        case .binary(let op, let left, let right):
            let lhs = try evaluateNow(left)
            let rhs = try evaluateNow(right)
            return try at(expr.span, try Operators.binary(op, lhs, rhs))
        case .field(let base, let name):
            let value = try evaluateNow(base)
            return try at(expr.span, try Fields.field(name, of: value))
        case .index(let base, let key):
            let container = try evaluateNow(base)
            let index = try evaluateNow(key)
            return try at(expr.span, try Fields.index(container, with: index))
        case .call(let name, let arguments):
            var values: [Value] = []
            for argument in arguments { values.append(try evaluateNow(argument)) }
            guard let builtin = Builtins.function(named: name) else { throw notSynchronous(expr) }
            return try callBuiltin(builtin, values, arguments, span: expr.span)
        case .interpolated, .command, .pipeline:
            throw notSynchronous(expr)
        }
    }

    /// Whether `executeNow` runs the statement: a `let`, an assignment or an expression
    /// statement whose value needs no host call. A loop whose body holds only such statements
    /// runs its iterations without an async frame.
    static func runsNow(_ statement: Stmt) -> Bool {
        switch statement.kind {
        case .declare(_, let value), .assign(_, let value), .expression(let value): value.isSynchronous
        default: false
        }
    }

    /// Runs a statement `runsNow` accepts without an async frame; false (nothing done) for
    /// others. Takes the kind, which a loop reads from the tree once, not per iteration.
    func executeNow(_ kind: StmtKind) throws -> Bool {
        switch kind {
        case .declare(let name, let value) where value.isSynchronous:
            try bind(name.slot, try evaluateNow(value), at: name.span)
        case .assign(let name, let value) where value.isSynchronous:
            try assign(name, try evaluateNow(value))
        case .expression(let expr) where expr.isSynchronous:
            _ = try evaluateNow(expr)
        default:
            return false
        }
        return true
    }

    func truth(_ value: Value, _ construct: String, at span: @autoclosure () -> SourceSpan) throws -> Bool {
        guard case .bool(let bool) = value else {
            throw Interruption.error(Catalog.notBool(construct, got: value.typeName), at: span())
        }
        return bool
    }

    /// `isSynchronous` rules these out; reported as an internal failure rather than a trap.
    private func notSynchronous(_ expr: Expr) -> Interruption {
        Interruption.error(Catalog.hostFailure(), at: expr.span)
    }
}
