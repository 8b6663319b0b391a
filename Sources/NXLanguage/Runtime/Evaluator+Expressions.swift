extension Evaluator {
    nonisolated(nonsending) func evaluate(_ expr: Expr) async throws -> Value {
        if expr.isSynchronous { return try evaluateNow(expr) }
        switch expr.kind {
        case .literal(let value):
            return value
        case .interpolated(let segments):
            var text = ""
            for segment in segments {
                switch segment {
                case .text(let raw): text += raw
                case .expr(let inner): text += ValueFormatter.text(try await evaluate(inner))
                }
                try at(expr.span, try Limits.checkString(bytes: text.utf8.count))
            }
            return .string(text)
        case .variable(let name, let slot):
            return try lookup(name, slot, at: expr.span)
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try await evaluate(element)) }
            return try checkedNesting(.list(values), at: expr.span)
        case .map(let entries):
            var record = Record()
            for entry in entries { record[entry.key] = try await evaluate(entry.value) }
            return try checkedNesting(.record(record), at: expr.span)
        case .unary(let op, let operand):
            let value = try await evaluate(operand)
            return try at(expr.span, try Operators.unary(op, value))
        case .binary(.and, let left, let right):
            guard try await condition(left, Evaluator.andLeft) else { return .bool(false) }
            return .bool(try await condition(right, Evaluator.andRight))
        case .binary(.or, let left, let right):
            if try await condition(left, Evaluator.orLeft) { return .bool(true) }
            return .bool(try await condition(right, Evaluator.orRight))
        case .binary(let op, let left, let right):
            let lhs = try await evaluate(left)
            let rhs = try await evaluate(right)
            return try at(expr.span, try Operators.binary(op, lhs, rhs))
        case .field(let base, let name):
            let value = try await evaluate(base)
            return try at(expr.span, try Fields.field(name, of: value))
        case .index(let base, let key):
            let container = try await evaluate(base)
            let index = try await evaluate(key)
            return try at(expr.span, try Fields.index(container, with: index))
        case .call(let name, let arguments):
            return try await call(name, arguments, span: expr.span)
        case .command(let command):
            return try await perform(command, span: expr.span)
        case .pipeline(let source, let stages):
            return try await runPipeline(source, stages)
        }
    }

    /// Runs a throwing operation, attaching any catalog message to `span`.
    /// The spans these take are computed only for an error (a node's span costs a branch).
    func at<T>(_ span: @autoclosure () -> SourceSpan, _ body: @autoclosure () throws(Message) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Interruption.error(error, at: span())
        }
    }

    func checkedNesting(_ value: Value, at span: @autoclosure () -> SourceSpan) throws -> Value {
        if value.exceedsNesting(Catalog.maxDepth) { throw Interruption.error(Catalog.tooDeepValue(), at: span()) }
        return value
    }

    nonisolated(nonsending) private func call(_ name: String, _ arguments: [Expr], span: SourceSpan) async throws -> Value {
        var values: [Value] = []
        for argument in arguments { values.append(try await evaluate(argument)) }
        if let builtin = Builtins.function(named: name) { return try callBuiltin(builtin, values, arguments, span: span) }
        guard let function = host.function(named: name) else {
            let candidates = Builtins.names + host.functionNames
            throw Interruption.error(Catalog.unknownFunction(name, suggestion: Suggestions.closest(to: name, in: candidates)),
                                     at: span)
        }
        return try await hostCall(at: span) { try await function(values) }
    }

    func callBuiltin(_ builtin: Builtin, _ values: [Value], _ arguments: [Expr], span: SourceSpan) throws -> Value {
        do {
            return try builtin(values)
        } catch {
            let argumentSpan = error.argument.flatMap { arguments.indices.contains($0) ? arguments[$0].span : nil }
            throw Interruption.error(error.message, at: argumentSpan ?? span)
        }
    }

    /// Calls the host, turning its errors into diagnostics at `span` (or the span it names).
    nonisolated(nonsending) func hostCall(at span: SourceSpan, _ body: nonisolated(nonsending) () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as HostError {
            let diagnostic = Diagnostic(message: error.message, span: error.span ?? span, notes: error.notes)
            throw Interruption.failure(diagnostic, exitCode: error.exitCode)
        } catch is CancellationError {
            throw Interruption.cancelled
        } catch {
            throw Interruption.error(Catalog.hostFailure(), at: span)
        }
    }
}

extension Value {
    /// True when lists/records nest deeper than `limit` (stops looking past the limit).
    func exceedsNesting(_ limit: Int) -> Bool {
        switch self {
        case .list(let elements): return limit <= 0 || elements.contains { $0.exceedsNesting(limit - 1) }
        case .record(let record): return limit <= 0 || record.fields.contains { $0.value.exceedsNesting(limit - 1) }
        default: return false
        }
    }
}
