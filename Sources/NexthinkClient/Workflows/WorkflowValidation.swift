/// The identifier patterns of the Workflows document (`UserData`, `ExecutionRequest.users`).
extension IDRules {
    /// `^S(-\d+){2,10}$|^0$`
    static func isSID(_ s: String) -> Bool {
        if s == "0" { return true }
        guard s.hasPrefix("S-") else { return false }
        let parts = s.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false)
        return (2...10).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$`
    static func isUPN(_ s: String) -> Bool {
        let halves = s.split(separator: "@", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty,
              halves[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._%+-".contains($0)) }),
              halves[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-".contains($0)) }),
              let dot = halves[1].lastIndex(of: ".") else { return false }
        let tld = halves[1][halves[1].index(after: dot)...]
        return dot != halves[1].startIndex && tld.count >= 2 && tld.allSatisfy(\.isLetter)
    }

    static let sidExample = "a user SID (expected e.g. S-1-5-21-1-2-3-1001)"
    static let uuidExample = "a UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)"
}

/// Checks shared by both execute versions: the params, and, when the workflow's details are
/// known, that it can be triggered through the API with these parameters. The id and the
/// targets are proven by their types.
enum WorkflowRules {
    static func problems(id: NQLID, params: [String: String], hasTargets: Bool, against workflow: Workflow?) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if !hasTargets, workflow?.dependency != WorkflowDependency.none {
            found.append(.init(field: "devices", message: "no device or user given; pass at least one target"))
        }
        guard let workflow else { return found }
        guard workflow.id == id.text else {
            return found + [.init(field: "workflowId", message: "the request is for \(id) but was checked against the details of \(workflow.id)")]
        }
        found += workflow.triggerProblems.map { .init(field: "workflowId", message: $0.description) }
        if let declared = workflow.declaredParameters {
            for name in params.keys.sorted() where !declared.contains(name) {
                found.append(.init(field: "params.\(name)", message: declared.isEmpty
                    ? "\(id) takes no parameters" : "unknown parameter; \(id) takes: \(declared.sorted().joined(separator: ", "))"))
            }
        }
        return found
    }
}

extension WorkflowExecutionRequest {
    /// Every problem (empty when the request is fine); see `WorkflowRules`.
    public func problems(against workflow: Workflow? = nil) -> [ValidationProblem] {
        WorkflowRules.problems(id: workflowId, params: params, hasTargets: !devices.isEmpty || !users.isEmpty, against: workflow)
            + WorkflowRules.countProblems(devices: devices.count, users: users.count)
    }
}

extension WorkflowTargetsRequest {
    public func problems(against workflow: Workflow? = nil) -> [ValidationProblem] {
        WorkflowRules.problems(id: workflowId, params: params, hasTargets: !devices.isEmpty || !users.isEmpty, against: workflow)
            + WorkflowRules.countProblems(devices: devices.count, users: users.count)
    }
}

extension WorkflowRules {
    /// Each list within the per-call limit.
    static func countProblems(devices: Int, users: Int) -> [ValidationProblem] {
        let max = Limits.workflowTargets.upperBound
        return IDListRules.countProblems(devices, field: "devices", max: max) + IDListRules.countProblems(users, field: "users", max: max)
    }
}
