/// Workflows API 1.0.0. Every call takes an optional `source`, sent as the `Source` header
/// (the service records it with the executions, e.g. "nxsh" or "ServiceNow").
extension NexthinkClient {
    /// Workflows matching `filter` (the service does not page). Filters left nil are not sent.
    public func listWorkflows(filter: WorkflowFilter = .init(), source: String? = nil) async throws -> [Workflow] {
        try checkSource(source)
        var query: [(String, String)] = []
        if let d = filter.dependency { query.append(("dependency", d.rawValue)) }
        if let t = filter.triggerMethod { query.append(("triggerMethod", t.rawValue)) }
        if let a = filter.onlyActive { query.append(("fetchOnlyActiveWorkflows", String(a))) }
        let response = try await call("GET", "/api/v1/workflows" + QueryEncoding.query(query), .read,
                                      ErrorContext(subject: "workflow list"), source: source)
        return try decode([Workflow].self, response, what: "workflow list")
    }

    /// Details of one workflow by NQL id (`#name`). The service answers a list, empty for an
    /// unknown id: that is reported as not found.
    public func workflow(id: NQLID, source: String? = nil) async throws -> Workflow {
        try checkSource(source)
        let hint = "no workflow has the id \(id); list them to see the valid ids"
        let path = "/api/v1/workflows/details" + QueryEncoding.query([("nqlId", id.text)])
        let response = try await call("GET", path, .read, ErrorContext(subject: "workflow \(id)", notFoundHint: hint), source: source)
        guard let found = try decode([Workflow].self, response, what: "workflow \(id)").first(where: { $0.id == id.text }) else {
            throw NexthinkError(kind: .notFound, status: response.status, message: "workflow \(id): not found",
                                method: "GET", path: endpoints.api.path + path, hint: hint)
        }
        return found
    }

    /// Triggers a workflow for Collector UUIDs and user SIDs (v1). Validated first (against
    /// `workflow` when given); nothing is sent if any rule is broken. Never repeated unless
    /// the service provably did not act on it.
    public func executeWorkflow(_ request: WorkflowExecutionRequest, against workflow: Workflow? = nil,
                                source: String? = nil) async throws -> WorkflowExecutionResponse {
        try await triggerWorkflow(request, id: request.workflowId, problems: request.problems(against: workflow),
                                  path: "/api/v1/workflows/execute", source: source)
    }

    /// Triggers a workflow for devices and users named by external identifiers (v2).
    public func executeWorkflow(_ request: WorkflowTargetsRequest, against workflow: Workflow? = nil,
                                source: String? = nil) async throws -> WorkflowExecutionResponse {
        try await triggerWorkflow(request, id: request.workflowId, problems: request.problems(against: workflow),
                                  path: "/api/v2/workflows/execute", source: source)
    }

    /// Releases an execution waiting in a "wait for event" thinklet. Acting: never repeated
    /// unless the service provably did not act on it.
    public func triggerThinklet(workflowUUID: String, executionUUID: String, parameters: [String: String] = [:],
                                source: String? = nil) async throws -> [ThinkletTriggerResponse] {
        var problems: [ValidationProblem] = []
        for (field, value) in [("workflowUuid", workflowUUID), ("executionUuid", executionUUID)] where !IDRules.isUUID(value) {
            problems.append(.init(field: field, message: "'\(value)' is not \(IDRules.uuidExample)"))
        }
        for name in parameters.keys.sorted() where parameters[name]?.isEmpty == true {
            problems.append(.init(field: "parameters.\(name)", message: "must not be empty"))
        }
        problems += sourceProblems(source)
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        struct Body: Encodable { var parameters: [String: String] }
        let path = "/api/v1/workflows/workflows/\(workflowUUID)/execution/\(executionUUID)/trigger"
        var context = ErrorContext(subject: "trigger of execution \(executionUUID)",
                                   notFoundHint: "no waiting execution \(executionUUID) in workflow \(workflowUUID)")
        context.outcomeHint = ErrorContext.outcomeHint(checking: "the execution's status (NQL workflow.executions)")
        let response = try await call("POST", path, .acting, context, body: try WireJSON.encode(Body(parameters: parameters)), source: source)
        return try decodeAccepted([ThinkletTriggerResponse].self, response, path: path,
                                  what: "the trigger of execution \(executionUUID)", check: "the execution's status")
    }

    private func triggerWorkflow(_ body: some Encodable, id: NQLID, problems: [ValidationProblem], path: String,
                                 source: String?) async throws -> WorkflowExecutionResponse {
        let problems = problems + sourceProblems(source)
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        var context = ErrorContext(subject: "execution of workflow \(id)", notFoundHint: "no workflow has the id \(id)")
        context.outcomeHint = ErrorContext.outcomeHint(checking: "the executions (NQL workflow.executions)")
        let response = try await call("POST", path, .acting, context, body: try WireJSON.encode(body), source: source)
        return try decodeAccepted(WorkflowExecutionResponse.self, response, path: path,
                                  what: "the execution of workflow \(id)", check: "the executions")
    }

    private func checkSource(_ source: String?) throws {
        let problems = sourceProblems(source)
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
    }

    /// A header value must stay one printable line, or it would split the request.
    private func sourceProblems(_ source: String?) -> [ValidationProblem] {
        guard let source else { return [] }
        let ok = !source.isEmpty && source.count <= 255 && source.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
        return ok ? [] : [.init(field: "Source", message: "must be 1 to 255 printable characters on one line")]
    }
}
