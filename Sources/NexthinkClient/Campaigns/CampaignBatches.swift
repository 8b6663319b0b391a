/// One campaign trigger per batch of users (at most `Limits.campaignUsers` each).
extension BatchExecutor where Item == String, Response == CampaignTriggerResponse {
    /// `template` supplies everything but the users of each batch. A trigger is never sent again
    /// after an unknown outcome: the users could get the campaign twice.
    public init(template: CampaignTriggerRequest, client: NexthinkClient, concurrency: Int = 4) {
        self.init(concurrency: concurrency, path: "/api/v1/euf/campaign/trigger",
                  unknownOutcomeHint: CampaignTriggerRequest.outcomeHint) { batch in
            var request = template
            request.userSid = batch.items
            return try await client.triggerCampaign(request)
        }
    }
}

extension CampaignTriggerRequest {
    /// What to check before sending a trigger whose outcome is unknown again.
    static let outcomeHint = ErrorContext.outcomeHint(checking: "the responses (NQL campaign.responses)")
}

/// User SIDs one by one, before anything is sent, so the shell can report each bad one at its
/// place in the list. The pattern is the Workflows document's (the Campaigns one gives none).
public enum UserSIDs {
    /// Why `text` cannot be sent as a user SID; nil when it can. A UPN gets its own hint, since
    /// the Campaigns API takes only SIDs.
    public static func problem(_ text: String) -> String? {
        if IDRules.isSID(text) { return nil }
        if IDRules.isUPN(text) { return "'\(text)' is a UPN; campaigns take user SIDs (e.g. S-1-5-21-1-2-3-1001)" }
        return "'\(text.prefix(80))' is not \(IDRules.sidExample)"
    }
}
