/// Campaigns API 1.0.0, plus the campaign list that only a saved NQL query can give.
extension NexthinkClient {
    /// The saved query that lists campaigns (over `campaign.campaigns`).
    public static let campaignsQueryID = NQLQueryID(literal: "#campaigns")

    /// Campaigns from the tenant's saved query `#campaigns`. A tenant without that query gets
    /// a not-found error whose hint says how to add it.
    public func listCampaigns() async throws -> [CampaignInfo] {
        let result: NQLResult
        do {
            result = try await executeNQL(queryID: Self.campaignsQueryID)
        } catch var error as NexthinkError where error.kind == .notFound {
            error.hint = "the public API has no campaign list; save an NQL query \(Self.campaignsQueryID) over campaign.campaigns "
                + "(listing nql_id, name, status, trigger_method, parameters) in Nexthink"
            throw error
        }
        return result.data.compactMap(CampaignInfo.init(row:))
    }

    /// Sends a campaign to users. Validated first (against `campaign` when given); nothing is
    /// sent if any rule is broken. Never repeated unless the service provably did not act on it.
    public func triggerCampaign(_ request: CampaignTriggerRequest, against campaign: CampaignInfo? = nil) async throws
        -> CampaignTriggerResponse {
        let problems = request.problems(against: campaign)
        if !problems.isEmpty { throw NexthinkError.validation(problems) }
        let path = "/api/v1/euf/campaign/trigger"
        var context = ErrorContext(subject: "campaign \(request.campaignNqlId)",
                                   notFoundHint: "no campaign has the id \(request.campaignNqlId)")
        context.outcomeHint = CampaignTriggerRequest.outcomeHint
        let response = try await call("POST", path, .acting, context, body: try WireJSON.encode(request))
        return try decodeAccepted(CampaignTriggerResponse.self, response, path: path,
                                  what: "campaign \(request.campaignNqlId)", check: "the responses")
    }
}
