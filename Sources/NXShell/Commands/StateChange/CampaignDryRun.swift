import NXLanguage
import NexthinkClient

/// `--dry-run` / `dryrun = true` for `run campaign`: what would be sent, on stderr, and a record
/// describing it. Nothing is sent and nothing is written to the audit log.
struct CampaignDryRun {
    let plan: CampaignRun
    let concurrency: Int

    var report: String {
        let template = plan.template
        var lines = [ShellMessages.campaignDryRun(CampaignSummary.title(template.campaignNqlId.text, plan.campaign), users: plan.userCount,
                                                  batches: plan.batches.count, concurrency: concurrency)]
        if plan.duplicatesDropped > 0 { lines.append("  " + ShellMessages.duplicateUsersLine(plan.duplicatesDropped)) }
        lines += DryRun.batchLines(plan.batches, noun: plan.itemNoun)
        for key in template.parameters.keys.sorted() { lines.append("  param \(key) = \(template.parameters[key] ?? "")") }
        if let first = plan.batches.first {
            lines.append("  POST /api/v1/euf/campaign/trigger, body of batch 1:")
            lines.append("  " + Self.body(template, users: first.items))
        }
        return lines.joined(separator: "\n")
    }

    /// The JSON body exactly as the client sends it (`WireJSON`); long user lists elided.
    static func body(_ template: CampaignTriggerRequest, users: [UserSID]) -> String {
        var request = template
        request.userSid = Array(users.prefix(DryRun.devicesShown))
        return DryRun.elided(try? WireJSON.encode(request), lastShown: request.userSid.last.map { "\"\($0)\"" },
                             hidden: users.count - request.userSid.count)
    }

    var record: Value {
        let t = plan.template
        return .record(Record([
            ("dryRun", .bool(true)),
            ("campaignId", .nqlID(t.campaignNqlId.text)),
            ("userCount", .int(plan.userCount)),
            ("batches", .int(plan.batches.count)),
            ("duplicatesDropped", .int(plan.duplicatesDropped)),
            ("userRanges", .list(plan.batches.map { .string($0.range) })),
            ("parameters", .record(Record(t.parameters.keys.sorted().map { ($0, .string(t.parameters[$0] ?? "")) }))),
            ("expiresInMinutes", .int(t.expiresInMinutes)),
        ]))
    }
}

/// What is about to be sent, for the confirmation prompt.
enum CampaignSummary {
    /// `#csat_after_fix (Satisfaction after a fix)`, or the id alone when `#campaigns` is missing.
    static func title(_ id: String, _ campaign: CampaignInfo?) -> String {
        guard let name = campaign?.name, !name.isEmpty else { return id }
        return "\(id) (\(name))"
    }

    static func prompt(_ plan: CampaignRun) -> String {
        let t = plan.template
        var lines = [ShellMessages.aboutToSend(title(t.campaignNqlId.text, plan.campaign), users: plan.userCount, batches: plan.batches.count)]
        for key in t.parameters.keys.sorted() { lines.append("  \(key) = \(t.parameters[key] ?? "")") }
        lines.append("  " + ShellMessages.campaignExpiry(t.expiresInMinutes))
        if let reason = plan.reason { lines.append("  reason: \(reason)") }
        lines.append("Proceed? [y/N] ")
        return lines.joined(separator: "\n")
    }
}
