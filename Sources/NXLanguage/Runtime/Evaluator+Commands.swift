extension Evaluator {
    nonisolated(nonsending) func perform(_ command: Command, span: SourceSpan) async throws -> Value {
        let hostCommand: HostCommand
        switch command {
        case .token: hostCommand = .token
        case .list(let platform): hostCommand = .list(platform: platform)
        case .get(let id): hostCommand = .get(id: try await nqlID(id, for: "'get'"))
        case .run(let clauses): hostCommand = .run(try await runCommand(clauses))
        case .status(let target): hostCommand = .status(target: try await evaluate(target))
        case .wait(let target, let timeout):
            let value = try await evaluate(target)
            hostCommand = .wait(target: value, timeoutSeconds: try await timeout.asyncMap { try await seconds($0, "'timeout'") })
        case .query(let id, let parameters):
            let queryID = try await nqlID(id, for: "'query'")
            hostCommand = .query(id: queryID, parameters: try await parameters.asyncMap(stringParameters) ?? [:])
        case .audit(let limit):
            hostCommand = .audit(limit: try await limit.asyncMap(auditLimit))
        }
        return try await hostCall(at: span) { try await host.perform(hostCommand) }
    }

    nonisolated(nonsending) private func runCommand(_ clauses: RunClauses) async throws -> RunCommand {
        let action = try await nqlID(clauses.action, for: "'run'")
        let devicesValue = try await evaluate(clauses.devices)
        let devices: [Value]
        var spans: [SourceSpan?]
        switch devicesValue {
        case .list(let elements):
            devices = elements
            if case .list(let literals) = clauses.devices.kind, literals.count == elements.count {
                spans = literals.map(\.span)
            } else {
                spans = Array(repeating: clauses.devices.span, count: elements.count)
            }
        case .uuid, .string:
            devices = [devicesValue]
            spans = [clauses.devices.span]
        default:
            throw Interruption.error(Catalog.expectedType("the devices of 'run'", expected: "a list of device ids or one device id",
                                                          got: devicesValue.typeName), at: clauses.devices.span)
        }
        var command = RunCommand(actionID: action, devices: devices, deviceSpans: spans)
        command.parameters = try await clauses.parameters.asyncMap(stringParameters) ?? [:]
        command.expiresInMinutes = try await clauses.expires.asyncMap(expiryMinutes)
        command.reason = try await clauses.reason.asyncMap { try await string($0, "'reason'") }
        command.reference = try await clauses.reference.asyncMap { try await string($0, "'ref'") }
        return command
    }

    /// `#name` or a string (a leading `#` is added if missing, as the API needs it).
    nonisolated(nonsending) private func nqlID(_ expr: Expr, for command: String) async throws -> String {
        switch try await evaluate(expr) {
        case .nqlID(let id): return id
        case .string(let text): return text.hasPrefix("#") ? text : "#" + text
        case let other:
            throw Interruption.error(Catalog.expectedType("the id given to \(command)", expected: "an NQL id such as #get_battery_status",
                                                          got: other.typeName), at: expr.span)
        }
    }

    /// Parameters are strings for the API; numbers and bools are converted to their text.
    nonisolated(nonsending) private func stringParameters(_ expr: Expr) async throws -> [String: String] {
        let value = try await evaluate(expr)
        guard case .record(let record) = value else {
            throw Interruption.error(Catalog.expectedType("parameters", expected: "a map like <name: \"value\">",
                                                          got: value.typeName), at: expr.span)
        }
        var parameters: [String: String] = [:]
        for (key, field) in record.fields {
            switch field {
            case .string, .int, .double, .bool, .uuid, .nqlID, .duration: parameters[key] = ValueFormatter.text(field)
            default: throw Interruption.error(Catalog.parameterValue(key, type: field.typeName), at: expr.span)
            }
        }
        return parameters
    }

    nonisolated(nonsending) private func expiryMinutes(_ expr: Expr) async throws -> Int {
        let seconds = try await seconds(expr, "'expires'")
        guard seconds % 60 == 0 else {
            throw Interruption.error(Catalog.notWholeMinutes(ValueFormatter.duration(seconds)), at: expr.span)
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

    nonisolated(nonsending) private func auditLimit(_ expr: Expr) async throws -> Int {
        let value = try await evaluate(expr)
        guard case .int(let limit) = value else {
            throw Interruption.error(Catalog.expectedType("the 'audit' limit", expected: "an int", got: value.typeName), at: expr.span)
        }
        guard limit >= 0 else { throw Interruption.error(Catalog.negativeCount("audit", limit), at: expr.span) }
        return limit
    }
}

extension Optional {
    nonisolated(nonsending) func asyncMap<T>(_ transform: nonisolated(nonsending) (Wrapped) async throws -> T) async throws -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
