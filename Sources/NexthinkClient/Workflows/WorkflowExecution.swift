/// Body of `POST /api/v1/workflows/execute`: Collector UUIDs and user SIDs.
public struct WorkflowExecutionRequest: Sendable, Hashable, Codable {
    public var workflowId: NQLID
    public var devices: [CollectorID]
    public var users: [UserSID]
    public var params: [String: String]

    public init(workflowId: NQLID, devices: [CollectorID] = [], users: [UserSID] = [], params: [String: String] = [:]) {
        self.workflowId = workflowId
        self.devices = devices
        self.users = users
        self.params = params
    }
}

/// Body of `POST /api/v2/workflows/execute`: devices and users by external identifiers.
public struct WorkflowTargetsRequest: Sendable, Hashable, Codable {
    public var workflowId: NQLID
    public var devices: [WorkflowDevice]
    public var users: [WorkflowUser]
    public var params: [String: String]

    public init(workflowId: NQLID, devices: [WorkflowDevice] = [], users: [WorkflowUser] = [], params: [String: String] = [:]) {
        self.workflowId = workflowId
        self.devices = devices
        self.users = users
        self.params = params
    }
}

/// A device by any of its identifiers (at least one), checked against the Workflows document's
/// patterns when it is made, so bodies and batches take it as proven. The service picks the
/// most recently active device when several match.
public struct WorkflowDevice: Sendable, Hashable, Codable {
    public let name: String?
    public let uid: String?
    public let collectorUid: CollectorID?

    /// A validation error (field `devices`) saying what is wrong with the first bad identifier.
    public init(name: String? = nil, uid: String? = nil, collectorUid: String? = nil) throws(NexthinkError) {
        let problem: String? = if name == nil, uid == nil, collectorUid == nil { "give at least one of name, uid, collectorUid" }
            else if let uid, !IDRules.isUUID(uid) { "uid \(uid) is not \(IDRules.uuidExample)" }
            else if let c = collectorUid, !IDRules.isUUID(c) { "collectorUid \(c) is not \(IDRules.uuidExample)" }
            else if name?.isEmpty == true { "name is empty" }
            else { nil }
        if let problem { throw NexthinkError.validation([.init(field: "devices", message: problem)]) }
        self.name = name
        self.uid = uid
        self.collectorUid = collectorUid.map(CollectorID.init(checked:))
    }
}

/// A user by any of its identifiers (at least one), checked when it is made.
public struct WorkflowUser: Sendable, Hashable, Codable {
    public let sid: UserSID?
    public let upn: String?
    public let uid: String?

    /// A validation error (field `users`) saying what is wrong with the first bad identifier.
    public init(sid: String? = nil, upn: String? = nil, uid: String? = nil) throws(NexthinkError) {
        let problem: String? = if sid == nil, upn == nil, uid == nil { "give at least one of sid, upn, uid" }
            else if let sid, !IDRules.isSID(sid) { "sid \(sid) is not \(IDRules.sidExample)" }
            else if let upn, !IDRules.isUPN(upn) { "upn \(upn) is not a user principal name (expected e.g. a@acme.com)" }
            else if let uid, !IDRules.isUUID(uid) { "uid \(uid) is not \(IDRules.uuidExample)" }
            else { nil }
        if let problem { throw NexthinkError.validation([.init(field: "users", message: problem)]) }
        self.sid = sid.map(UserSID.init(checked:))
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
