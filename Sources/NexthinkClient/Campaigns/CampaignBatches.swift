/// One campaign trigger per batch of users (at most `Limits.campaignUsers` each).
extension BatchExecutor where Item == UserSID, Response == CampaignTriggerResponse {
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
