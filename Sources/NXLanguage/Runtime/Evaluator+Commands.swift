/// Evaluates any command from its `CommandSpec`: each part is checked against its declared
/// type here, so the host receives values of the right shape with the span of each part.
extension Evaluator {
    nonisolated(nonsending) func perform(_ call: CommandCall, span: SourceSpan) async throws -> Value {
        let spec = call.spec
        var invocation = CommandInvocation(name: spec.name, spans: InvocationSpans(statement: span))
        if let operand = call.operand {
            invocation.operand = try await operandValue(operand, of: spec)
            invocation.spans.operand = operand.span
        }
        // Table order, so that of two bad clauses the same one is always reported.
        for clauseSpec in spec.clauses {
            guard let clause = call.clause(clauseSpec.word) else { continue }
            let (value, spans) = try await clauseValue(clause, clauseSpec.type, of: spec)
            invocation.clauses[clause.word] = value
            invocation.spans.clauses[clause.word] = spans
        }
        for name in Parser.topLevelOnlyNames {
            if let value = globals[name] { invocation.settings[name] = value }
        }
        return try await hostCall(at: span) { [invocation] in try await host.perform(invocation) }
    }

    nonisolated(nonsending) private func operandValue(_ expr: Expr, of spec: CommandSpec) async throws -> Value {
        switch spec.operand {
        case .actionID, .workflowID, .campaignID, .queryID: .nqlID(try await nqlID(expr, for: "'\(spec.name)'"))
        case .count: .int(try await count(expr, of: spec.name))
        case .none, .word, .words, .value: try await evaluate(expr)
        }
    }

    nonisolated(nonsending) private func clauseValue(_ clause: ClauseCall, _ type: ClauseType,
                                                     of spec: CommandSpec) async throws -> (Value, ClauseSpans) {
        let expr = clause.value
        var spans = ClauseSpans(word: clause.wordSpan, value: expr.span)
        let value: Value
        switch type {
        case .devices:
            let devices = try await deviceList(expr, of: spec.name)
            spans.elements = devices.spans
            value = .list(devices.values)
        case .targets:
            let targets = try await targetList(expr, clause: clause.word, of: spec.name)
            spans.elements = targets.spans
            value = .list(targets.values)
        case .stringMap:
            value = .record(try await stringMap(expr))
            if case .map(let entries) = expr.kind {
                spans.keys = Dictionary(entries.map { ($0.key, $0.keySpan) }, uniquingKeysWith: { _, last in last })
            }
        case .duration: value = .duration(seconds: try await seconds(expr, "'\(clause.word)'"))
        case .minutes: value = .int(try await minutes(expr, clause: clause.word))
        case .string, .word: value = .string(try await string(expr, "'\(clause.word)'"))
        case .records:
            let rows = try await rowList(expr, of: spec.name)
            spans.elements = rows.spans
            value = .list(rows.values)
        }
        return (value, spans)
    }

    /// `#name` or a string (a leading `#` is added if missing, as the API needs it).
    nonisolated(nonsending) private func nqlID(_ expr: Expr, for command: String) async throws -> String {
        switch try await evaluate(expr) {
        case .nqlID(let id): return id
        case .string(let text): return Value.idText(text)
        case let other:
            throw Interruption.error(Catalog.expectedType("the id given to \(command)", expected: "an NQL id such as #get_battery_status",
                                                          got: other.typeName), at: expr.span)
        }
    }

    /// A list of ids, or one id; each element gets its own span when the list is a literal.
    nonisolated(nonsending) private func deviceList(_ expr: Expr,
                                                    of command: String) async throws -> (values: ValueList, spans: [SourceSpan]) {
        try await listOrOne(expr) { if case .uuid = $0 { true } else if case .string = $0 { true } else { false } } failure: {
            Catalog.expectedType("the devices of '\(command)'", expected: "a list of device ids or one device id", got: $0.typeName)
        }
    }

    /// A list of records, or one record; each element gets its own span when the list is a literal.
    nonisolated(nonsending) private func rowList(_ expr: Expr,
                                                 of command: String) async throws -> (values: ValueList, spans: [SourceSpan]) {
        try await listOrOne(expr) { if case .record = $0 { true } else { false } } failure: {
            Catalog.expectedType("the rows of '\(command)'", expected: Catalog.rowsExpected, got: $0.typeName)
        }
    }

    /// A list as it is, or one value `single` accepts as a list of one; anything else is `failure`.
    nonisolated(nonsending) private func listOrOne(_ expr: Expr, single: (Value) -> Bool,
                                                   failure: (Value) -> Message) async throws -> (values: ValueList, spans: [SourceSpan]) {
        let value = try await evaluate(expr)
        if case .list(let elements) = value {
            if case .list(let literals) = expr.kind, literals.count == elements.count {
                return (elements, literals.map(\.span))
            }
            return (elements, Array(repeating: expr.span, count: elements.count))
        }
        guard single(value) else { throw Interruption.error(failure(value), at: expr.span) }
        return ([value], [expr.span])
    }

    /// Like `deviceList`, but one record is one target too.
    nonisolated(nonsending) private func targetList(_ expr: Expr, clause: String,
                                                    of command: String) async throws -> (values: ValueList, spans: [SourceSpan]) {
        try await listOrOne(expr) { switch $0 { case .uuid, .string, .record: true; default: false } } failure: {
            Catalog.targetsExpected(clause, of: command, got: $0.typeName)
        }
    }

    /// Parameters are strings for the API; numbers and bools are converted to their text.
    nonisolated(nonsending) private func stringMap(_ expr: Expr) async throws -> Record {
        let value = try await evaluate(expr)
        guard case .record(let record) = value else {
            throw Interruption.error(Catalog.expectedType("parameters", expected: "a map like <name: \"value\">",
                                                          got: value.typeName), at: expr.span)
        }
        var strings = Record()
        for (key, field) in record.fields {
            switch field {
            case .string, .int, .double, .bool, .uuid, .nqlID, .duration: strings[key] = .string(ValueFormatter.text(field))
            default: throw Interruption.error(Catalog.parameterValue(key, type: field.typeName), at: expr.span)
            }
        }
        return strings
    }

    nonisolated(nonsending) private func minutes(_ expr: Expr, clause: String) async throws -> Int {
        let seconds = try await seconds(expr, "'\(clause)'")
        guard seconds % 60 == 0 else {
            throw Interruption.error(Catalog.notWholeMinutes(clause, ValueFormatter.duration(seconds)), at: expr.span)
        }
        return seconds / 60
    }

    nonisolated(nonsending) private func seconds(_ expr: Expr, _ what: String) async throws -> Int {
        let value = try await evaluate(expr)
        guard case .duration(let seconds) = value else {
            throw Interruption.error(Catalog.expectedType(what, expected: "a duration such as 90m or 2h", got: value.typeName),
                                     at: expr.span)
        }
        return seconds
    }

    nonisolated(nonsending) private func string(_ expr: Expr, _ what: String) async throws -> String {
        let value = try await evaluate(expr)
        guard case .string(let text) = value else {
            throw Interruption.error(Catalog.expectedType(what, expected: "a string", got: value.typeName), at: expr.span)
        }
        return text
    }

    nonisolated(nonsending) private func count(_ expr: Expr, of command: String) async throws -> Int {
        let value = try await evaluate(expr)
        guard case .int(let count) = value else {
            throw Interruption.error(Catalog.expectedType("the '\(command)' limit", expected: "an int", got: value.typeName), at: expr.span)
        }
        guard count >= 0 else { throw Interruption.error(Catalog.negativeCount(command, count), at: expr.span) }
        return count
    }
}
