/// Canonical source for commands and pipeline stages (see `Printer`).
enum CommandPrinter {
    /// A command binds like the operand it ends with: `status r` works as a binary operand but
    /// not as the base of `.field`; `run ... on devs` must not be followed by `+`.
    static func print(_ command: Command) -> (String, Printer.Level) {
        switch command {
        case .token: return ("token", .postfix)
        case .list(let platform): return (platform.map { "list \($0.rawValue)" } ?? "list", .postfix)
        case .get(let id): return ("get \(unary(id))", .unary)
        case .status(let target): return ("status \(unary(target))", .unary)
        case .wait(let target, let timeout):
            guard let timeout else { return ("wait \(unary(target))", .unary) }
            return ("wait \(unary(target)) timeout \(additive(timeout))", .comparison)
        case .query(let id, let parameters):
            guard let parameters else { return ("query \(unary(id))", .unary) }
            return ("query \(unary(id)) with \(additive(parameters))", .comparison)
        case .audit(let limit):
            return (limit.map { "audit \(unary($0))" } ?? "audit", limit == nil ? .postfix : .unary)
        case .run(let clauses):
            var text = "run \(unary(clauses.action)) on \(additive(clauses.devices))"
            let optional = [("with", clauses.parameters), ("expires", clauses.expires),
                            ("reason", clauses.reason), ("ref", clauses.reference)]
            for case let (word, expr?) in optional { text += " \(word) \(additive(expr))" }
            return (text, .comparison)
        }
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
