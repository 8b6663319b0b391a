/// Canonical source for commands and pipeline stages (see `Printer`).
enum CommandPrinter {
    /// A command binds like the operand it ends with: `status r` works as a binary operand but
    /// not as the base of `.field`; `run ... on devs` must not be followed by `+`.
    /// Clauses are printed in table order, whatever order they were written in.
    static func print(_ call: CommandCall) -> (String, Printer.Level) {
        var parts = call.spec.words
        var level = Printer.Level.postfix
        if let operand = call.operand {
            if case .word = call.spec.operand, case .literal(.string(let word)) = operand.kind {
                parts.append(word)
            } else if case .words = call.spec.operand, case .literal(.list(let words)) = operand.kind {
                parts += words.map(ValueFormatter.text)
            } else {
                parts.append(unary(operand))
                level = .unary
            }
        }
        for spec in call.spec.clauses {
            guard let clause = call.clause(spec.word) else { continue }
            if case .word = spec.type, case .literal(.string(let word)) = clause.value.kind {
                parts += [spec.word, word]
            } else {
                parts += [spec.word, additive(clause.value)]
            }
            level = .comparison
        }
        return (parts.joined(separator: " "), level)
    }

    static func print(_ stage: Stage) -> String {
        switch stage.kind {
        case .filter(let condition): "where \(Printer.print(condition, at: .or))"
        case .select(let paths): "select " + paths.map(path).joined(separator: ", ")
        case .sort(let keys): "sort " + keys.map { path($0.path) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .first(let count): count.map { "first \(additive($0))" } ?? "first"
        case .last(let count): count.map { "last \(additive($0))" } ?? "last"
        case .count: "count"
        case .pluck(let field): "pluck \(path(field))"
        }
    }

    private static func path(_ path: FieldPath) -> String {
        path.names.enumerated().map { index, name in
            index == 0 ? ValueFormatter.key(name) : name
        }.joined(separator: ".")
    }

    private static func unary(_ expr: Expr) -> String { Printer.print(expr, at: .unary) }
    private static func additive(_ expr: Expr) -> String { Printer.print(expr, at: .additive) }
}
