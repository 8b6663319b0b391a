/// Body of `POST /api/v1/euf/campaign/trigger`.
public struct CampaignTriggerRequest: Sendable, Hashable, Codable {
    public var campaignNqlId: NQLID
    /// SIDs of the users to show the campaign to.
    public var userSid: [UserSID]
    /// 1 minute to 365 days, from the time of the call.
    public var expiresInMinutes: Int
    /// Values of the campaign's parameters; the keys must be exactly its parameter ids.
    public var parameters: [String: String]

    public init(campaignNqlId: NQLID, userSid: [UserSID], expiresInMinutes: Int, parameters: [String: String] = [:]) {
        self.campaignNqlId = campaignNqlId
        self.userSid = userSid
        self.expiresInMinutes = expiresInMinutes
        self.parameters = parameters
    }

    /// Calls of at most `size` users each (the API's per-call limit).
    public func batches(size: Int = Limits.campaignUsers.upperBound) -> [CampaignTriggerRequest] {
        let chunks = BatchPlanner.chunks(userSid, size: size)
        guard chunks.count > 1 else { return [self] }
        return chunks.map { CampaignTriggerRequest(campaignNqlId: campaignNqlId, userSid: $0, expiresInMinutes: expiresInMinutes,
                                                   parameters: parameters) }
    }
}

/// 200 from a trigger: one entry per distinct SID.
public struct CampaignTriggerResponse: Sendable, Hashable, Codable {
    public var requests: [CampaignUserRequest]

    public init(requests: [CampaignUserRequest]) {
        self.requests = requests
    }

    /// Users the campaign could not be sent to, with the service's reason.
    public var refused: [CampaignUserRequest] { requests.filter { $0.requestId == nil } }
}

/// `requestId` when the campaign was sent to this user (query it in NQL `campaign.responses`,
/// `#campaign_responses_by_request`), else the `message` saying why not.
public struct CampaignUserRequest: Sendable, Hashable, Codable {
    public var userSid: String
    public var requestId: String?
    public var message: String?

    public init(userSid: String, requestId: String? = nil, message: String? = nil) {
        self.userSid = userSid
        self.requestId = requestId
        self.message = message
    }
}

/// A campaign as the tenant's saved NQL query `#campaigns` (over `campaign.campaigns`) lists
/// it. The public API has no campaign list; without that query there is none.
public struct CampaignInfo: Sendable, Hashable {
    public var id: String
    public var name: String
    public var status: String
    public var triggerMethod: String
    /// Parameter ids, when the query returns them (nil: unknown, so not checked).
    public var parameters: [String]?

    public init(id: String, name: String = "", status: String = "", triggerMethod: String = "", parameters: [String]? = nil) {
        self.id = id
        self.name = name
        self.status = status
        self.triggerMethod = triggerMethod
        self.parameters = parameters
    }

    /// One row of `#campaigns`; nil without an id. `campaign.nql_id` and bare `nql_id` are
    /// both read, and parameters as a list or a comma-separated string.
    init?(row: [String: JSONValue]) {
        func field(_ name: String) -> JSONValue? { row["campaign.\(name)"] ?? row[name] }
        guard let id = field("nql_id")?.stringValue ?? field("id")?.stringValue else { return nil }
        self.init(id: id, name: field("name")?.stringValue ?? "", status: field("status")?.stringValue ?? "",
                  triggerMethod: field("trigger_method")?.stringValue ?? "")
        switch field("parameters") {
        case .array(let names)?: parameters = names.compactMap(\.stringValue)
        case .string(let list)?: parameters = list.split(separator: ",").map { DeviceIDs.trimmed(String($0)) }
        default: parameters = nil
        }
    }
}
