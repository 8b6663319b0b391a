/// Parts of a command written as literals of the wrong type, found before anything runs. The
/// messages are the evaluator's (`Evaluator+Commands.swift`), so a script gets the same
/// diagnostic whether the resolver or the evaluator finds the problem.
enum CommandLiterals {
    static func operandProblem(_ expr: Expr, of spec: CommandSpec) -> Message? {
        guard case .literal(let value) = expr.kind else { return nil }
        switch spec.operand {
        case .actionID, .workflowID, .campaignID, .queryID:
            switch value {
            case .nqlID, .string: return nil
            default:
                return Catalog.expectedType("the id given to '\(spec.name)'", expected: "an NQL id such as #get_battery_status",
                                            got: value.typeName)
            }
        case .count:
            guard case .int(let count) = value else {
                return Catalog.expectedType("the '\(spec.name)' limit", expected: "an int", got: value.typeName)
            }
            return count < 0 ? Catalog.negativeCount(spec.name, count) : nil
        case .none, .word, .words, .value:
            return nil
        }
    }

    static func clauseProblem(_ expr: Expr, _ type: ClauseType, word: String, of spec: CommandSpec) -> Message? {
        switch (type, expr.kind) {
        case (.stringMap, .map(let entries)):
            for entry in entries {
                if let type = nonScalarType(entry.value) { return Catalog.parameterValue(entry.key, type: type) }
            }
            return nil
        case (_, .literal(let value)):
            return literalProblem(value, type, word: word, of: spec)
        default:
            return nil
        }
    }

    private static func literalProblem(_ value: Value, _ type: ClauseType, word: String, of spec: CommandSpec) -> Message? {
        switch (type, value) {
        case (.devices, .uuid), (.devices, .string), (.targets, .uuid), (.targets, .string), (.string, .string), (.duration, .duration), (.word, _):
            return nil
        case (.minutes, .duration(let seconds)):
            return seconds % 60 == 0 ? nil : Catalog.notWholeMinutes(word, ValueFormatter.duration(seconds))
        case (.devices, _):
            return Catalog.expectedType("the devices of '\(spec.name)'", expected: "a list of device ids or one device id",
                                        got: value.typeName)
        case (.targets, _):
            return Catalog.targetsExpected(word, of: spec.name, got: value.typeName)
        case (.stringMap, _):
            return Catalog.expectedType("parameters", expected: "a map like <name: \"value\">", got: value.typeName)
        case (.duration, _), (.minutes, _):
            return Catalog.expectedType("'\(word)'", expected: "a duration such as 90m or 2h", got: value.typeName)
        case (.string, _):
            return Catalog.expectedType("'\(word)'", expected: "a string", got: value.typeName)
        }
    }

    /// The type of a parameter value that cannot become a string (a list, a map, null).
    private static func nonScalarType(_ expr: Expr) -> String? {
        switch expr.kind {
        case .list: Value.list([]).typeName
        case .map: Value.record(Record()).typeName
        case .literal(.null): Value.null.typeName
        default: nil
        }
    }
}
