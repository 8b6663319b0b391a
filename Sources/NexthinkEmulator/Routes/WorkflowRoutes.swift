import Hummingbird
import NIOCore

/// Workflows API 1.0.0: list, details, execute v1 and v2, thinklet trigger. Errors are the
/// API's `{code, details}`.
struct WorkflowRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    func register(on router: Router<EmulatorContext>) {
        router.get("/api/v1/workflows") { request, context in
            try await pipeline.serve(.workflowList, .workflows, request, context) { request, _ in list(request) }
        }
        router.get("/api/v1/workflows/details") { request, context in
            try await pipeline.serve(.workflowDetails, .workflows, request, context) { request, _ in details(request) }
        }
        for (path, version) in [("/api/v1/workflows/execute", WorkflowRequest.Version.v1), ("/api/v2/workflows/execute", .v2)] {
            router.post(RouterPath(path)) { request, context in
                try await pipeline.serve(.workflowExecute, .workflows, request, context) { _, body in
                    WorkflowExecuteHandler(state: state).handle(body, version)
                }
            }
        }
        router.post("/api/v1/workflows/workflows/:workflowUuid/execution/:executionUuid/trigger") { request, context in
            try await pipeline.serve(.thinkletTrigger, .workflows, request, context) { _, body in
                ThinkletTriggerHandler(state: state).handle(workflowUUID: context.parameters.get("workflowUuid") ?? "",
                                                            executionUUID: context.parameters.get("executionUuid") ?? "", body: body)
            }
        }
    }

    /// *choice*: the document marks `dependency` and `triggerMethod` required, but a missing one
    /// means "any" here (see spec/README.md); an unknown value is 400.
    private func list(_ request: Request) -> Response {
        let query = QueryString(request.uri.query)
        var workflows = state.automation.workflows
        if let raw = query["dependency"] {
            guard let wanted = Workflow.Dependency(rawValue: raw) else { return invalid("dependency", raw, Workflow.Dependency.allCases.map(\.rawValue)) }
            workflows = workflows.filter { $0.dependency == wanted }
        }
        if let raw = query["triggerMethod"] {
            guard let wanted = Workflow.TriggerMethod(rawValue: raw) else { return invalid("triggerMethod", raw, Workflow.TriggerMethod.allCases.map(\.rawValue)) }
            workflows = workflows.filter { $0.allows(wanted) }
        }
        if let raw = query["fetchOnlyActiveWorkflows"] {
            guard let only = Bool(raw.lowercased()) else { return invalid("fetchOnlyActiveWorkflows", raw, ["true", "false"]) }
            if only { workflows = workflows.filter { $0.status == .active } }
        }
        return Reply.json(workflows)
    }

    private func invalid(_ name: String, _ value: String, _ allowed: [String]) -> Response {
        Reply.workflowError(.badRequest, "INVALID_REQUEST",
                            "query parameter \(name) is '\(value.prefix(60))'; use one of \(allowed.joined(separator: ", "))")
    }

    /// *choice*: the answer is an array (as documented), empty for an unknown id.
    private func details(_ request: Request) -> Response {
        guard let id = QueryString(request.uri.query)["nqlId"] else {
            return Reply.workflowError(.badRequest, "INVALID_REQUEST",
                                       "query parameter nqlId is required, e.g. ?nqlId=%23wf_restart_spooler (# encoded as %23)")
        }
        return Reply.json(state.automation.workflow(id: id).map { [$0] } ?? [])
    }
}
