/// A device to delete from the Nexthink inventory: the document requires both its UID
/// (a UUID) and its name. Only `checked` makes one, so a deletion request never checks the
/// shape again.
public struct DeviceToDelete: Sendable, Hashable, Encodable {
    public let uid: CollectorID
    public let name: String

    private init(uid: CollectorID, name: String) {
        self.uid = uid
        self.name = name
    }

    /// Every `(uid, name)` as given, or every problem with its index (a UID that is no UUID,
    /// the same device twice, a blank name), so a script hears of all its bad rows at once.
    public static func checked(_ raw: [(uid: String, name: String)]) throws(NexthinkError) -> [DeviceToDelete] {
        var found: [ValidationProblem] = [], devices: [DeviceToDelete] = [], seen = Set<String>()
        for (i, (uid, name)) in raw.enumerated() {
            let id = try? CollectorID(uid)
            if id == nil {
                found.append(.init(field: "devices", index: i, message: "uid '\(uid)' is not a UUID"))
            } else if !seen.insert(uid.lowercased()).inserted {
                found.append(.init(field: "devices", index: i, message: Self.twice(uid)))
            }
            if DeviceIDs.trimmed(name).isEmpty {
                found.append(.init(field: "devices", index: i, message: "device \(uid) has no name; the API needs uid and name"))
            }
            if let id, found.isEmpty { devices.append(DeviceToDelete(uid: id, name: name)) }
        }
        guard found.isEmpty else { throw .validation(EnrichmentPlanner.capped(found)) }
        return devices
    }

    static func twice(_ uid: String) -> String { "device \(uid) appears twice" }
}

/// Body of `POST /api/v1/data-management/device/deletions`.
public struct DeviceDeletionRequest: Sendable, Hashable, Encodable {
    public var devices: [DeviceToDelete]

    public init(devices: [DeviceToDelete]) {
        self.devices = devices
    }
}

/// 202 from the deletions call: accepted, with a scheduling outcome per device.
public struct DeviceDeletionResponse: Sendable, Hashable, Decodable {
    public var scheduledCount: Int
    public var devices: [DeviceDeletionStatus]

    private enum CodingKeys: String, CodingKey { case scheduledCount, devices }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        devices = try c.decode([DeviceDeletionStatus].self, forKey: .devices)
        scheduledCount = c.lenient(.scheduledCount) ?? devices.filter { $0.status == .scheduled }.count
    }
}

public struct DeviceDeletionStatus: Sendable, Hashable, Decodable {
    public var uid: String
    public var name: String
    public var status: Status

    /// `SCHEDULED`, `INVALID` (malformed UID, skipped), `FAILED` (not scheduled); any other
    /// value is kept as given and counts as not scheduled.
    public struct Status: OpenEnum {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let scheduled = Status(rawValue: "SCHEDULED")
        public static let invalid = Status(rawValue: "INVALID")
        public static let failed = Status(rawValue: "FAILED")
    }

    private enum CodingKeys: String, CodingKey { case uid, name, status }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uid = c.lenient(.uid, default: "")
        name = c.lenient(.name, default: "")
        status = try c.decode(Status.self, forKey: .status)
    }
}

public enum DeletionLimits {
    /// The document's maximum of devices per call.
    public static let devicesPerRequest = 100
}

extension [DeviceToDelete] {
    /// What one call adds to `DeviceToDelete.checked`: 1 to 100 devices, no device twice (a
    /// list put together from separately checked parts could still repeat one).
    public func deletionProblems(limit: Int = DeletionLimits.devicesPerRequest) -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        if isEmpty { found.append(.init(field: "devices", message: "no device given")) }
        if count > limit {
            found.append(.init(field: "devices", message: "\(count) devices; one call takes at most \(limit), split the list"))
        }
        var seen = Set<String>()
        for (i, d) in enumerated() where !seen.insert(d.uid.uuid.lowercased()).inserted {
            found.append(.init(field: "devices", index: i, message: DeviceToDelete.twice(d.uid.uuid)))
        }
        return EnrichmentPlanner.capped(found)
    }
}
