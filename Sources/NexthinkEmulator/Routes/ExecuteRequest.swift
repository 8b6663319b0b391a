/// A syntactically valid execute body (spec schema `ExecutionRequest` plus the README rules).
/// Every rejection names the rule broken, because that message is all a user sees.
struct ExecuteRequest {
    var remoteActionID: String
    var devices: [String]
    var expiresInMinutes: Int

    static let maxDevices = 10_000
    static let expiryRange = 60...10_080
    static let maxReasonLength = 500

    /// Unknown top-level fields are ignored and `null` means absent, as Jackson-based services do.
    static func parse(_ body: some Collection<UInt8>) -> Result<ExecuteRequest, ValidationError> {
        guard let json = try? JSONValue.parse(body) else {
            return .failure("request body must be a JSON object (ExecutionRequest); it is not valid JSON")
        }
        guard case .object(let fields) = json else {
            return .failure("request body must be a JSON object (ExecutionRequest), not \(json.typeName)")
        }
        do {
            try params(fields["params"])
            try triggerInfo(fields["triggerInfo"])
            return .success(ExecuteRequest(
                remoteActionID: try remoteActionID(fields["remoteActionId"]),
                devices: try devices(fields["devices"]),
                expiresInMinutes: try expiry(fields["expiresInMinutes"])))
        } catch {
            return .failure(error)
        }
    }

    private static func remoteActionID(_ value: JSONValue?) throws(ValidationError) -> String {
        guard let value, value != .null else { throw "remoteActionId is required, e.g. \"#restart_service\"" }
        guard let id = value.stringValue else { throw "remoteActionId must be a string, not \(value.typeName)" }
        guard !id.isEmpty else { throw "remoteActionId must not be empty" }
        return id
    }

    private static func devices(_ value: JSONValue?) throws(ValidationError) -> [String] {
        guard let value, value != .null else { throw "devices is required: an array of 1 to 10000 Collector UUIDs" }
        guard case .array(let items) = value else { throw "devices must be an array of Collector UUIDs, not \(value.typeName)" }
        guard !items.isEmpty else { throw "devices must contain at least 1 Collector UUID" }
        guard items.count <= maxDevices else {
            throw "devices has \(items.count) entries; at most \(maxDevices) are allowed per call (split into batches)"
        }
        var seen = Set<String>(minimumCapacity: items.count)
        var uids: [String] = []
        uids.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard let uid = item.stringValue else { throw "devices[\(i)] must be a string, not \(item.typeName)" }
            guard UUIDShape.matches(uid) else {
                throw "devices[\(i)] is '\(uid.prefix(60))', which is not a Collector UUID (8-4-4-4-12 hex digits)"
            }
            if seen.insert(uid.lowercased()).inserted { uids.append(uid) }
        }
        return uids
    }

    private static func expiry(_ value: JSONValue?) throws(ValidationError) -> Int {
        guard let value, value != .null else { return 60 }
        guard case .number(let n) = value, n == n.rounded(), abs(n) < 1e9 else {
            throw "expiresInMinutes must be an integer number of minutes (60 to 10080)"
        }
        guard expiryRange.contains(Int(n)) else { throw "expiresInMinutes is \(Int(n)); it must be between 60 and 10080" }
        return Int(n)
    }

    private static func params(_ value: JSONValue?) throws(ValidationError) {
        guard let value, value != .null else { return }
        guard case .object(let fields) = value else { throw "params must be an object of name to string value, not \(value.typeName)" }
        for (name, v) in fields.sorted(by: { $0.key < $1.key }) where v.stringValue == nil {
            throw "params.\(name) must be a string, not \(v.typeName) (quote it)"
        }
    }

    private static func triggerInfo(_ value: JSONValue?) throws(ValidationError) {
        guard let value, value != .null else { return }
        guard case .object(let trigger) = value else { throw "triggerInfo must be an object, not \(value.typeName)" }
        for key in ["externalSource", "reason", "externalReference"] {
            guard let v = trigger[key], v != .null else { continue }
            guard let s = v.stringValue else { throw "triggerInfo.\(key) must be a string, not \(v.typeName)" }
            if key == "reason", s.count > maxReasonLength {
                throw "triggerInfo.reason has \(s.count) characters; at most \(maxReasonLength) are allowed"
            }
        }
    }
}

struct ValidationError: Error, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    var message: String
    init(stringLiteral value: String) { message = value }
    init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
}
