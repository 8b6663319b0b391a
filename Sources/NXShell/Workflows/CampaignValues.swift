import NXLanguage
import NexthinkClient

/// A campaign run as a language value: what the service answered for each user, and what
/// became of each batch.
enum CampaignValues {
    /// `requests` has one record per user of the accepted batches, in the service's order;
    /// users of failed batches are only in `batchResults`.
    static func run(_ plan: CampaignRun, _ results: [BatchResult<UserSID, CampaignTriggerResponse>]) -> Value {
        let answered = results.compactMap(\.response)
        let requests = answered.flatMap(\.requests)
        let notTargeted = answered.reduce(0) { $0 + $1.refused.count }
        return .record(Record([
            ("campaignId", .nqlID(plan.template.campaignNqlId.text)),
            ("requests", .list(requests.map(request))),
            ("targeted", .int(requests.count - notTargeted)),
            ("notTargeted", .int(notTargeted)),
            ("expiresInMinutes", .int(plan.template.expiresInMinutes)),
            ("userCount", .int(plan.userCount)),
            ("batches", .int(results.count)),
            ("failedBatches", .int(results.count - answered.count)),
            ("duplicatesDropped", .int(plan.duplicatesDropped)),
            ("batchResults", .list(results.map(batch))),
        ]))
    }

    /// Both fields are always there, one of them null, so `where requestId == null` reads
    /// every record alike.
    static func request(_ r: CampaignUserRequest) -> Value {
        .record(Record([
            ("userSid", .string(r.userSid)),
            ("requestId", r.requestId.map { .string($0) } ?? .null),
            ("message", r.message.map { .string($0) } ?? .null),
        ]))
    }

    static func batch(_ result: BatchResult<UserSID, CampaignTriggerResponse>) -> Value {
        let refused = result.response?.refused.count
        return .record(Record([
            ("index", .int(result.batch.index)),
            ("userRange", .string(result.batch.range)),
            ("userCount", .int(result.batch.items.count)),
            ("targeted", result.response.map { .int($0.requests.count - (refused ?? 0)) } ?? .null),
            ("notTargeted", refused.map { .int($0) } ?? .null),
            ("error", FleetValues.error(result)),
            ("outcomeUnknown", .bool(result.outcomeUnknown)),
        ]))
    }
}
