import Hummingbird
import NIOCore

/// `POST /api/v{1,2}/workflows/execute`: shape (400 INVALID_REQUEST), then the workflow
/// (400 WORKFLOW_NOT_FOUND, 400 WORKFLOW_INACTIVE, 403 WORKFLOW_NOT_API_ENABLED), then the
/// targets (400 INVALID_REQUEST when a workflow that needs one gets none).
///
/// `params` are not checked against the workflow's declared parameters: the document allows
/// any string map, as remote actions do.
struct WorkflowExecuteHandler {
    let state: EmulatorState

    func handle(_ body: ByteBuffer, _ version: WorkflowRequest.Version) -> Response {
        let request: WorkflowRequest
        do {
            request = try WorkflowRequest.parse(body.readableBytesView, version)
        } catch {
            return Reply.workflowError(.badRequest, "INVALID_REQUEST", error.message)
        }
        guard let workflow = state.automation.workflow(id: request.workflowID) else {
            let hint = request.workflowID.hasPrefix("#") ? "" : " (workflow ids start with '#')"
            return Reply.workflowError(.badRequest, "WORKFLOW_NOT_FOUND", "no workflow with id '\(request.workflowID.prefix(80))'\(hint)")
        }
        guard workflow.status == .active else {
            return Reply.workflowError(.badRequest, "WORKFLOW_INACTIVE", "workflow '\(workflow.id)' is inactive; activate it in Nexthink first")
        }
        guard workflow.triggerMethods.apiEnabled else {
            return Reply.workflowError(.forbidden, "WORKFLOW_NOT_API_ENABLED",
                                       "workflow '\(workflow.id)' cannot be triggered through the API (triggerMethods.apiEnabled is false)")
        }
        let executions = WorkflowTargets(state: state).executions(request, dependency: workflow.dependency)
        guard !executions.isEmpty else {
            return Reply.workflowError(.badRequest, "INVALID_REQUEST",
                                       "workflow '\(workflow.id)' targets \(workflow.dependency.rawValue); give at least one device or user")
        }
        let run = WorkflowRun(requestID: WorkflowTargets.newID(), workflowID: workflow.id, createdAt: state.clock.now(),
                              executions: executions)
        state.workflowRuns.add(run, workflowUUID: workflow.uuid)
        state.stats.recordAccepted(.workflowExecute)
        return Reply.json(Accepted(requestUuid: run.requestID, executionsUuids: executions.map(\.executionID)))
    }

    private struct Accepted: Encodable {
        var requestUuid: String
        var executionsUuids: [String]
    }
}

/// `POST .../workflows/{workflowUuid}/execution/{executionUuid}/trigger`: releases an
/// execution that waits in a "wait for event" thinklet. Answers a one-element array.
struct ThinkletTriggerHandler {
    let state: EmulatorState

    func handle(workflowUUID: String, executionUUID: String, body: ByteBuffer) -> Response {
        for (name, value) in [("workflowUuid", workflowUUID), ("executionUuid", executionUUID)] where !UUIDShape.matches(value) {
            return Reply.workflowError(.badRequest, "INVALID_REQUEST", "\(name) '\(value.prefix(60))' is not a UUID")
        }
        if body.readableBytes > 0 {
            do {
                let params = try JSONFields.object(body.readableBytesView, schema: "ThinkletTriggerRequest").stringMap("parameters")
                if let empty = params.first(where: { $0.value.isEmpty }) {
                    return Reply.workflowError(.badRequest, "INVALID_REQUEST", "parameters.\(empty.key) must not be empty")
                }
            } catch {
                return Reply.workflowError(.badRequest, "INVALID_REQUEST", error.message)
            }
        }
        guard let workflow = state.automation.workflow(uuid: workflowUUID) else {
            return Reply.workflowError(.badRequest, "WORKFLOW_NOT_FOUND", "no workflow with uuid \(workflowUUID)")
        }
        guard let (run, execution) = state.workflowRuns.execution(executionUUID, workflowUUID: workflowUUID) else {
            return Reply.workflowError(.badRequest, "EXECUTION_NOT_FOUND", "workflow \(workflow.id) has no execution \(executionUUID)")
        }
        let now = state.clock.now()
        let current = WorkflowTimeline.at(now, run: run, execution: execution, waits: state.automation.waitsForEvent(workflow.id),
                                          triggeredAt: state.workflowRuns.triggeredAt(executionUUID), catalogue: state.catalogue)
        guard current.status == .waitingForTrigger, state.workflowRuns.trigger(executionUUID, at: now) else {
            return Reply.workflowError(.badRequest, "EXECUTION_NOT_WAITING",
                                       "execution \(executionUUID) is \(current.status.rawValue), not waiting for an event")
        }
        state.stats.recordAccepted(.thinkletTrigger)
        return Reply.json([["requestUuid": WorkflowTargets.newID()]])
    }
}
