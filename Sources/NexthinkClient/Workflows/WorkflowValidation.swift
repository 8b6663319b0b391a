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

/// Checks shared by both execute versions: the id, the params, and, when the workflow's
/// details are known, that it can be triggered through the API with these parameters.
enum WorkflowRules {
    static func problems(id: String, params: [String: String], hasTargets: Bool, against workflow: Workflow?) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if !IDRules.isObjectID(id) {
            found.append(.init(field: "workflowId", message:
                "'\(id)' is not a workflow id; ids start with '#' then letters, digits or '_' (e.g. #wf_restart_spooler)"))
        }
        if !hasTargets, workflow?.dependency != WorkflowDependency.none {
            found.append(.init(field: "devices", message: "no device or user given; pass at least one target"))
        }
        guard let workflow else { return found }
        guard workflow.id == id else {
            return found + [.init(field: "workflowId", message: "the request is for \(id) but was checked against the details of \(workflow.id)")]
        }
        found += workflow.triggerProblems.map { .init(field: "workflowId", message: $0) }
        if let declared = workflow.declaredParameters {
            for name in params.keys.sorted() where !declared.contains(name) {
                found.append(.init(field: "params.\(name)", message: declared.isEmpty
                    ? "\(id) takes no parameters" : "unknown parameter; \(id) takes: \(declared.sorted().joined(separator: ", "))"))
            }
        }
        return found
    }
}

extension Workflow {
    /// Why it cannot be triggered through the API (empty when it can); `nxsh check` reports
    /// the same before a script runs.
    public var triggerProblems: [String] {
        var found: [String] = []
        if status == .inactive { found.append("\(id) is inactive; activate it in Nexthink first") }
        if !isAPIEnabled { found.append("\(id) cannot be triggered through the API; enable its API trigger in Nexthink first") }
        return found
    }
}

extension WorkflowExecutionRequest {
    /// Every problem (empty when the request is fine); see `WorkflowRules`.
    public func problems(against workflow: Workflow? = nil) -> [ValidationProblem] {
        let max = Limits.workflowTargets.upperBound
        return WorkflowRules.problems(id: workflowId, params: params, hasTargets: !devices.isEmpty || !users.isEmpty, against: workflow)
            + IDListRules.problems(devices, field: "devices", max: max, valid: IDRules.isUUID, expected: "a collector UUID (expected e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6)")
            + IDListRules.problems(users, field: "users", max: max, valid: IDRules.isSID, expected: IDRules.sidExample)
    }
}

extension WorkflowTargetsRequest {
    public func problems(against workflow: Workflow? = nil) -> [ValidationProblem] {
        let max = Limits.workflowTargets.upperBound
        var found = WorkflowRules.problems(id: workflowId, params: params, hasTargets: !devices.isEmpty || !users.isEmpty, against: workflow)
        found += IDListRules.problems(devices, field: "devices", max: max, problem: \.problem)
        found += IDListRules.problems(users, field: "users", max: max, problem: \.problem)
        return found
    }
}

extension WorkflowDevice {
    /// Why this record cannot identify a device, if it cannot.
    public var problem: String? {
        if name == nil, uid == nil, collectorUid == nil { return "give at least one of name, uid, collectorUid" }
        if let uid, !IDRules.isUUID(uid) { return "uid \(uid) is not \(IDRules.uuidExample)" }
        if let c = collectorUid, !IDRules.isUUID(c) { return "collectorUid \(c) is not \(IDRules.uuidExample)" }
        if name?.isEmpty == true { return "name is empty" }
        return nil
    }
}

extension WorkflowUser {
    public var problem: String? {
        if sid == nil, upn == nil, uid == nil { return "give at least one of sid, upn, uid" }
        if let sid, !IDRules.isSID(sid) { return "sid \(sid) is not \(IDRules.sidExample)" }
        if let upn, !IDRules.isUPN(upn) { return "upn \(upn) is not a user principal name (expected e.g. a@acme.com)" }
        if let uid, !IDRules.isUUID(uid) { return "uid \(uid) is not \(IDRules.uuidExample)" }
        return nil
    }
}
