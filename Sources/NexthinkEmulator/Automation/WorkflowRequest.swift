/// A syntactically valid workflow execute body, v1 (`ExecutionRequest`: Collector UUIDs and
/// SIDs) or v2 (`ExternalIdsExecutionRequest`: records of external ids).
struct WorkflowRequest {
    var workflowID: String
    var devices: [DeviceRef]
    var users: [UserRef]
    var params: [String: String]

    static let maxTargets = 10_000

    /// A device as the caller named it; any non-nil field may identify it.
    struct DeviceRef: Hashable {
        var collectorUid: String?
        var uid: String?
        var name: String?
    }

    struct UserRef: Hashable {
        var sid: String?
        var upn: String?
        var uid: String?
    }

    enum Version { case v1, v2 }

    static func parse(_ body: some Collection<UInt8>, _ version: Version) throws(ValidationError) -> WorkflowRequest {
        let schema = version == .v1 ? "ExecutionRequest" : "ExternalIdsExecutionRequest"
        let f = try JSONFields.object(body, schema: schema)
        let id = try f.requiredString("workflowId", example: "#wf_restart_spooler")
        let devices = try f.array("devices", max: maxTargets, of: version == .v1 ? "Collector UUIDs" : "device objects")
        let users = try f.array("users", max: maxTargets, of: version == .v1 ? "SIDs" : "user objects")
        var request = WorkflowRequest(workflowID: id, devices: [], users: [], params: try f.stringMap("params"))
        for (i, item) in devices.enumerated() {
            request.devices.append(version == .v1 ? try v1Device(item, i) : try v2Device(item, i))
        }
        for (i, item) in users.enumerated() {
            request.users.append(version == .v1 ? try v1User(item, i) : try v2User(item, i))
        }
        return request
    }

    private static func v1Device(_ item: JSONValue, _ i: Int) throws(ValidationError) -> DeviceRef {
        guard let s = item.stringValue, UUIDShape.matches(s) else {
            throw "devices[\(i)] must be a Collector UUID (8-4-4-4-12 hex digits)"
        }
        return DeviceRef(collectorUid: s)
    }

    private static func v1User(_ item: JSONValue, _ i: Int) throws(ValidationError) -> UserRef {
        guard let s = item.stringValue, IdentifierShape.isSID(s) else {
            throw "users[\(i)] must be a SID such as S-1-5-21-1-2-3-1001"
        }
        return UserRef(sid: s)
    }

    private static func v2Device(_ item: JSONValue, _ i: Int) throws(ValidationError) -> DeviceRef {
        let f = try record(item, "devices[\(i)]", "DeviceData")
        let ref = DeviceRef(collectorUid: try f.optionalString("collectorUid", "devices[\(i)]", UUIDShape.matches, "a UUID"),
                            uid: try f.optionalString("uid", "devices[\(i)]", UUIDShape.matches, "a UUID"),
                            name: try f.optionalString("name", "devices[\(i)]", { !$0.isEmpty }, "a device name"))
        guard ref != DeviceRef() else { throw "devices[\(i)] needs at least one of collectorUid, uid, name" }
        return ref
    }

    private static func v2User(_ item: JSONValue, _ i: Int) throws(ValidationError) -> UserRef {
        let f = try record(item, "users[\(i)]", "UserData")
        let ref = UserRef(sid: try f.optionalString("sid", "users[\(i)]", IdentifierShape.isSID, "a SID such as S-1-5-21-1-2-3-1001"),
                          upn: try f.optionalString("upn", "users[\(i)]", IdentifierShape.isUPN, "a UPN such as a@acme.com"),
                          uid: try f.optionalString("uid", "users[\(i)]", UUIDShape.matches, "a UUID"))
        guard ref != UserRef() else { throw "users[\(i)] needs at least one of sid, upn, uid" }
        return ref
    }

    private static func record(_ item: JSONValue, _ place: String, _ schema: String) throws(ValidationError) -> JSONFields {
        guard case .object(let fields) = item else { throw "\(place) must be an object (\(schema)), not \(item.typeName)" }
        return JSONFields(fields: fields)
    }
}

extension JSONFields {
    fileprivate func optionalString(_ name: String, _ place: String, _ valid: (String) -> Bool,
                                    _ what: String) throws(ValidationError) -> String? {
        // Inside a record the document allows strings only: null is a wrong type, not "absent".
        guard let value = fields[name] else { return nil }
        guard let s = value.stringValue, valid(s) else { throw "\(place).\(name) must be \(what)" }
        return s
    }
}
