import Synchronization

/// One execution of a workflow request: the device and user it runs for, as far as the tenant
/// knows them (nil when the identifiers matched nothing; such executions wait, then expire).
struct WorkflowExecution: Sendable {
    let executionID: String
    let deviceUID: String?
    let deviceName: String?
    let userSID: String?
    /// Dependency NONE: runs without a device or user.
    var inCloud = false
}

/// One accepted workflow execute call.
struct WorkflowRun: Sendable {
    let requestID: String
    let workflowID: String
    let createdAt: Double
    let executions: [WorkflowExecution]
}

final class WorkflowRunStore: Sendable {
    private struct Runs {
        var byRequest: [String: WorkflowRun] = [:]
        /// Execution id to (request id, workflow uuid).
        var byExecution: [String: (request: String, workflowUUID: String)] = [:]
        /// Emulated time at which a waiting execution was released by the thinklet trigger.
        var triggeredAt: [String: Double] = [:]
    }

    private let runs = Mutex(Runs())

    func add(_ run: WorkflowRun, workflowUUID: String) {
        runs.withLock { r in
            r.byRequest[run.requestID] = run
            for e in run.executions { r.byExecution[e.executionID] = (run.requestID, workflowUUID.lowercased()) }
        }
    }

    func run(_ requestID: String) -> WorkflowRun? {
        runs.withLock { $0.byRequest[requestID.lowercased()] }
    }

    /// The run and execution with this id, if it belongs to the workflow with `workflowUUID`.
    func execution(_ executionID: String, workflowUUID: String) -> (WorkflowRun, WorkflowExecution)? {
        runs.withLock { r in
            guard let owner = r.byExecution[executionID.lowercased()], owner.workflowUUID == workflowUUID.lowercased(),
                  let run = r.byRequest[owner.request],
                  let execution = run.executions.first(where: { $0.executionID == executionID.lowercased() })
            else { return nil }
            return (run, execution)
        }
    }

    func triggeredAt(_ executionID: String) -> Double? {
        runs.withLock { $0.triggeredAt[executionID.lowercased()] }
    }

    /// Records the release of a waiting execution; false if it was already released.
    func trigger(_ executionID: String, at time: Double) -> Bool {
        runs.withLock { $0.triggeredAt.updateValue(time, forKey: executionID.lowercased()) == nil }
    }
}
