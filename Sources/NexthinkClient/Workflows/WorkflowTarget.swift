/// One target of a workflow run, a device or a user, named by the identifiers the caller has.
/// A run's targets are one list (devices first, then users) so that it splits into batches
/// like any other long state change.
public enum WorkflowTarget: Sendable, Hashable {
    case device(WorkflowDevice)
    case user(WorkflowUser)

    public var isDevice: Bool {
        if case .device = self { return true }
        return false
    }

    /// `collectorUid=3fa85f64-…`, `name=LAPTOP-01 upn=…`: what the audit log digests.
    public var text: String {
        let fields: [(String, String?)] = switch self {
        case .device(let d): [("name", d.name), ("uid", d.uid), ("collectorUid", d.collectorUid?.uuid)]
        case .user(let u): [("sid", u.sid?.text), ("upn", u.upn), ("uid", u.uid)]
        }
        return fields.compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: " ")
    }
}

/// The body of one workflow execute call: v1 (Collector UUIDs and SIDs) or v2 (records of
/// external ids). Built from a batch of targets, so the dry run and the call encode the same one.
public enum WorkflowExecuteBody: Sendable, Hashable {
    case v1(WorkflowExecutionRequest)
    case v2(WorkflowTargetsRequest)

    /// v1 takes each device's `collectorUid` and each user's `sid`; callers choose it only when
    /// every target was given as a plain id (a target without one is left out of a v1 body).
    public init(workflowId: NQLID, targets: [WorkflowTarget], params: [String: String], externalIDs: Bool) {
        var devices: [WorkflowDevice] = [], users: [WorkflowUser] = []
        for target in targets {
            switch target {
            case .device(let d): devices.append(d)
            case .user(let u): users.append(u)
            }
        }
        self = externalIDs
            ? .v2(WorkflowTargetsRequest(workflowId: workflowId, devices: devices, users: users, params: params))
            : .v1(WorkflowExecutionRequest(workflowId: workflowId, devices: devices.compactMap(\.collectorUid),
                                           users: users.compactMap(\.sid), params: params))
    }

    public var path: String {
        switch self {
        case .v1: "/api/v1/workflows/execute"
        case .v2: "/api/v2/workflows/execute"
        }
    }

    /// The bytes sent (`WireJSON`), for dry runs.
    public func encoded() throws -> [UInt8] {
        switch self {
        case .v1(let r): try WireJSON.encode(r)
        case .v2(let r): try WireJSON.encode(r)
        }
    }

    public func problems(against workflow: Workflow? = nil) -> [ValidationProblem] {
        switch self {
        case .v1(let r): r.problems(against: workflow)
        case .v2(let r): r.problems(against: workflow)
        }
    }
}

extension NexthinkClient {
    /// Either execute version; see `executeWorkflow(_:against:source:)`.
    public func executeWorkflow(_ body: WorkflowExecuteBody, against workflow: Workflow? = nil,
                                source: String? = nil) async throws -> WorkflowExecutionResponse {
        switch body {
        case .v1(let r): try await executeWorkflow(r, against: workflow, source: source)
        case .v2(let r): try await executeWorkflow(r, against: workflow, source: source)
        }
    }
}

extension BatchExecutor where Item == WorkflowTarget, Response == WorkflowExecutionResponse {
    /// Workflow runs: each batch becomes one execute call (`body`), validated and sent once by `client`.
    public init(workflow: Workflow, body: @escaping @Sendable ([WorkflowTarget]) -> WorkflowExecuteBody,
                client: NexthinkClient, source: String?, concurrency: Int = 4) {
        let path = body([]).path
        self.init(concurrency: concurrency, path: path,
                  unknownOutcomeHint: ErrorContext.outcomeHint(checking: "the executions (NQL workflow.executions)")) { batch in
            try await client.executeWorkflow(body(batch.items), against: workflow, source: source)
        }
    }
}
