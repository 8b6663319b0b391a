#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Hummingbird
import NIOCore

/// Campaigns API 1.0.0: trigger a campaign for users. Errors are `{code, message}`.
///
/// Order of checks: body shape (400 INVALID_REQUEST), campaign (400 CAMPAIGN_NOT_FOUND,
/// CAMPAIGN_NOT_PUBLISHED, CAMPAIGN_NOT_API_TRIGGERED), parameters (400 INVALID_PARAMETERS:
/// the keys must be exactly the campaign's parameter ids). Then each distinct SID gets a
/// `requestId`, or a `message` when it is not a SID or no user has it.
struct CampaignRoutes: Sendable {
    let pipeline: Pipeline
    var state: EmulatorState { pipeline.state }

    static let maxUsers = 10_000
    static let expiryRange = 1...525_600
    static let maxParameters = 30

    func register(on router: Router<EmulatorContext>) {
        router.post("/api/v1/euf/campaign/trigger") { request, context in
            try await pipeline.serve(.campaignTrigger, .campaigns, request, context) { _, body in trigger(body) }
        }
    }

    private func trigger(_ body: ByteBuffer) -> Response {
        let parsed: TriggerRequest
        do {
            parsed = try TriggerRequest.parse(body.readableBytesView)
        } catch {
            return Reply.actionError(.badRequest, "INVALID_REQUEST", error.message)
        }
        let (id, sids, expires, params) = (parsed.campaignID, parsed.sids, parsed.expiresInMinutes, parsed.parameters)
        guard let campaign = state.automation.campaign(id: id) else {
            return Reply.actionError(.badRequest, "CAMPAIGN_NOT_FOUND", "no campaign with id '\(id.prefix(80))'")
        }
        if let refusal = refusal(campaign, params) { return refusal }
        return Reply.json(["requests": accept(campaign, sids: sids, expires: expires)])
    }

    private func refusal(_ campaign: Campaign, _ params: [String: String]) -> Response? {
        guard campaign.status == "PUBLISHED" else {
            return Reply.actionError(.badRequest, "CAMPAIGN_NOT_PUBLISHED", "campaign '\(campaign.id)' is \(campaign.status.lowercased()), not published")
        }
        guard campaign.triggerMethod == "API" else {
            return Reply.actionError(.badRequest, "CAMPAIGN_NOT_API_TRIGGERED",
                                     "campaign '\(campaign.id)' is triggered \(campaign.triggerMethod.lowercased()), not through the API")
        }
        let declared = Set(campaign.parameters), given = Set(params.keys)
        guard declared == given else {
            let missing = declared.subtracting(given).sorted(), unknown = given.subtracting(declared).sorted()
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(missing.joined(separator: ", "))") }
            if !unknown.isEmpty { parts.append("unknown \(unknown.joined(separator: ", "))") }
            return Reply.actionError(.badRequest, "INVALID_PARAMETERS",
                                     "parameters must be exactly the campaign's parameter ids: \(parts.joined(separator: "; "))")
        }
        return nil
    }

    private func accept(_ campaign: Campaign, sids: [String], expires: Int) -> [[String: String]] {
        let now = state.clock.now()
        var seen = Set<String>()
        var created: [CampaignRequest] = []
        var answer: [[String: String]] = []
        for sid in sids where seen.insert(sid).inserted {
            guard IdentifierShape.isSID(sid) else {
                answer.append(["userSid": sid, "message": "not a valid SID"])
                continue
            }
            guard state.automation.user(sid: sid) != nil else {
                answer.append(["userSid": sid, "message": "no user with this SID"])
                continue
            }
            let request = CampaignRequest(requestID: UUID().uuidString.lowercased(), campaignID: campaign.id, userSID: sid,
                                          createdAt: now, expiresInMinutes: expires)
            created.append(request)
            answer.append(["userSid": sid, "requestId": request.requestID])
        }
        state.campaignRuns.add(created)
        state.stats.recordAccepted(.campaignTrigger)
        return answer
    }
}

/// A syntactically valid campaign trigger body (spec `TriggerRequest`).
struct TriggerRequest {
    var campaignID: String
    var sids: [String]
    var expiresInMinutes: Int
    var parameters: [String: String]

    static func parse(_ body: some Collection<UInt8>) throws(ValidationError) -> TriggerRequest {
        let f = try JSONFields.object(body, schema: "TriggerRequest")
        let id = try f.requiredString("campaignNqlId", example: "#csat_after_fix")
        let items = try f.array("userSid", max: CampaignRoutes.maxUsers, of: "user SIDs")
        guard !items.isEmpty else { throw "userSid is required: 1 to \(CampaignRoutes.maxUsers) user SIDs" }
        var sids: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue else { throw "userSid[\(i)] must be a string, not \(item.typeName)" }
            sids.append(s)
        }
        guard let minutes = try f.integer("expiresInMinutes", in: CampaignRoutes.expiryRange) else {
            throw "expiresInMinutes is required: 1 to 525600 minutes"
        }
        return TriggerRequest(campaignID: id, sids: sids, expiresInMinutes: minutes,
                              parameters: try f.stringMap("parameters", max: CampaignRoutes.maxParameters))
    }
}
