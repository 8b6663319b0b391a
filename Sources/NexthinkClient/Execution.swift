/// Body of `POST /api/v1/act/execute`.
public struct ExecutionRequest: Sendable, Hashable, Codable {
    public var remoteActionId: NQLID
    /// Script parameters by input name; the service only takes strings.
    public var params: [String: String]
    public var devices: [CollectorID]
    /// nil lets the service pick its default (60).
    public var expiresInMinutes: Int?
    public var triggerInfo: TriggerInfo?

    public init(
        remoteActionId: NQLID, params: [String: String] = [:], devices: [CollectorID],
        expiresInMinutes: Int? = nil, triggerInfo: TriggerInfo? = nil
    ) {
        self.remoteActionId = remoteActionId
        self.params = params
        self.devices = devices
        self.expiresInMinutes = expiresInMinutes
        self.triggerInfo = triggerInfo
    }
}

public struct TriggerInfo: Sendable, Hashable, Codable {
    public var externalSource: String?
    public var reason: String?
    public var externalReference: String?

    public init(externalSource: String? = nil, reason: String? = nil, externalReference: String? = nil) {
        self.externalSource = externalSource
        self.reason = reason
        self.externalReference = externalReference
    }
}

/// 200 from execute: the request was *accepted*; devices run it when they come online.
public struct ExecutionResponse: Sendable, Hashable, Codable {
    public var requestId: String
    public var expiresInMinutes: Int?

    public init(requestId: String, expiresInMinutes: Int? = nil) {
        self.requestId = requestId
        self.expiresInMinutes = expiresInMinutes
    }

    private enum CodingKeys: String, CodingKey { case requestId, expiresInMinutes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try c.decode(String.self, forKey: .requestId)
        expiresInMinutes = c.lenient(.expiresInMinutes)
    }
}
