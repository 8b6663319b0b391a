/// The resolver's walk over expressions. Each returns the expression with its slots filled in,
/// or `nil` when nothing under it changed, so subtrees without variables (a literal list of
/// 100,000 numbers) are shared with the parser's tree rather than copied.
extension Resolver {
    mutating func expression(_ expr: Expr) -> Expr? {
        let kind: ExprKind?
        switch expr.kind {
        case .literal:
            return nil
        case .interpolated(let segments):
            kind = self.segments(segments).map(ExprKind.interpolated)
        case .variable(let name, _):
            kind = variable(name, expr.span).map { .variable(name, $0) }
        case .list(let elements):
            kind = expressions(elements).map(ExprKind.list)
        case .map(let entries):
            kind = self.entries(entries).map(ExprKind.map)
        case .unary(let op, let operand):
            kind = expression(operand).map { .unary(op, $0) }
        case .binary(let op, let left, let right):
            kind = pair(left, right).map { .binary(op, $0, $1) }
        case .field(let base, let name):
            kind = expression(base).map { .field($0, name: name) }
        case .index(let base, let key):
            kind = pair(base, key).map { .index($0, $1) }
        case .call(let name, let arguments):
            let resolved = expressions(arguments)
            call(name, arguments.count, expr.span)
            kind = resolved.map { .call(name: name, arguments: $0) }
        case .command(let command):
            kind = self.command(command, expr.span).map(ExprKind.command)
        case .pipeline(let source, let stages):
            let resolvedSource = expression(source)
            stageDepth += 1
            let resolvedStages = changed(stages) { $0.stage($1) }
            stageDepth -= 1
            kind = resolvedSource == nil && resolvedStages == nil ? nil : .pipeline(resolvedSource ?? source, resolvedStages ?? stages)
        }
        return kind.map { Expr(kind: $0, span: expr.span) }
    }

    mutating func expressions(_ exprs: [Expr]) -> [Expr]? {
        changed(exprs) { $0.expression($1) }
    }

    /// `items` with each element `transform` changed replaced; `nil` when none changed.
    private mutating func changed<T>(_ items: [T], _ transform: (inout Resolver, T) -> T?) -> [T]? {
        var result: [T]?
        for (index, item) in items.enumerated() {
            guard let new = transform(&self, item) else { continue }
            if result == nil { result = items }
            result?[index] = new
        }
        return result
    }

    private mutating func pair(_ first: Expr, _ second: Expr) -> (Expr, Expr)? {
        let (a, b) = (expression(first), expression(second))
        return a == nil && b == nil ? nil : (a ?? first, b ?? second)
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

    private mutating func segments(_ segments: [Segment]) -> [Segment]? {
        changed(segments) { resolver, segment in
            guard case .expr(let inner) = segment else { return nil }
            return resolver.expression(inner).map(Segment.expr)
        }
    }

    private mutating func entries(_ entries: [MapEntry]) -> [MapEntry]? {
        changed(entries) { resolver, entry in
            resolver.expression(entry.value).map { MapEntry(key: entry.key, keySpan: entry.keySpan, value: $0) }
        }
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

    private mutating func command(_ call: CommandCall, _ span: SourceSpan) -> CommandCall? {
        record(CommandUse(call, span: span))
        var result = call
        var isChanged = false
        if let operand = call.operand {
            if let resolved = expression(operand) { (result.operand, isChanged) = (resolved, true) }
            if let message = CommandLiterals.operandProblem(operand, of: call.spec) { report(message, operand.span) }
        }
        for (index, clause) in call.clauses.enumerated() {
            if let resolved = expression(clause.value) { (result.clauses[index].value, isChanged) = (resolved, true) }
            guard let type = call.spec.clause(clause.word)?.type else { continue }
            if let message = CommandLiterals.clauseProblem(clause.value, type, word: clause.word, of: call.spec) {
                report(message, clause.value.span)
            }
        }
        return isChanged ? result : nil
    }

    private mutating func stage(_ stage: Stage) -> Stage? {
        let kind: StageKind?
        switch stage.kind {
        case .filter(let condition): kind = expression(condition).map(StageKind.filter)
        case .first(let count?): kind = expression(count).map { .first($0) }
        case .last(let count?): kind = expression(count).map { .last($0) }
        case .select, .sort, .first, .last, .count, .pluck: kind = nil
        }
        return kind.map { Stage(kind: $0, span: stage.span) }
    }
}
