import NXLanguage
import NexthinkClient

/// A campaign trigger, decided before sending: the users in batches and the request shared by
/// all of them.
struct CampaignRun: BatchedChange {
    var template: CampaignTriggerRequest
    /// From `#campaigns`, when the tenant has that query: its name for the prompt and the dry run.
    var campaign: CampaignInfo?
    var batches: [Batch<UserSID>]
    var userCount: Int
    var duplicatesDropped: Int
    /// Not part of the Campaigns API: kept in the audit log only.
    var reason: String?

    var subject: String { template.campaignNqlId.text }
    var auditKind: String? { "campaign" }
    var itemNoun: String { "users" }
    var unknownOutcomeAdvice: String { ShellMessages.campaignUnknownAdvice }

    func executor(_ client: NexthinkClient, concurrency: Int) -> BatchExecutor<UserSID, CampaignTriggerResponse> {
        BatchExecutor(template: template, client: client, concurrency: concurrency)
    }

    /// The audit log's device fields hold the batch's users: `deviceRange` its positions,
    /// `devicesSha256` the digest of its SIDs.
    func describeIntent(_ batch: Batch<UserSID>, in entry: inout AuditEntry) {
        entry.devicesSha256 = AuditEntry.digest(batch.items.map(\.text))
        entry.params = template.parameters
        entry.expiresInMinutes = template.expiresInMinutes
        entry.triggerInfo = reason.map { TriggerInfo(reason: $0) }
    }

    /// One request id per user is too many for a log line: the counts say what became of them.
    func describeResponse(_ response: CampaignTriggerResponse, in entry: inout AuditEntry) {
        entry.expiresInMinutes = template.expiresInMinutes
        entry.notActedOn = response.refused.count
    }

    func value(_ results: [BatchResult<UserSID, CampaignTriggerResponse>]) -> Value {
        CampaignValues.run(self, results)
    }

    /// Users the service answered with a message instead of a request id.
    func shortfall(_ results: [BatchResult<UserSID, CampaignTriggerResponse>]) -> [String] {
        results.compactMap(\.response).flatMap(\.refused).map { ShellMessages.userNotTargeted($0.userSid, $0.message) }
    }
}
