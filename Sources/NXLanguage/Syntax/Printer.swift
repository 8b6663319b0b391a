/// Prints a syntax tree back as canonical source: one statement per line, 4-space blocks,
/// single spaces around operators, parentheses only where precedence needs them.
/// Parsing the output gives the same tree (the round-trip tests rely on it).
enum Printer {
    static func print(_ statements: Statements, indent: String = "") -> String {
        statements.map { indent + print($0, indent: indent) }.joined(separator: "\n")
    }

    static func print(_ statement: Stmt, indent: String) -> String {
        switch statement.kind {
        case .declare(let name, let value): return "let \(name.text) = \(print(value))"
        case .assign(let name, let value): return "\(name.text) = \(print(value))"
        case .expression(let expr): return print(expr)
        case .print(let arguments):
            return arguments.isEmpty ? "print" : "print " + arguments.map { print($0) }.joined(separator: ", ")
        case .ifElse(let condition, let body, let otherwise):
            var text = "if \(print(condition)) \(block(body, indent))"
            if let otherwise {
                if otherwise.count == 1, case .ifElse = otherwise[0].kind {
                    text += " else " + print(otherwise[0], indent: indent)
                } else {
                    text += " else " + block(otherwise, indent)
                }
            }
            return text
        case .forIn(let name, let sequence, let body):
            return "for \(name.text) in \(print(sequence)) \(block(body, indent))"
        case .assert(let condition, let message):
            return "assert \(print(condition))" + (message.map { ", \(print($0))" } ?? "")
        case .exit(let status):
            return "exit" + (status.map { " \(print($0))" } ?? "")
        }
    }

    private static func block(_ body: Statements, _ indent: String) -> String {
        body.isEmpty ? "{\n\(indent)}" : "{\n\(print(body, indent: indent + "    "))\n\(indent)}"
    }

    /// Binding strength, loosest first (the parser's precedence levels).
    enum Level: Int, Comparable {
        case pipeline, or, and, not, comparison, additive, multiplicative, unary, postfix
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    static func print(_ expr: Expr, at minimum: Level = .pipeline) -> String {
        let (text, level) = printWithLevel(expr)
        return level < minimum ? "(\(text))" : text
    }

    private static func printWithLevel(_ expr: Expr) -> (String, Level) {
        switch expr.kind {
        case .literal(let value): (ValueFormatter.literal(value), .postfix)
        case .interpolated(let segments): (interpolated(segments), .postfix)
        case .variable(let name, _): (name, .postfix)
        case .list(let elements): ("[" + elements.map { print($0) }.joined(separator: ", ") + "]", .postfix)
        case .map(let entries):
            ("<" + entries.map { "\(ValueFormatter.key($0.key)): \(print($0.value, at: .additive))" }.joined(separator: ", ") + ">",
             .postfix)
        case .unary(.not, let operand): ("not \(print(operand, at: .not))", .not)
        case .unary(.negate, let operand): ("-\(print(operand, at: .unary))", .unary)
        case .binary(let op, let left, let right):
            binary(op, left, right)
        case .field(let base, let name): ("\(print(base, at: .postfix)).\(name)", .postfix)
        case .index(let base, let key): ("\(print(base, at: .postfix))[\(print(key))]", .postfix)
        case .call(let name, let arguments): ("\(name)(" + arguments.map { print($0) }.joined(separator: ", ") + ")", .postfix)
        case .command(let command): CommandPrinter.print(command)
        case .pipeline(let source, let stages):
            ((["\(print(source, at: .or))"] + stages.map(CommandPrinter.print)).joined(separator: " | "), .pipeline)
        }
    }

    /// Operators are left-associative: the left side may hold the same level, the right side
    /// must bind tighter (the grammar's next level).
    private static func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> (String, Level) {
        let level: Level = switch op {
        case .or: .or
        case .and: .and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains: .comparison
        case .add, .subtract: .additive
        case .multiply, .divide, .remainder: .multiplicative
        }
        let tighter = Level(rawValue: level.rawValue + 1) ?? .postfix
        return ("\(print(left, at: level)) \(op.rawValue) \(print(right, at: tighter))", level)
    }

    private static func interpolated(_ segments: [Segment]) -> String {
        var text = "\""
        for segment in segments {
            switch segment {
            case .text(let raw): text += ValueFormatter.escaped(raw)
            case .expr(let expr): text += "${\(print(expr))}"
            }
        }
        return text + "\""
    }
}
