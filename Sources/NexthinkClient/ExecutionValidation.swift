extension ExecutionRequest {
    /// Checks the rules the spec states, and, when the action's details are known, that it is
    /// enabled for the API and takes these parameters. The ids are proven by their types.
    /// Returns every problem (empty when the request is fine).
    public func problems(against action: RemoteAction? = nil) -> [ValidationProblem] {
        var found = shapeProblems()
        if let action { found += actionProblems(action) }
        return found
    }

    /// Throws a `ValidationError` listing every problem.
    public func validate(against action: RemoteAction? = nil) throws(ValidationError) {
        let found = problems(against: action)
        if !found.isEmpty { throw ValidationError(problems: found) }
    }

    private func shapeProblems() -> [ValidationProblem] {
        var found = deviceProblems()
        if let m = expiresInMinutes, !Limits.expiresInMinutes.contains(m) {
            found.append(.init(field: "expiresInMinutes", message:
                "\(m) is out of range; use \(Limits.expiresInMinutes.lowerBound)...\(Limits.expiresInMinutes.upperBound) minutes (1 hour to 7 days)"))
        }
        if let reason = triggerInfo?.reason, reason.unicodeScalars.count > Limits.reasonLength {
            found.append(.init(field: "triggerInfo.reason", message:
                "is \(reason.unicodeScalars.count) characters long; the limit is \(Limits.reasonLength)"))
        }
        return found
    }

    private func deviceProblems() -> [ValidationProblem] {
        if devices.isEmpty {
            return [.init(field: "devices", message: "no device given; pass 1 to \(Limits.devices.upperBound) collector UUIDs")]
        }
        return IDListRules.countProblems(devices.count, field: "devices", max: Limits.devices.upperBound)
    }

    /// The action's own problems (`RemoteAction.triggerProblems`), then the parameters
    /// against its declared inputs.
    private func actionProblems(_ action: RemoteAction) -> [ValidationProblem] {
        guard action.id == remoteActionId.text else {
            return [.init(field: "remoteActionId", message:
                "the request is for \(remoteActionId) but was checked against the details of \(action.id)")]
        }
        var found = action.triggerProblems.map { ValidationProblem(field: "remoteActionId", message: $0.description) }
        let inputs = Dictionary(action.scriptInfo.inputs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        // Sorted so the report is stable from run to run.
        for name in params.keys.sorted() {
            let value = params[name] ?? ""
            guard let input = inputs[name] else {
                let known = inputs.keys.sorted().joined(separator: ", ")
                found.append(.init(field: "params.\(name)", message: known.isEmpty
                    ? "\(action.id) takes no parameters"
                    : "unknown parameter; \(action.id) takes: \(known)"))
                continue
            }
            if !input.allowCustomValue, !input.options.isEmpty, !input.options.contains(value) {
                found.append(.init(field: "params.\(name)", message:
                    "'\(value)' is not allowed; choose one of: \(input.options.joined(separator: ", "))"))
            }
        }
        // Missing inputs are not reported: the spec has no "required" flag, and Nexthink
        // runs the script with the input's configured default.
        return found
    }
}
