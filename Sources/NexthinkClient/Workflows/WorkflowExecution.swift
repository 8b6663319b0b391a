/// Body of `POST /api/v1/workflows/execute`: Collector UUIDs and user SIDs.
public struct WorkflowExecutionRequest: Sendable, Hashable, Codable {
    public var workflowId: String
    /// Collector UUIDs.
    public var devices: [String]
    /// User SIDs (`S-1-5-21-...`).
    public var users: [String]
    public var params: [String: String]

    public init(workflowId: String, devices: [String] = [], users: [String] = [], params: [String: String] = [:]) {
        self.workflowId = workflowId
        self.devices = devices
        self.users = users
        self.params = params
    }
}

/// Body of `POST /api/v2/workflows/execute`: devices and users by external identifiers.
public struct WorkflowTargetsRequest: Sendable, Hashable, Codable {
    public var workflowId: String
    public var devices: [WorkflowDevice]
    public var users: [WorkflowUser]
    public var params: [String: String]

    public init(workflowId: String, devices: [WorkflowDevice] = [], users: [WorkflowUser] = [], params: [String: String] = [:]) {
        self.workflowId = workflowId
        self.devices = devices
        self.users = users
        self.params = params
    }
}

/// A device by any of its identifiers (at least one). The service picks the most recently
/// active device when several match.
public struct WorkflowDevice: Sendable, Hashable, Codable {
    public var name: String?
    public var uid: String?
    public var collectorUid: String?

    public init(name: String? = nil, uid: String? = nil, collectorUid: String? = nil) {
        self.name = name
        self.uid = uid
        self.collectorUid = collectorUid
    }
}

/// A user by any of its identifiers (at least one).
public struct WorkflowUser: Sendable, Hashable, Codable {
    public var sid: String?
    public var upn: String?
    public var uid: String?

    public init(sid: String? = nil, upn: String? = nil, uid: String? = nil) {
        self.sid = sid
        self.upn = upn
        self.uid = uid
    }
}

/// 200 from either execute: the request was *accepted*; one execution per target.
public struct WorkflowExecutionResponse: Sendable, Hashable, Codable {
    /// Query it in NQL `workflow.executions.request_id` (`#workflow_executions_by_request`).
    public var requestUuid: String
    public var executionsUuids: [String]

    public init(requestUuid: String, executionsUuids: [String]) {
        self.requestUuid = requestUuid
        self.executionsUuids = executionsUuids
    }

    private enum CodingKeys: String, CodingKey { case requestUuid, executionsUuids }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requestUuid = try c.decode(String.self, forKey: .requestUuid)
        executionsUuids = c.lenient(.executionsUuids, default: [])
    }
}

/// One element of the thinklet trigger's answer.
public struct ThinkletTriggerResponse: Sendable, Hashable, Codable {
    public var requestUuid: String

    public init(requestUuid: String) {
        self.requestUuid = requestUuid
    }
}
